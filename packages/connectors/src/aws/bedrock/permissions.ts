/**
 * The IAM actions the Bedrock discoverers call, exactly: a read-only policy allowing these (on `*`) lets
 * every Bedrock listing complete. ListFoundationModels is not needed (foundation models are not inventoried).
 */
export const BEDROCK_READ_ACTIONS = [
  'bedrock:ListCustomModels',
  'bedrock:GetCustomModel',
  'bedrock:ListImportedModels',
  'bedrock:GetImportedModel',
  'bedrock:ListProvisionedModelThroughputs',
  'bedrock:GetProvisionedModelThroughput',
  'bedrock:ListGuardrails',
  'bedrock:GetGuardrail',
  'bedrock:GetModelInvocationLoggingConfiguration',
  // One action for the tags of both APIs (control plane and agents).
  'bedrock:ListTagsForResource',
  'bedrock:ListAgents',
  'bedrock:GetAgent',
  'bedrock:ListAgentKnowledgeBases',
  'bedrock:ListKnowledgeBases',
  'bedrock:GetKnowledgeBase',
  'bedrock:ListDataSources',
  'bedrock:GetDataSource',
] as const;
