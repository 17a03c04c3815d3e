import type { TAssetRecord, TDiscoveredAsset } from '@aispm/contracts';
import type { AwsTarget, DiscoveryOptions, ServiceDiscoverer } from '@aispm/connectors';
import { parseMasterKey } from '@aispm/config';
import { createDatabase, newId, type Database } from '@aispm/db';
import { EnvelopeCipher, LocalKeyring } from '@aispm/secrets';

export const TEST_MASTER_KEY = Buffer.alloc(32, 0x33).toString('base64');

/** A notebook as the connector would store it; `overrides` set or (with undefined) drop fields. */
export function notebookRecord(
  name: string,
  region: string,
  overrides: Record<string, unknown> = {},
): TAssetRecord {
  const arn = `arn:aws:sagemaker:${region}:123456789012:notebook-instance/${name}`;
  const attributes: Record<string, unknown> = {
    NotebookInstanceArn: arn,
    NotebookInstanceName: name,
    NotebookInstanceStatus: 'InService',
    DirectInternetAccess: 'Disabled',
    RootAccess: 'Disabled',
    KmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/abc',
    SubnetId: 'subnet-1',
  };
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete attributes[k];
    else attributes[k] = v;
  }
  return { assetType: 'aws.sagemaker.notebook_instance', nativeId: arn, name, region, attributes, tags: {} };
}

/**
 * A scripted stand-in for a cloud listing, to test the pipeline's own rules (paging, partial listings,
 * deletion). Connectors themselves are tested against the simulator through the real SDK.
 */
export class ScriptedDiscoverer implements ServiceDiscoverer {
  readonly provider = 'aws' as const;
  readonly service = 'sagemaker.notebooks';
  readonly assetTypes = ['aws.sagemaker.notebook_instance'];
  /** region -> pages; an Error in the list is thrown when the listing reaches it. */
  script = new Map<string, (TDiscoveredAsset[] | Error)[]>();
  calls = 0;

  async *discover(target: AwsTarget, _opts?: DiscoveryOptions): AsyncIterable<TDiscoveredAsset[]> {
    this.calls += 1;
    for (const page of this.script.get(target.region) ?? []) {
      if (page instanceof Error) throw page;
      yield page;
    }
  }
}

export async function createTenantWithAccount(db: Database, regions: string[]) {
  const tenantId = newId();
  const accountId = newId();
  await db.prisma.organization.create({
    data: { id: tenantId, name: 'Worker test', slug: `worker-${tenantId}` },
  });
  const cipher = new EnvelopeCipher(LocalKeyring.fromEnv({ MASTER_KEY: parseMasterKey(TEST_MASTER_KEY) }));
  const creds = {
    kind: 'access_key',
    accessKeyId: 'TESTKEYID0000001',
    secretAccessKey: 'test-secret-0123456789',
  };
  await db.prisma.cloudAccount.create({
    data: {
      id: accountId,
      tenantId,
      provider: 'aws',
      name: 'worker-test',
      scopeIds: ['123456789012'],
      regions,
      credentialsCiphertext: new Uint8Array(
        await cipher.encrypt(JSON.stringify(creds), `${tenantId}:${accountId}`),
      ),
      credentialsFingerprint: 'test',
      status: 'connected',
    },
  });
  return { tenantId, accountId };
}

/** The application role's connection: the worker under test runs under row-level security. */
export function testDatabase(): Database {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set for e2e tests');
  return createDatabase(url, { max: 4 });
}

/** The schema owner's connection, for fixtures and for checking what the worker stored. */
export function adminDatabase(): Database {
  const url = process.env.DATABASE_ADMIN_URL;
  if (!url) throw new Error('DATABASE_ADMIN_URL is not set for e2e tests');
  return createDatabase(url, { max: 2 });
}
