import type { TCreateCloudAccount } from '@aispm/contracts';
import { testConnection } from '@aispm/connectors';
import type { OutboundPolicy } from '@aispm/security';

export const CONNECTION_TESTER = Symbol('CONNECTION_TESTER');

export type ConnectionResult = { ok: true } | { ok: false; code: string; message: string };

/** Checks the credentials against the cloud before anything is stored, so a typo is caught at the form. */
export interface ConnectionTester {
  test(input: TCreateCloudAccount): Promise<ConnectionResult>;
}

/** The real test through the cloud's SDK; its connections are held to the outbound policy (SSRF guard). */
export function sdkConnectionTester(outbound: OutboundPolicy): ConnectionTester {
  return { test: (input) => testConnection(input, outbound) };
}
