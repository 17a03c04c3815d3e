import type { ServiceDiscoverer } from '../../types';

/** Every Amazon Bedrock listing (control plane and agents). */
export const bedrockDiscoverers: ServiceDiscoverer<'aws'>[] = [];
