import type { ConnectionTestResult } from '../aws/connection-test';
import type { AzureTarget, ServiceDiscoverer } from '../types';

/** Every Azure listing (Machine Learning, Cognitive Services / OpenAI, storage, role assignments). */
export const azureDiscoverers: ServiceDiscoverer<'azure'>[] = [];

export function testAzureConnection(_target: AzureTarget): Promise<ConnectionTestResult> {
  return Promise.resolve({
    ok: false,
    code: 'Unknown',
    message: 'Azure connections are not available in this version yet',
  });
}
