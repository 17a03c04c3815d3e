// Demo data: an organization, its owner (the demo admin) and one AWS, one Azure and one Google Cloud account
// pointing at the local cloud simulator (SEED_CLOUDS narrows them, e.g. `aws`). Idempotent. The scan itself is real: `npm run demo` starts it through the API.
// The admin's password comes from DEMO_ADMIN_PASSWORD (scripts/env.sh makes one per checkout).
import { hash } from '@node-rs/argon2';
import { parseMasterKey } from '@aispm/config';
import {
  loadSimState,
  SIM_AWS_ACCESS_KEY_ID,
  SIM_AWS_SECRET_ACCESS_KEY,
  SIM_AZURE_CLIENT_ID,
  SIM_AZURE_CLIENT_SECRET,
  SIM_AZURE_SUBSCRIPTION_ID,
  SIM_AZURE_TENANT_ID,
  SIM_GCP_LOCATIONS,
  SIM_GCP_PROJECT_ID,
  simGcpServiceAccountKey,
} from '@aispm/cloud-sim';
import { createDatabase, newId } from '@aispm/db';
import { EnvelopeCipher, LocalKeyring, secretFingerprint } from '@aispm/secrets';

const DEMO_ACCOUNT = 'Simulated AWS (demo)';
export const DEMO_ADMIN_EMAIL = 'admin@aispm.local';

async function main(): Promise<void> {
  // The seed runs as the schema owner, like migrations: it writes rows of a tenant it is creating.
  const databaseUrl = process.env.DATABASE_ADMIN_URL;
  const masterKey = process.env.MASTER_KEY;
  const adminPassword = process.env.DEMO_ADMIN_PASSWORD;
  if (!databaseUrl || !masterKey || !adminPassword) {
    throw new Error('DATABASE_ADMIN_URL, MASTER_KEY and DEMO_ADMIN_PASSWORD must be set');
  }
  const cipher = new EnvelopeCipher(LocalKeyring.fromEnv({ MASTER_KEY: parseMasterKey(masterKey) }));
  const db = createDatabase(databaseUrl, { max: 2, applicationName: 'aispm-seed' });
  try {
    const org = await db.prisma.organization.upsert({
      where: { slug: 'demo' },
      create: { id: newId(), slug: 'demo', name: 'Demo organization' },
      update: {},
    });
    const admin = await db.prisma.user.upsert({
      where: { email: DEMO_ADMIN_EMAIL },
      create: {
        id: newId(),
        email: DEMO_ADMIN_EMAIL,
        name: 'Demo admin',
        passwordHash: await hash(adminPassword),
      },
      // Keep the printed password true even if it was changed since.
      update: { passwordHash: await hash(adminPassword) },
    });
    await db.prisma.membership.upsert({
      where: { tenantId_userId: { tenantId: org.id, userId: admin.id } },
      create: { id: newId(), tenantId: org.id, userId: admin.id, role: 'owner' },
      update: { role: 'owner' },
    });
    console.log(`seed: demo admin ${DEMO_ADMIN_EMAIL} (owner of "${org.name}")`);
    const clouds = (process.env.SEED_CLOUDS ?? 'aws,azure,gcp').split(',').map((c) => c.trim());
    const accounts = await simulatedAccounts(clouds);
    for (const a of accounts) {
      const existing = await db.prisma.cloudAccount.findFirst({ where: { tenantId: org.id, name: a.name } });
      const id = existing?.id ?? newId();
      // Re-encrypted on every run: the simulator's certificate or demo key may have been renewed since.
      const ciphertext = new Uint8Array(
        await cipher.encrypt(JSON.stringify(a.connection), `${org.id}:${id}`),
      );
      if (existing) {
        await db.prisma.cloudAccount.update({
          where: { id },
          data: { credentialsCiphertext: ciphertext, endpointOverride: a.endpoint },
        });
        console.log(`seed: "${a.name}" already exists (connection refreshed)`);
        continue;
      }
      await db.prisma.cloudAccount.create({
        data: {
          id,
          tenantId: org.id,
          provider: a.provider,
          name: a.name,
          scopeIds: a.scopeIds,
          regions: a.regions,
          endpointOverride: a.endpoint,
          scanIntervalHours: 24,
          credentialsCiphertext: ciphertext,
          credentialsFingerprint: a.fingerprint,
          status: 'pending',
        },
      });
      console.log(`seed: created "${a.name}" -> ${a.endpoint}`);
    }
  } finally {
    await db.close();
  }
}

interface SeedAccount {
  provider: 'aws' | 'azure' | 'gcp';
  name: string;
  scopeIds: string[];
  regions: string[];
  endpoint: string;
  connection: unknown;
  fingerprint: string;
}

/**
 * The simulator's three demo accounts. The Azure CA and the Google key come from the simulator's state
 * directory (SIM_STATE_DIR, .data/cloud-sim in the scripts), which the simulator started afterwards reuses.
 */
async function simulatedAccounts(clouds: string[]): Promise<SeedAccount[]> {
  const host = '127.0.0.1';
  const simUrl = process.env.SIM_URL ?? `http://${host}:${process.env.SIM_PORT ?? '4510'}`;
  const azureUrl = `https://${host}:${process.env.SIM_AZURE_PORT ?? '4511'}`;
  const gcpUrl = `http://${host}:${process.env.SIM_GCP_PORT ?? '4512'}`;
  const out: SeedAccount[] = [];
  if (clouds.includes('aws')) {
    out.push({
      provider: 'aws',
      name: DEMO_ACCOUNT,
      scopeIds: ['123456789012'],
      regions: ['us-east-1', 'eu-west-1'],
      endpoint: simUrl,
      connection: {
        credentials: {
          kind: 'access_key',
          accessKeyId: SIM_AWS_ACCESS_KEY_ID,
          secretAccessKey: SIM_AWS_SECRET_ACCESS_KEY,
        },
      },
      fingerprint: secretFingerprint(SIM_AWS_ACCESS_KEY_ID, SIM_AWS_SECRET_ACCESS_KEY),
    });
  }
  if (!clouds.includes('azure') && !clouds.includes('gcp')) return out;
  const state = await loadSimState(process.env.SIM_STATE_DIR ?? '.data/cloud-sim');
  if (clouds.includes('azure')) {
    out.push({
      provider: 'azure',
      name: 'Simulated Azure (demo)',
      scopeIds: [SIM_AZURE_SUBSCRIPTION_ID],
      regions: [],
      endpoint: azureUrl,
      connection: {
        credentials: {
          kind: 'client_secret',
          tenantId: SIM_AZURE_TENANT_ID,
          clientId: SIM_AZURE_CLIENT_ID,
          clientSecret: SIM_AZURE_CLIENT_SECRET,
          authorityHost: azureUrl,
        },
        caCertificate: state.azureTls.cert,
      },
      fingerprint: secretFingerprint(SIM_AZURE_CLIENT_ID, SIM_AZURE_CLIENT_SECRET),
    });
  }
  if (clouds.includes('gcp')) {
    const key = simGcpServiceAccountKey(`${gcpUrl}/token`, 'reader');
    out.push({
      provider: 'gcp',
      name: 'Simulated Google Cloud (demo)',
      scopeIds: [SIM_GCP_PROJECT_ID],
      regions: [...SIM_GCP_LOCATIONS],
      endpoint: gcpUrl,
      connection: { credentials: { kind: 'service_account_key', key } },
      fingerprint: secretFingerprint(key.client_email, key.private_key),
    });
  }
  return out;
}

main().catch((e: unknown) => {
  console.error(`seed failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
