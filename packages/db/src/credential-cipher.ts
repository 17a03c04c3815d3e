import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Encrypts cloud credentials before they reach Postgres. AES-256-GCM with a random 96-bit nonce per value;
 * the tenant and account ids are bound as additional authenticated data, so a ciphertext copied to another
 * row does not decrypt. Layout: version(1) | nonce(12) | tag(16) | ciphertext.
 */
export interface CredentialCipher {
  encrypt(plaintext: string, context: string): Buffer;
  decrypt(blob: Uint8Array, context: string): string;
}

const VERSION = 1;

export function createCredentialCipher(masterKey: Buffer): CredentialCipher {
  if (masterKey.length !== 32) throw new Error('master key must be 32 bytes');
  return {
    encrypt(plaintext, context) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', masterKey, nonce);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), nonce, cipher.getAuthTag(), body]);
    },
    decrypt(blob, context) {
      const buf = Buffer.from(blob);
      if (buf.length < 29 || buf[0] !== VERSION) throw new Error('unsupported credential ciphertext');
      const decipher = createDecipheriv('aes-256-gcm', masterKey, buf.subarray(1, 13));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(buf.subarray(13, 29));
      return Buffer.concat([decipher.update(buf.subarray(29)), decipher.final()]).toString('utf8');
    },
  };
}

/** A short, non-reversible label that lets a person recognise which key is stored (never the key itself). */
export function credentialFingerprint(publicPart: string, secret: string): string {
  const digest = createHash('sha256').update(secret).digest('hex').slice(0, 8);
  const shown = publicPart.length > 8 ? `${publicPart.slice(0, 4)}…${publicPart.slice(-4)}` : publicPart;
  return `${shown} sha256:${digest}`;
}
