import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EnvelopeCipher } from './envelope-cipher';
import { UnknownKeyError, type KeyEncryptionKeyProvider } from './key-provider';
import { LocalKeyring } from './local-keyring';

const OLD = Buffer.alloc(32, 0x11);
const NEW = Buffer.alloc(32, 0x22);
const CONTEXT = '0193a1b2-0000-7000-8000-000000000001:0193a1b2-0000-7000-8000-000000000002';
const SECRET = JSON.stringify({
  kind: 'access_key',
  accessKeyId: 'AKIAEXAMPLE',
  secretAccessKey: 'wJalr/ü🔑',
});

const cipherWith = (active: Buffer, previous: Buffer[] = []) =>
  new EnvelopeCipher(new LocalKeyring(active, previous));

/** Fields of a blob a LocalKeyring wrapped (22-byte key id, 60-byte wrapped key): see envelope-cipher.ts */
function regions(blob: Buffer) {
  const k = 22;
  const w = 60;
  return [
    { region: 'version', from: 0, to: 1 },
    { region: 'key id length', from: 1, to: 2 },
    { region: 'key id', from: 2, to: 2 + k },
    { region: 'wrapped key length', from: 2 + k, to: 4 + k },
    { region: 'wrapped data key', from: 4 + k, to: 4 + k + w },
    { region: 'payload nonce', from: 4 + k + w, to: 16 + k + w },
    { region: 'payload tag', from: 16 + k + w, to: 32 + k + w },
    { region: 'payload ciphertext', from: 32 + k + w, to: blob.length },
  ];
}

describe('EnvelopeCipher with a LocalKeyring', () => {
  it('decrypts what it encrypted, and never stores the plaintext or the same bytes twice', async () => {
    const cipher = cipherWith(NEW);
    const a = await cipher.encrypt(SECRET, CONTEXT);
    const b = await cipher.encrypt(SECRET, CONTEXT);

    expect(await cipher.decrypt(a, CONTEXT)).toBe(SECRET);
    expect(await cipher.decrypt(new Uint8Array(b), CONTEXT)).toBe(SECRET);
    expect(await cipher.decrypt(await cipher.encrypt('', CONTEXT), CONTEXT)).toBe('');
    expect(a.includes(Buffer.from('AKIAEXAMPLE'))).toBe(false);
    expect(a.equals(b)).toBe(false);
  });

  it('writes the documented layout: version 2, the key id, the wrapped key, then the payload', async () => {
    const blob = await cipherWith(NEW).encrypt(SECRET, CONTEXT);
    const keyId = LocalKeyring.keyId(NEW);

    expect(blob[0]).toBe(2);
    expect(blob[1]).toBe(keyId.length);
    expect(blob.subarray(2, 2 + keyId.length).toString()).toBe(keyId);
    expect(blob.readUInt16BE(2 + keyId.length)).toBe(60);
    expect(blob.length).toBe(2 + keyId.length + 2 + 60 + 12 + 16 + Buffer.byteLength(SECRET));
  });

  it('refuses a blob copied to another record', async () => {
    const cipher = cipherWith(NEW);
    const blob = await cipher.encrypt(SECRET, CONTEXT);

    await expect(cipher.decrypt(blob, `${CONTEXT.split(':')[0]}:someone-else`)).rejects.toThrow(
      /altered, or it belongs to another record/,
    );
    await expect(cipher.rewrap(blob, 'other')).rejects.toThrow(/another record/);
  });

  it('binds the payload to the context even when the key provider does not', async () => {
    const careless: KeyEncryptionKeyProvider = {
      activeKeyId: () => 'plain',
      wrap: async (dataKey) => ({ keyId: 'plain', wrapped: Buffer.from(dataKey) }),
      unwrap: async (_id, wrapped) => Buffer.from(wrapped),
    };
    const cipher = new EnvelopeCipher(careless);
    const blob = await cipher.encrypt(SECRET, CONTEXT);

    expect(await cipher.decrypt(blob, CONTEXT)).toBe(SECRET);
    await expect(cipher.decrypt(blob, 'other')).rejects.toThrow(/another record/);
  });

  describe('rejects a blob with any byte altered', async () => {
    const cipher = cipherWith(NEW);
    const blob = await cipher.encrypt(SECRET, CONTEXT);

    it.each(regions(blob))('in the $region', async ({ from, to }) => {
      expect(to).toBeGreaterThan(from);
      for (let i = from; i < to; i += 1) {
        const tampered = Buffer.from(blob);
        tampered[i] ^= 0x01;
        await expect(cipher.decrypt(tampered, CONTEXT), `byte ${i}`).rejects.toThrow();
      }
    });

    it('truncated or extended', async () => {
      await expect(cipher.decrypt(blob.subarray(0, blob.length - 1), CONTEXT)).rejects.toThrow();
      await expect(cipher.decrypt(blob.subarray(0, 30), CONTEXT)).rejects.toThrow(/truncated or malformed/);
      await expect(cipher.decrypt(Buffer.concat([blob, Buffer.from([0])]), CONTEXT)).rejects.toThrow();
      await expect(cipher.decrypt(Buffer.alloc(0), CONTEXT)).rejects.toThrow(/empty/);
    });

    it('still decrypts the untouched original', async () => {
      expect(await cipher.decrypt(blob, CONTEXT)).toBe(SECRET);
    });
  });

  it('names the missing key id, never the key, when it lacks the key that wrapped the blob', async () => {
    const blob = await cipherWith(OLD).encrypt(SECRET, CONTEXT);
    const attempt = cipherWith(NEW).decrypt(blob, CONTEXT);

    await expect(attempt).rejects.toBeInstanceOf(UnknownKeyError);
    const error = (await attempt.catch((e: unknown) => e)) as UnknownKeyError;
    expect(error.keyId).toBe(LocalKeyring.keyId(OLD));
    expect(error.message).toContain(LocalKeyring.keyId(OLD));
    expect(error.message).toContain('MASTER_KEY_PREVIOUS');
    expect(error.message).not.toContain(OLD.toString('base64'));
    expect(error.message).not.toContain(OLD.toString('hex'));
  });

  it('says why it cannot read the retired version-1 layout', async () => {
    const v1 = Buffer.concat([Buffer.from([1]), Buffer.alloc(40)]);
    await expect(cipherWith(NEW).decrypt(v1, CONTEXT)).rejects.toThrow(/retired version-1 layout/);
  });
});

describe('rotation', () => {
  it('re-wraps only the data key under the active key, keeping the payload bytes', async () => {
    const before = await cipherWith(OLD).encrypt(SECRET, CONTEXT);
    const rotating = cipherWith(NEW, [OLD]);

    expect(rotating.needsRewrap(before)).toBe(true);
    expect(await rotating.decrypt(before, CONTEXT)).toBe(SECRET);

    const after = await rotating.rewrap(before, CONTEXT);
    const payloadBytes = 12 + 16 + Buffer.byteLength(SECRET);
    expect(after.subarray(-payloadBytes).equals(before.subarray(-payloadBytes))).toBe(true);
    expect(rotating.keyIdOf(after)).toBe(LocalKeyring.keyId(NEW));
    expect(rotating.keyIdOf(before)).toBe(LocalKeyring.keyId(OLD));
    const wrapped = (b: Buffer) => b.subarray(24, 84);
    expect(wrapped(after).equals(wrapped(before))).toBe(false);
    expect(rotating.needsRewrap(after)).toBe(false);

    // The old key can be dropped now.
    expect(await cipherWith(NEW).decrypt(after, CONTEXT)).toBe(SECRET);
    await expect(cipherWith(OLD).decrypt(after, CONTEXT)).rejects.toBeInstanceOf(UnknownKeyError);
  });

  it('does not rewrap a blob whose payload was altered', async () => {
    const before = await cipherWith(OLD).encrypt(SECRET, CONTEXT);
    before[before.length - 1] ^= 0x01;
    await expect(cipherWith(NEW, [OLD]).rewrap(before, CONTEXT)).rejects.toThrow(/altered/);
  });

  it('cannot rewrap without the key that wrapped the blob', async () => {
    const before = await cipherWith(OLD).encrypt(SECRET, CONTEXT);
    const withoutOld = cipherWith(NEW);
    expect(withoutOld.needsRewrap(before)).toBe(true);
    await expect(withoutOld.rewrap(before, CONTEXT)).rejects.toThrow(LocalKeyring.keyId(OLD));
  });
});

describe('LocalKeyring', () => {
  it('derives key ids from the keys: local: and 8 bytes of their SHA-256', () => {
    const expected = `local:${createHash('sha256').update(NEW).digest('hex').slice(0, 16)}`;
    expect(LocalKeyring.keyId(NEW)).toBe(expected);
    expect(LocalKeyring.keyId(NEW)).toMatch(/^local:[0-9a-f]{16}$/);
    expect(LocalKeyring.keyId(OLD)).not.toBe(expected);
  });

  it('builds from the validated environment, the active key first', () => {
    const keyring = LocalKeyring.fromEnv({ MASTER_KEY: NEW, MASTER_KEY_PREVIOUS: [OLD, NEW] });
    expect(keyring.activeKeyId()).toBe(LocalKeyring.keyId(NEW));
    expect(keyring.keyIds()).toEqual([LocalKeyring.keyId(NEW), LocalKeyring.keyId(OLD)]);
    expect(LocalKeyring.fromEnv({ MASTER_KEY: NEW }).keyIds()).toEqual([LocalKeyring.keyId(NEW)]);
  });

  it('binds the wrapped data key to its context', async () => {
    const keyring = new LocalKeyring(NEW);
    const dataKey = Buffer.alloc(32, 0x44);
    const { keyId, wrapped } = await keyring.wrap(dataKey, CONTEXT);

    expect(wrapped.includes(dataKey)).toBe(false);
    expect((await keyring.unwrap(keyId, wrapped, CONTEXT)).equals(dataKey)).toBe(true);
    await expect(keyring.unwrap(keyId, wrapped, 'other')).rejects.toThrow(/another record/);
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => new LocalKeyring(Buffer.alloc(16))).toThrow(/32 bytes/);
    expect(() => new LocalKeyring(NEW, [Buffer.alloc(31)])).toThrow(/32 bytes/);
  });
});
