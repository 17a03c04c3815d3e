import type { ServiceDiscoverer } from '../../types';
import { bedrockAgentsDiscoverer } from './agents.discoverer';
import { bedrockCustomModelsDiscoverer } from './custom-models.discoverer';
import { bedrockGuardrailsDiscoverer } from './guardrails.discoverer';
import { bedrockImportedModelsDiscoverer } from './imported-models.discoverer';
import { bedrockInvocationLoggingDiscoverer } from './invocation-logging.discoverer';
import { bedrockKnowledgeBasesDiscoverer } from './knowledge-bases.discoverer';
import { bedrockProvisionedThroughputDiscoverer } from './provisioned-throughput.discoverer';

export { BEDROCK_READ_ACTIONS } from './permissions';
export { BEDROCK_ASSET_TYPES } from './bedrock-relations.mapper';

/** Every Amazon Bedrock listing (control plane and agents); each runs once per region of the account. */
export const bedrockDiscoverers: ServiceDiscoverer<'aws'>[] = [
  bedrockCustomModelsDiscoverer,
  bedrockImportedModelsDiscoverer,
  bedrockProvisionedThroughputDiscoverer,
  bedrockGuardrailsDiscoverer,
  bedrockAgentsDiscoverer,
  bedrockKnowledgeBasesDiscoverer,
  bedrockInvocationLoggingDiscoverer,
];
