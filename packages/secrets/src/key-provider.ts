/**
 * A key-encryption key (KEK) service: what a cloud KMS implements. It wraps the per-value data keys of
 * `EnvelopeCipher` and never sees a payload. `context` names the record the data key belongs to and must be
 * bound to the wrapped key (as additional authenticated data), so a wrapped key moved to another record
 * does not unwrap.
 */
export interface KeyEncryptionKeyProvider {
  /** The key new values are wrapped with. Ids are stored in clear in each blob: they must not reveal keys. */
  activeKeyId(): string;
  wrap(dataKey: Buffer, context: string): Promise<{ keyId: string; wrapped: Buffer }>;
  /** Throws `UnknownKeyError` when `keyId` is not available, an error when the wrapped key was altered. */
  unwrap(keyId: string, wrapped: Buffer, context: string): Promise<Buffer>;
}

/** A blob names a key the provider does not hold (for a local keyring: missing from MASTER_KEY_PREVIOUS). */
export class UnknownKeyError extends Error {
  override readonly name = 'UnknownKeyError';

  constructor(
    readonly keyId: string,
    hint = '',
  ) {
    super(`the secret is wrapped by key ${keyId}, which is not available${hint ? `: ${hint}` : ''}`);
  }
}
