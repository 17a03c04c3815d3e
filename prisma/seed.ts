// Demo data: the default organization and one AWS account pointing at the local cloud simulator.
// Idempotent: running it again changes nothing. The scan itself is real: `npm run demo` starts it through the API.
import { parseMasterKey } from '@aispm/config';
import { SIM_AWS_ACCESS_KEY_ID, SIM_AWS_SECRET_ACCESS_KEY } from '@aispm/cloud-sim';
import { createCredentialCipher, createDatabase, credentialFingerprint, newId } from '@aispm/db';

const DEMO_ACCOUNT = 'Simulated AWS (demo)';

async function main(): Promise<void> {
  // The seed runs as the schema owner, like migrations: it writes rows of a tenant it is creating.
  const databaseUrl = process.env.DATABASE_ADMIN_URL;
  const masterKey = process.env.MASTER_KEY;
  if (!databaseUrl || !masterKey) throw new Error('DATABASE_ADMIN_URL and MASTER_KEY must be set');
  const simUrl = process.env.SIM_URL ?? `http://127.0.0.1:${process.env.SIM_PORT ?? '4510'}`;
  const cipher = createCredentialCipher(parseMasterKey(masterKey));
  const db = createDatabase(databaseUrl, { max: 2, applicationName: 'aispm-seed' });
  try {
    const org = await db.prisma.organization.upsert({
      where: { slug: process.env.DEFAULT_ORG_SLUG ?? 'default' },
      create: { id: newId(), slug: process.env.DEFAULT_ORG_SLUG ?? 'default', name: 'Default organization' },
      update: {},
    });
    const existing = await db.prisma.cloudAccount.findFirst({
      where: { tenantId: org.id, name: DEMO_ACCOUNT },
    });
    if (existing) {
      console.log(`seed: "${DEMO_ACCOUNT}" already exists`);
      return;
    }
    const id = newId();
    const credentials = {
      kind: 'access_key',
      accessKeyId: SIM_AWS_ACCESS_KEY_ID,
      secretAccessKey: SIM_AWS_SECRET_ACCESS_KEY,
    };
    await db.prisma.cloudAccount.create({
      data: {
        id,
        tenantId: org.id,
        provider: 'aws',
        name: DEMO_ACCOUNT,
        scopeIds: ['123456789012'],
        regions: ['us-east-1', 'eu-west-1'],
        endpointOverride: simUrl,
        credentialsCiphertext: new Uint8Array(cipher.encrypt(JSON.stringify(credentials), `${org.id}:${id}`)),
        credentialsFingerprint: credentialFingerprint(credentials.accessKeyId, credentials.secretAccessKey),
        status: 'pending',
      },
    });
    console.log(`seed: created "${DEMO_ACCOUNT}" -> ${simUrl}`);
  } finally {
    await db.close();
  }
}

main().catch((e: unknown) => {
  console.error(`seed failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
