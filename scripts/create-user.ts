// npm run users:create -- --email alice@example.com --org "Acme Security" [--role owner] [--name "Alice"]
// Creates (or joins) an organization and a user with a generated password, as the schema owner
// (DATABASE_ADMIN_URL). This is how the first owner of a new installation gets in; afterwards owners and
// admins manage members in the console. Prints the password once.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { hash } from '@node-rs/argon2';
import { ROLES, type TRole } from '@aispm/contracts';
import { createDatabase, newId } from '@aispm/db';

function fail(message: string, code = 2): never {
  console.error(`users:create: ${message}`);
  process.exit(code);
}

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    org: { type: 'string' },
    role: { type: 'string', default: 'owner' },
    name: { type: 'string' },
  },
  strict: true,
});
const email = values.email?.trim().toLowerCase();
if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) fail('--email must be an email address');
if (!values.org?.trim()) fail('--org must name the organization');
if (!(ROLES as readonly string[]).includes(values.role ?? ''))
  fail(`--role must be one of ${ROLES.join(', ')}`);
const role = values.role as TRole;
const databaseUrl = process.env.DATABASE_ADMIN_URL;
if (!databaseUrl)
  fail('DATABASE_ADMIN_URL is not set (the schema owner, e.g. postgresql://postgres@host/aispm)');

const orgName = values.org.trim();
const slug =
  orgName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 63) || 'org';
const password = randomBytes(15).toString('base64url');
const db = createDatabase(databaseUrl, { max: 1, applicationName: 'aispm-users-create' });
try {
  const org = await db.prisma.organization.upsert({
    where: { slug },
    create: { id: newId(), slug, name: orgName },
    update: {},
  });
  const existing = await db.prisma.user.findUnique({ where: { email } });
  if (existing) fail(`a user with email ${email} already exists`, 1);
  const user = await db.prisma.user.create({
    data: {
      id: newId(),
      email,
      name: values.name ?? email.split('@')[0]!,
      passwordHash: await hash(password),
    },
  });
  await db.prisma.membership.create({ data: { id: newId(), tenantId: org.id, userId: user.id, role } });
  console.log(`created ${email} (${role} of "${org.name}")`);
  console.log(`password: ${password}`);
  console.log('It is shown only now; sign in and keep it in your password manager.');
} catch (e) {
  fail(e instanceof Error ? e.message : String(e), 1);
} finally {
  await db.close();
}
