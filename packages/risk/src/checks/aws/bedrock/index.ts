import type { CheckDefinition } from '../../../check';
import { bedrockAgentGuardrailPromptAttackWeak } from './bedrock-agent-guardrail-prompt-attack-weak.check';
import { bedrockAgentNoCmk } from './bedrock-agent-no-cmk.check';
import { bedrockAgentNoGuardrail } from './bedrock-agent-no-guardrail.check';
import { bedrockAgentSharedRole } from './bedrock-agent-shared-role.check';
import { bedrockCustomModelNoCmk } from './bedrock-custom-model-no-cmk.check';
import { bedrockCustomModelPublicTrainingData } from './bedrock-custom-model-public-training-data.check';
import { bedrockGuardrailContentFilterWeak } from './bedrock-guardrail-content-filter-weak.check';
import { bedrockGuardrailNoCmk } from './bedrock-guardrail-no-cmk.check';
import { bedrockGuardrailNoContextualGrounding } from './bedrock-guardrail-no-contextual-grounding.check';
import { bedrockGuardrailNoDeniedTopicOrWordPolicy } from './bedrock-guardrail-no-denied-topic-or-word-policy.check';
import { bedrockGuardrailNoSensitiveInformationFilter } from './bedrock-guardrail-no-sensitive-information-filter.check';
import { bedrockGuardrailPromptAttackFilterWeak } from './bedrock-guardrail-prompt-attack-filter-weak.check';
import { bedrockIamFullAccessPolicyAttached } from './bedrock-iam-full-access-policy-attached.check';
import { bedrockIamLongLivedApiKey } from './bedrock-iam-long-lived-api-key.check';
import { bedrockImportedModelNoCmk } from './bedrock-imported-model-no-cmk.check';
import { bedrockInvocationLoggingDisabled } from './bedrock-invocation-logging-disabled.check';
import { bedrockInvocationLoggingNotEncrypted } from './bedrock-invocation-logging-not-encrypted.check';
import { bedrockKnowledgeBaseDataSourceCrossAccountBucket } from './bedrock-knowledge-base-data-source-cross-account-bucket.check';
import { bedrockKnowledgeBaseDataSourceNoCmk } from './bedrock-knowledge-base-data-source-no-cmk.check';
import { bedrockKnowledgeBaseDataSourcePublicBucket } from './bedrock-knowledge-base-data-source-public-bucket.check';
import { bedrockRegionNoVpcEndpoint } from './bedrock-region-no-vpc-endpoint.check';

/** Amazon Bedrock checks, in the order findings list them for one asset. */
export const bedrockChecks: readonly CheckDefinition[] = [
  bedrockInvocationLoggingDisabled,
  bedrockInvocationLoggingNotEncrypted,
  bedrockRegionNoVpcEndpoint,
  bedrockGuardrailPromptAttackFilterWeak,
  bedrockGuardrailContentFilterWeak,
  bedrockGuardrailNoSensitiveInformationFilter,
  bedrockGuardrailNoContextualGrounding,
  bedrockGuardrailNoDeniedTopicOrWordPolicy,
  bedrockGuardrailNoCmk,
  bedrockAgentNoGuardrail,
  bedrockAgentGuardrailPromptAttackWeak,
  bedrockAgentSharedRole,
  bedrockAgentNoCmk,
  bedrockCustomModelNoCmk,
  bedrockCustomModelPublicTrainingData,
  bedrockImportedModelNoCmk,
  bedrockKnowledgeBaseDataSourceNoCmk,
  bedrockKnowledgeBaseDataSourcePublicBucket,
  bedrockKnowledgeBaseDataSourceCrossAccountBucket,
  bedrockIamFullAccessPolicyAttached,
  bedrockIamLongLivedApiKey,
];
