import type { TCreateCloudAccount } from '@aispm/contracts';
import { testAwsConnection } from '@aispm/connectors';

export const CONNECTION_TESTER = Symbol('CONNECTION_TESTER');

export type ConnectionResult = { ok: true } | { ok: false; code: string; message: string };

/** Checks the credentials against the cloud before anything is stored, so a typo is caught at the form. */
export interface ConnectionTester {
  test(input: TCreateCloudAccount): Promise<ConnectionResult>;
}

export const sdkConnectionTester: ConnectionTester = {
  test(input) {
    return testAwsConnection({
      provider: 'aws',
      accountId: input.scopeIds[0]!,
      region: input.regions[0]!,
      endpoint: input.endpoint,
      credentials: input.credentials,
    });
  },
};
