import type { ServiceDiscoverer } from '../types';
import { enabledServicesDiscoverer } from './service-usage.discoverer';
import { storageBucketsDiscoverer } from './storage.discoverer';
import { vertexDiscoverers } from './vertex.discoverers';
import { workbenchInstancesDiscoverer } from './workbench.discoverer';

export { testGcpConnection } from './connection-test';
export { closeGcpClients } from './clients';
export { GCP_READ_PERMISSIONS, gcpReaderCustomRole, type GcpCustomRole } from './least-privilege';
export { vertexDiscoverers } from './vertex.discoverers';
export { workbenchInstancesDiscoverer } from './workbench.discoverer';
export { storageBucketsDiscoverer } from './storage.discoverer';
export { enabledServicesDiscoverer } from './service-usage.discoverer';

/**
 * Every Google Cloud listing: Vertex AI collections and Workbench instances per location, Cloud Storage buckets
 * and enabled services once per project.
 */
export const gcpDiscoverers: ServiceDiscoverer<'gcp'>[] = [
  ...vertexDiscoverers,
  workbenchInstancesDiscoverer,
  storageBucketsDiscoverer,
  enabledServicesDiscoverer,
];
