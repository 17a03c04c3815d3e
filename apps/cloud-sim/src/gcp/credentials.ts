import { createPublicKey, createVerify, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { SIM_GCP_PROJECT_ID } from './estate';

/** Demo service accounts of the simulated project. */
export type SimGcpAccount = 'reader' | 'no-access';

/** The JSON key file Google issues for a service account, as far as clients read it. */
export type GcpServiceAccountKeyFile = {
  type: 'service_account';
  project_id: string;
  private_key_id: string;
  private_key: string;
  client_email: string;
  client_id: string;
  token_uri: string;
};

interface SimServiceAccount {
  email: string;
  clientId: string;
  /** Google IAM permissions granted on the project; `*` for every read permission the simulator checks. */
  permissions: ReadonlySet<string>;
}

export const SIM_GCP_READER_EMAIL = `aispm-reader@${SIM_GCP_PROJECT_ID}.iam.gserviceaccount.com`;
export const SIM_GCP_NO_ACCESS_EMAIL = `aispm-no-access@${SIM_GCP_PROJECT_ID}.iam.gserviceaccount.com`;

const ACCOUNTS: Record<SimGcpAccount, SimServiceAccount> = {
  reader: { email: SIM_GCP_READER_EMAIL, clientId: '104729318865120948811', permissions: new Set(['*']) },
  'no-access': { email: SIM_GCP_NO_ACCESS_EMAIL, clientId: '109931662051884310275', permissions: new Set() },
};

interface KeyPair {
  keyId: string;
  privateKeyPem: string;
  publicKey: KeyObject;
}

/**
 * RSA key pairs are made once per process, on first use (about 50 ms each), and shared by every simulator of
 * the process: a key handed out by one listener is valid on another. Nothing here is a real Google key.
 */
const keyPairs = new Map<SimGcpAccount, KeyPair>();

function keyPairOf(account: SimGcpAccount): KeyPair {
  let pair = keyPairs.get(account);
  if (!pair) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    pair = {
      keyId: randomBytes(20).toString('hex'),
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicKey,
    };
    keyPairs.set(account, pair);
  }
  return pair;
}

/** The demo accounts' key pairs as stored between runs (see state.ts): key id and PKCS#8 PEM. */
export type StoredGcpKeys = Partial<Record<SimGcpAccount, { keyId: string; privateKeyPem: string }>>;

/**
 * Makes the demo accounts use stored key pairs (so key files handed out earlier keep working after a restart),
 * creating the missing ones, and returns all of them for storing.
 */
export function useStoredGcpKeys(stored: StoredGcpKeys): Required<StoredGcpKeys> {
  const out = {} as Required<StoredGcpKeys>;
  for (const account of Object.keys(ACCOUNTS) as SimGcpAccount[]) {
    const saved = stored[account];
    if (saved) {
      keyPairs.set(account, { ...saved, publicKey: createPublicKey(saved.privateKeyPem) });
    }
    const pair = keyPairOf(account);
    out[account] = { keyId: pair.keyId, privateKeyPem: pair.privateKeyPem };
  }
  return out;
}

/**
 * A service-account key file for a demo account of the simulator, with `token_uri` pointing at its token
 * endpoint. `sim` is a running simulator (its `gcp` listener), the listener itself, or the token URL.
 */
export function simGcpServiceAccountKey(
  sim: { gcp: { tokenUrl?: string | undefined } | null } | { tokenUrl?: string | undefined } | string,
  account: SimGcpAccount = 'reader',
): GcpServiceAccountKeyFile {
  const tokenUrl =
    typeof sim === 'string'
      ? sim
      : 'gcp' in sim
        ? sim.gcp?.tokenUrl
        : (sim as { tokenUrl?: string }).tokenUrl;
  if (!tokenUrl) throw new Error('the simulator has no Google Cloud token endpoint');
  const pair = keyPairOf(account);
  const { email, clientId } = ACCOUNTS[account];
  return {
    type: 'service_account',
    project_id: SIM_GCP_PROJECT_ID,
    private_key_id: pair.keyId,
    private_key: pair.privateKeyPem,
    client_email: email,
    client_id: clientId,
    token_uri: tokenUrl,
  };
}

/** Why a token request was refused, in the OAuth 2.0 error shape Google's token endpoint uses. */
export class TokenError extends Error {
  constructor(
    readonly error: 'invalid_grant' | 'invalid_request' | 'unsupported_grant_type',
    readonly description: string,
  ) {
    super(description);
  }
}

/** Seconds of clock skew tolerated on `iat`/`exp`, as Google does. */
const SKEW_S = 300;
const TOKEN_LIFETIME_S = 3600;

interface IssuedToken {
  email: string;
  expiresAtMs: number;
}

/** Opaque access tokens issued by one simulator, by value. */
export class TokenStore {
  private readonly tokens = new Map<string, IssuedToken>();

  /**
   * Exchanges a JWT-bearer assertion (RFC 7523) signed with a demo account's key for an access token:
   * RS256 signature by the key of the account named in `iss` (and `kid` when given), `aud` the token
   * endpoint, not expired, at most an hour long.
   */
  exchange(
    assertion: string,
    tokenUrl: string,
  ): { access_token: string; expires_in: number; token_type: 'Bearer' } {
    const parts = assertion.split('.');
    if (parts.length !== 3) throw new TokenError('invalid_grant', 'Invalid JWT: not a compact JWS.');
    const [headerB64, payloadB64, signatureB64] = parts as [string, string, string];
    const header = decodeJson(headerB64);
    const claims = decodeJson(payloadB64);
    if (!header || !claims)
      throw new TokenError('invalid_grant', 'Invalid JWT: unreadable header or claims.');
    if (header.alg !== 'RS256') throw new TokenError('invalid_grant', 'Invalid JWT: alg must be RS256.');
    const account = Object.entries(ACCOUNTS).find(([, a]) => a.email === claims.iss);
    if (!account) throw new TokenError('invalid_grant', 'Invalid grant: account not found');
    const pair = keyPairOf(account[0] as SimGcpAccount);
    if (header.kid !== undefined && header.kid !== pair.keyId) {
      throw new TokenError('invalid_grant', 'Invalid JWT Signature.');
    }
    const verifier = createVerify('RSA-SHA256');
    verifier.update(`${headerB64}.${payloadB64}`);
    if (!verifier.verify(pair.publicKey, Buffer.from(signatureB64, 'base64url'))) {
      throw new TokenError('invalid_grant', 'Invalid JWT Signature.');
    }
    if (claims.aud !== tokenUrl) {
      throw new TokenError(
        'invalid_grant',
        `Invalid JWT: aud must be ${tokenUrl}, got ${String(claims.aud)}.`,
      );
    }
    const now = Math.floor(Date.now() / 1000);
    const { iat, exp } = claims;
    if (typeof exp !== 'number' || typeof iat !== 'number') {
      throw new TokenError('invalid_grant', 'Invalid JWT: iat and exp are required.');
    }
    if (exp + SKEW_S < now)
      throw new TokenError(
        'invalid_grant',
        'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.',
      );
    if (iat - SKEW_S > now || exp - iat > TOKEN_LIFETIME_S) {
      throw new TokenError(
        'invalid_grant',
        'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.',
      );
    }
    const token = `ya29.sim-${randomBytes(24).toString('base64url')}`;
    this.prune();
    this.tokens.set(token, { email: account[1].email, expiresAtMs: Date.now() + TOKEN_LIFETIME_S * 1000 });
    return { access_token: token, expires_in: TOKEN_LIFETIME_S, token_type: 'Bearer' };
  }

  /** The account of a valid bearer token, or undefined. */
  identify(authorization: string | undefined): SimServiceAccount | undefined {
    const match = /^Bearer (\S+)$/i.exec(authorization ?? '');
    if (!match) return undefined;
    const issued = this.tokens.get(match[1]!);
    if (!issued || issued.expiresAtMs <= Date.now()) return undefined;
    return Object.values(ACCOUNTS).find((a) => a.email === issued.email);
  }

  private prune(): void {
    if (this.tokens.size < 10_000) return;
    const now = Date.now();
    for (const [token, issued] of this.tokens) if (issued.expiresAtMs <= now) this.tokens.delete(token);
  }
}

/** Whether an account holds a Google IAM permission on the simulated project. */
export function hasPermission(account: { permissions: ReadonlySet<string> }, permission: string): boolean {
  return account.permissions.has('*') || account.permissions.has(permission);
}

function decodeJson(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
