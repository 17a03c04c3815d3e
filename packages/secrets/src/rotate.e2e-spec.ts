import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnvelopeCipher } from './envelope-cipher';
import type { KeyEncryptionKeyProvider } from './key-provider';
import { LocalKeyring } from './local-keyring';
import { rotateSecrets, type ColumnReport } from './rotate';

// Fresh keys per run: rows other e2e files left in the shared database are wrapped by other keys.
const OLD = randomBytes(32);
const NEW = randomBytes(32);
const SECRET = (n: number) =>
  JSON.stringify({ kind: 'access_key', accessKeyId: `AKIA${n}`, secretAccessKey: `s${n}` });

let admin: pg.Pool;
let tenantId: string;

async function insertAccount(blob: (id: string) => Promise<Buffer | null>): Promise<string> {
  const id = randomUUID();
  await admin.query(
    `INSERT INTO cloud_accounts (id, tenant_id, provider, name, credentials_ciphertext, updated_at)
     VALUES ($1, $2, 'aws', $3, $4, now())`,
    [id, tenantId, `rotate-${id}`, await blob(id)],
  );
  return id;
}

const storedBlob = async (id: string): Promise<Buffer> =>
  (
    await admin.query<{ b: Buffer }>('SELECT credentials_ciphertext AS b FROM cloud_accounts WHERE id = $1', [
      id,
    ])
  ).rows[0].b;

const cloudAccounts = (reports: ColumnReport[]) => reports.find((r) => r.table === 'cloud_accounts')!;
const context = (id: string) => `${tenantId}:${id}`;

beforeAll(async () => {
  const url = process.env.DATABASE_ADMIN_URL;
  if (!url) throw new Error('DATABASE_ADMIN_URL is not set for e2e tests');
  admin = new pg.Pool({ connectionString: url, max: 2 });
  tenantId = randomUUID();
  await admin.query('INSERT INTO organizations (id, name, slug) VALUES ($1, $2, $3)', [
    tenantId,
    'Rotation test',
    `rotate-${tenantId}`,
  ]);
});

afterAll(async () => {
  await admin?.query('DELETE FROM organizations WHERE id = $1', [tenantId]);
  await admin?.end();
});

describe('rotateSecrets', () => {
  it('re-wraps every value the old key wrapped, so the old key can be dropped', async () => {
    const before = new EnvelopeCipher(new LocalKeyring(OLD));
    const ids: string[] = [];
    for (let n = 0; n < 5; n += 1)
      ids.push(await insertAccount((id) => before.encrypt(SECRET(n), context(id))));
    const misplaced = await insertAccount(async () => storedBlob(ids[0]));
    const empty = await insertAccount(async () => null);
    const rotating = new EnvelopeCipher(new LocalKeyring(NEW, [OLD]));

    const dry = cloudAccounts(await rotateSecrets(admin, rotating, { dryRun: true, batchSize: 2 }));
    expect(dry.rewrapped).toBe(5);
    expect(rotating.needsRewrap(await storedBlob(ids[1]))).toBe(true);

    const blobsBefore = await Promise.all(ids.map(storedBlob));
    const first = cloudAccounts(await rotateSecrets(admin, rotating, { batchSize: 2 }));
    expect(first.rewrapped).toBe(5);
    expect(first.failed.map((f) => f.id)).not.toEqual(expect.arrayContaining(ids));
    expect(first.failed).toContainEqual({ id: misplaced, reason: expect.stringMatching(/another record/) });
    expect(first.failed.map((f) => f.id)).not.toContain(empty);

    const onlyNew = new EnvelopeCipher(new LocalKeyring(NEW));
    for (const [n, id] of ids.entries()) {
      const blob = await storedBlob(id);
      expect(await onlyNew.decrypt(blob, context(id))).toBe(SECRET(n));
      expect(onlyNew.keyIdOf(blob)).toBe(LocalKeyring.keyId(NEW));
      // Only the data key was re-wrapped: nonce, tag and payload are the same bytes.
      const payload = 12 + 16 + Buffer.byteLength(SECRET(n));
      expect(blob.subarray(-payload).equals(blobsBefore[n].subarray(-payload))).toBe(true);
    }

    const second = cloudAccounts(await rotateSecrets(admin, rotating, { batchSize: 2 }));
    expect(second.rewrapped).toBe(0);
    expect(second.current).toBeGreaterThanOrEqual(5);
    expect(second.failed).toContainEqual({ id: misplaced, reason: expect.stringMatching(/another record/) });
  });

  it('does not overwrite a value changed while the rotation ran', async () => {
    const before = new EnvelopeCipher(new LocalKeyring(OLD));
    const after = new EnvelopeCipher(new LocalKeyring(NEW));
    const id = await insertAccount((accountId) => before.encrypt(SECRET(1), context(accountId)));
    const replaced = SECRET(2);
    const keyring = new LocalKeyring(NEW, [OLD]);
    // Someone saves new credentials between the rotation's read and its write.
    let raced = false;
    const racing: KeyEncryptionKeyProvider = {
      activeKeyId: () => keyring.activeKeyId(),
      unwrap: (...args) => keyring.unwrap(...args),
      async wrap(dataKey, ctx) {
        if (ctx === context(id) && !raced) {
          raced = true;
          await admin.query('UPDATE cloud_accounts SET credentials_ciphertext = $1 WHERE id = $2', [
            await after.encrypt(replaced, context(id)),
            id,
          ]);
        }
        return keyring.wrap(dataKey, ctx);
      },
    };

    const report = cloudAccounts(await rotateSecrets(admin, new EnvelopeCipher(racing)));

    expect(raced).toBe(true);
    expect(report.failed.map((f) => f.id)).not.toContain(id);
    expect(await after.decrypt(await storedBlob(id), context(id))).toBe(replaced);
  });
});

describe('npm run secrets:rotate', () => {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const run = (args: string[], env: Record<string, string>) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const { PATH, HOME } = process.env;
      execFile(
        process.execPath,
        ['--import', 'tsx', 'scripts/rotate-secrets.ts', ...args],
        { cwd: root, env: { PATH, HOME, ...env }, timeout: 30_000 },
        (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
      );
    });
  const keys = {
    DATABASE_ADMIN_URL: process.env.DATABASE_ADMIN_URL ?? '',
    MASTER_KEY: NEW.toString('base64'),
    MASTER_KEY_PREVIOUS: OLD.toString('base64'),
  };

  it('exits 2 on an unknown argument, naming it', async () => {
    const { code, stderr } = await run(['--force'], keys);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown argument --force');
  });

  it('exits 2 naming each bad variable', async () => {
    const { code, stderr } = await run([], {
      ...keys,
      MASTER_KEY_PREVIOUS: 'c2hvcnQ=',
      DATABASE_ADMIN_URL: '',
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/MASTER_KEY_PREVIOUS: entry 1 of 1: must be 32 bytes/);
    expect(stderr).toMatch(/DATABASE_ADMIN_URL: /);
  });

  it("exits 2 when DATABASE_ADMIN_URL is the application's role", async () => {
    const { code, stderr } = await run([], { ...keys, DATABASE_ADMIN_URL: process.env.DATABASE_URL ?? '' });
    expect(code).toBe(2);
    expect(stderr).toContain('must connect as the schema owner');
  });

  it('lists a row it cannot rewrap with its id and reason, and exits 1', async () => {
    const id = await insertAccount(async () => Buffer.from([2, 0]));
    const { code, stdout } = await run(['--dry-run'], keys);
    expect(code).toBe(1);
    expect(stdout).toContain(
      `active key ${LocalKeyring.keyId(NEW)}; previous keys: ${LocalKeyring.keyId(OLD)}`,
    );
    expect(stdout).toMatch(
      /cloud_accounts\.credentials_ciphertext: \d+ to rewrap, \d+ already current, \d+ failed/,
    );
    expect(stdout).toContain(`failed ${id}: the secret blob is truncated or malformed`);
    await admin.query('DELETE FROM cloud_accounts WHERE id = $1', [id]);
  });
});
