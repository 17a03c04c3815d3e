export { UnknownKeyError, type KeyEncryptionKeyProvider } from './key-provider';
export { LocalKeyring, type KeyringEnv } from './local-keyring';
export { BLOB_VERSION, EnvelopeCipher } from './envelope-cipher';
export { secretFingerprint } from './fingerprint';
export {
  SECRET_COLUMNS,
  rotateSecrets,
  type ColumnReport,
  type RotationOptions,
  type SecretColumn,
  type SqlClient,
} from './rotate';
