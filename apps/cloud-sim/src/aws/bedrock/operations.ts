import type { FaultTargets } from '../../fault-catalog';

/** Control-plane operations (`@aws-sdk/client-bedrock`) the simulator answers. */
export const BEDROCK_OPERATIONS = [
  'ListCustomModels',
  'GetCustomModel',
  'ListImportedModels',
  'GetImportedModel',
  'ListProvisionedModelThroughputs',
  'GetProvisionedModelThroughput',
  'ListGuardrails',
  'GetGuardrail',
  'GetModelInvocationLoggingConfiguration',
  'ListFoundationModels',
  'ListTagsForResource',
] as const;

/** Paged control-plane listings (ListFoundationModels is not paged). */
export const BEDROCK_LISTING_OPERATIONS = [
  'ListCustomModels',
  'ListImportedModels',
  'ListProvisionedModelThroughputs',
  'ListGuardrails',
] as const;

/** Agents operations (`@aws-sdk/client-bedrock-agent`) the simulator answers. */
export const BEDROCK_AGENT_OPERATIONS = [
  'ListAgents',
  'GetAgent',
  'ListAgentKnowledgeBases',
  'ListKnowledgeBases',
  'GetKnowledgeBase',
  'ListDataSources',
  'GetDataSource',
  'ListTagsForResource',
] as const;

export const BEDROCK_AGENT_LISTING_OPERATIONS = [
  'ListAgents',
  'ListAgentKnowledgeBases',
  'ListKnowledgeBases',
  'ListDataSources',
] as const;

export type BedrockOperation = (typeof BEDROCK_OPERATIONS)[number];
export type BedrockAgentOperation = (typeof BEDROCK_AGENT_OPERATIONS)[number];

/**
 * Bedrock operations a fault can target, by fault service name: `bedrock` (control plane, e.g.
 * `bedrock.ListGuardrails:fail-page:2`) and `bedrock-agent` (agents and knowledge bases). Both sign as `bedrock`.
 */
export const BEDROCK_FAULT_TARGETS: Record<string, FaultTargets> = {
  bedrock: { operations: BEDROCK_OPERATIONS, listingOperations: BEDROCK_LISTING_OPERATIONS },
  'bedrock-agent': {
    operations: BEDROCK_AGENT_OPERATIONS,
    listingOperations: BEDROCK_AGENT_LISTING_OPERATIONS,
  },
};
