import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyEncryptionKeyProvider } from './key-provider';

/**
 * Blob layout, version 2 (sizes in bytes, integers big-endian):
 *
 * | offset | size | field                                                                          |
 * | ------ | ---- | ------------------------------------------------------------------------------ |
 * | 0      | 1    | version = 2                                                                    |
 * | 1      | 1    | k = length of the key id                                                       |
 * | 2      | k    | key id (UTF-8) of the key-encryption key that wrapped the data key             |
 * | 2+k    | 2    | w = length of the wrapped data key                                             |
 * | 4+k    | w    | wrapped data key, in the provider's own format (bound to the context)          |
 * | 4+k+w  | 12   | payload nonce                                                                  |
 * | 16+k+w | 16   | payload GCM tag                                                                |
 * | 32+k+w | rest | payload: AES-256-GCM of the UTF-8 plaintext under the data key, AAD = context  |
 *
 * Version 1 (nonce | tag | ciphertext directly under MASTER_KEY) is no longer read.
 */
export const BLOB_VERSION = 2;

const DATA_KEY = 32;
const NONCE = 12;
const TAG = 16;

interface ParsedBlob {
  keyId: string;
  wrapped: Buffer;
  nonce: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
  /** Where nonce | tag | ciphertext start: the part a re-wrap copies unchanged. */
  payloadOffset: number;
}

function parse(blob: Uint8Array): ParsedBlob {
  const buf = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  if (buf.length === 0) throw new Error('the secret blob is empty');
  if (buf[0] === 1) {
    throw new Error('the secret uses the retired version-1 layout (encrypted directly under MASTER_KEY)');
  }
  if (buf[0] !== BLOB_VERSION) throw new Error(`unsupported secret blob version ${buf[0]}`);
  const malformed = () => new Error('the secret blob is truncated or malformed');
  if (buf.length < 2) throw malformed();
  const k = buf[1] ?? 0;
  if (k === 0 || buf.length < 4 + k) throw malformed();
  const keyId = buf.subarray(2, 2 + k).toString('utf8');
  const w = buf.readUInt16BE(2 + k);
  const payloadOffset = 4 + k + w;
  if (w === 0 || buf.length < payloadOffset + NONCE + TAG) throw malformed();
  return {
    keyId,
    wrapped: buf.subarray(4 + k, payloadOffset),
    nonce: buf.subarray(payloadOffset, payloadOffset + NONCE),
    tag: buf.subarray(payloadOffset + NONCE, payloadOffset + NONCE + TAG),
    ciphertext: buf.subarray(payloadOffset + NONCE + TAG),
    payloadOffset,
  };
}

function header(keyId: string, wrapped: Buffer): Buffer {
  const id = Buffer.from(keyId, 'utf8');
  if (id.length === 0 || id.length > 255) throw new Error('a key id must be 1 to 255 bytes');
  if (wrapped.length === 0 || wrapped.length > 0xffff)
    throw new Error('a wrapped data key must be 1 to 65535 bytes');
  const len = Buffer.alloc(2);
  len.writeUInt16BE(wrapped.length);
  return Buffer.concat([Buffer.from([BLOB_VERSION, id.length]), id, len, wrapped]);
}

function openPayload(dataKey: Buffer, parsed: ParsedBlob, context: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', dataKey, parsed.nonce);
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(parsed.tag);
  return Buffer.concat([decipher.update(parsed.ciphertext), decipher.final()]);
}

const notAuthentic = (cause: unknown) =>
  new Error('the secret does not decrypt: it was altered, or it belongs to another record', { cause });

/**
 * Envelope encryption for secrets stored in Postgres (cloud credentials, ticketing tokens): each value
 * gets its own random 256-bit data key, which encrypts the payload (AES-256-GCM) and is itself wrapped by a
 * key-encryption key the provider holds (environment keys or a KMS). The context (for example
 * `${tenantId}:${accountId}`) is authenticated by both layers, so a blob copied to another record does not
 * decrypt. Rotating the key-encryption key re-wraps 60-odd bytes per value and never touches the payload.
 */
export class EnvelopeCipher {
  constructor(private readonly kek: KeyEncryptionKeyProvider) {}

  async encrypt(plaintext: string, context: string): Promise<Buffer> {
    const dataKey = randomBytes(DATA_KEY);
    try {
      const nonce = randomBytes(NONCE);
      const cipher = createCipheriv('aes-256-gcm', dataKey, nonce);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const { keyId, wrapped } = await this.kek.wrap(dataKey, context);
      return Buffer.concat([header(keyId, wrapped), nonce, cipher.getAuthTag(), ciphertext]);
    } finally {
      dataKey.fill(0);
    }
  }

  async decrypt(blob: Uint8Array, context: string): Promise<string> {
    const parsed = parse(blob);
    const dataKey = await this.unwrap(parsed, context);
    try {
      return openPayload(dataKey, parsed, context).toString('utf8');
    } catch (e) {
      throw notAuthentic(e);
    } finally {
      dataKey.fill(0);
    }
  }

  /** The id of the key-encryption key that wrapped this blob's data key. */
  keyIdOf(blob: Uint8Array): string {
    return parse(blob).keyId;
  }

  /** True when the blob's data key is wrapped by a key other than the provider's active one. */
  needsRewrap(blob: Uint8Array): boolean {
    return parse(blob).keyId !== this.kek.activeKeyId();
  }

  /**
   * Wraps the blob's data key again under the active key; nonce, tag and payload are copied byte for byte.
   * The payload is authenticated first, so a blob that would not decrypt is never rewritten.
   */
  async rewrap(blob: Uint8Array, context: string): Promise<Buffer> {
    const parsed = parse(blob);
    const dataKey = await this.unwrap(parsed, context);
    try {
      try {
        openPayload(dataKey, parsed, context).fill(0);
      } catch (e) {
        throw notAuthentic(e);
      }
      const { keyId, wrapped } = await this.kek.wrap(dataKey, context);
      const original = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
      return Buffer.concat([header(keyId, wrapped), original.subarray(parsed.payloadOffset)]);
    } finally {
      dataKey.fill(0);
    }
  }

  private async unwrap(parsed: ParsedBlob, context: string): Promise<Buffer> {
    // The provider's own errors pass through: an unknown key names its id, a KMS outage stays an outage.
    const dataKey = await this.kek.unwrap(parsed.keyId, parsed.wrapped, context);
    if (dataKey.length !== DATA_KEY) throw notAuthentic(new Error('the data key is not 32 bytes'));
    return dataKey;
  }
}
