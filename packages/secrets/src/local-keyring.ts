import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { UnknownKeyError, type KeyEncryptionKeyProvider } from './key-provider';

const NONCE = 12;
const TAG = 16;

/** Already validated keys (packages/config's ZServiceEnv turns the base64 variables into these). */
export interface KeyringEnv {
  /** Wraps every new data key. */
  MASTER_KEY: Buffer;
  /** Keys of earlier rotations, kept to unwrap what they wrapped until `npm run secrets:rotate` has run. */
  MASTER_KEY_PREVIOUS?: readonly Buffer[];
}

/**
 * The key-encryption keys held in the environment, for deployments without a KMS. Key ids are derived from
 * the keys (`local:` + the first 8 bytes of their SHA-256, hex), so a blob names the key that wrapped it
 * without revealing it, and nothing has to be configured twice.
 *
 * Wrapped data key: nonce(12) | tag(16) | AES-256-GCM ciphertext of the data key, with the context as AAD.
 */
export class LocalKeyring implements KeyEncryptionKeyProvider {
  private readonly keys = new Map<string, Buffer>();
  private readonly active: { id: string; key: Buffer };

  constructor(activeKey: Buffer, previousKeys: readonly Buffer[] = []) {
    for (const key of [activeKey, ...previousKeys]) {
      if (key.length !== 32) throw new Error('a master key must be 32 bytes');
      const id = LocalKeyring.keyId(key);
      if (!this.keys.has(id)) this.keys.set(id, Buffer.from(key));
    }
    const id = LocalKeyring.keyId(activeKey);
    this.active = { id, key: this.keys.get(id) ?? activeKey };
  }

  static fromEnv(env: KeyringEnv): LocalKeyring {
    return new LocalKeyring(env.MASTER_KEY, env.MASTER_KEY_PREVIOUS ?? []);
  }

  static keyId(key: Buffer): string {
    return `local:${createHash('sha256').update(key).digest().subarray(0, 8).toString('hex')}`;
  }

  activeKeyId(): string {
    return this.active.id;
  }

  /** Every key id this keyring can unwrap, the active one first. */
  keyIds(): string[] {
    return [...this.keys.keys()];
  }

  async wrap(dataKey: Buffer, context: string): Promise<{ keyId: string; wrapped: Buffer }> {
    const nonce = randomBytes(NONCE);
    const cipher = createCipheriv('aes-256-gcm', this.active.key, nonce);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return { keyId: this.active.id, wrapped: Buffer.concat([nonce, cipher.getAuthTag(), body]) };
  }

  async unwrap(keyId: string, wrapped: Buffer, context: string): Promise<Buffer> {
    const key = this.keys.get(keyId);
    if (!key) {
      throw new UnknownKeyError(keyId, 'set the master key it was derived from in MASTER_KEY_PREVIOUS');
    }
    if (wrapped.length <= NONCE + TAG) throw new Error(`the data key wrapped under ${keyId} is truncated`);
    const decipher = createDecipheriv('aes-256-gcm', key, wrapped.subarray(0, NONCE));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(wrapped.subarray(NONCE, NONCE + TAG));
    try {
      return Buffer.concat([decipher.update(wrapped.subarray(NONCE + TAG)), decipher.final()]);
    } catch (cause) {
      throw new Error(
        `the data key does not unwrap under ${keyId}: it was altered, or it belongs to another record`,
        { cause },
      );
    }
  }
}
