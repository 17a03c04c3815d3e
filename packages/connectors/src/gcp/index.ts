import type { ConnectionTestResult } from '../aws/connection-test';
import type { GcpTarget, ServiceDiscoverer } from '../types';

/** Every Google Cloud listing (Vertex AI, Workbench, Cloud Storage, Service Usage). */
export const gcpDiscoverers: ServiceDiscoverer<'gcp'>[] = [];

export function testGcpConnection(_target: GcpTarget): Promise<ConnectionTestResult> {
  return Promise.resolve({
    ok: false,
    code: 'Unknown',
    message: 'Google Cloud connections are not available in this version yet',
  });
}
