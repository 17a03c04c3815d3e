// Demo data: an organization, its owner (the demo admin) and one AWS account pointing at the local cloud
// simulator. Idempotent. The scan itself is real: `npm run demo` starts it through the API.
// The admin's password comes from DEMO_ADMIN_PASSWORD (scripts/env.sh makes one per checkout).
import { hash } from '@node-rs/argon2';
import { parseMasterKey } from '@aispm/config';
import { SIM_AWS_ACCESS_KEY_ID, SIM_AWS_SECRET_ACCESS_KEY } from '@aispm/cloud-sim';
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
  const simUrl = process.env.SIM_URL ?? `http://127.0.0.1:${process.env.SIM_PORT ?? '4510'}`;
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
        scanIntervalHours: 24,
        credentialsCiphertext: new Uint8Array(
          await cipher.encrypt(JSON.stringify(credentials), `${org.id}:${id}`),
        ),
        credentialsFingerprint: secretFingerprint(credentials.accessKeyId, credentials.secretAccessKey),
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
