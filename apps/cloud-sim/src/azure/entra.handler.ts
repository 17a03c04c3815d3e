import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { EntraError, sendJson } from './arm-errors';
import { findPrincipal, SIM_AZURE_TENANT_ID, type SimServicePrincipal } from './credentials';

/** Tenant names the simulated directory answers to: its id and its primary domain. */
const TENANT_NAMES = new Set([SIM_AZURE_TENANT_ID, 'aispmsim.onmicrosoft.com']);
const TOKEN_LIFETIME_S = 3599;

interface IssuedToken {
  principal: SimServicePrincipal;
  expiresAtMs: number;
}

/** Opaque bearer tokens issued by the token endpoint, valid on this listener only. */
export class TokenStore {
  private readonly tokens = new Map<string, IssuedToken>();

  issue(principal: SimServicePrincipal): string {
    const token = `simaz.${randomBytes(24).toString('base64url')}`;
    this.tokens.set(token, { principal, expiresAtMs: Date.now() + TOKEN_LIFETIME_S * 1000 });
    return token;
  }

  /** The principal a bearer token was issued to, or undefined when the token is unknown or expired. */
  principalOf(token: string): SimServicePrincipal | undefined {
    const issued = this.tokens.get(token);
    if (!issued) return undefined;
    if (issued.expiresAtMs < Date.now()) {
      this.tokens.delete(token);
      return undefined;
    }
    return issued.principal;
  }
}

/** True for paths this handler answers: `/{tenant}/v2.0/.well-known/openid-configuration`, `/{tenant}/oauth2/v2.0/token`. */
export function isEntraPath(pathname: string): boolean {
  return /^\/[^/]+\/(v2\.0\/\.well-known\/openid-configuration|oauth2\/v2\.0\/token)$/.test(pathname);
}

export interface EntraCall {
  method: string;
  pathname: string;
  /** `https://host:port` of this listener. */
  baseUrl: string;
  body: Buffer;
  authorization: string | undefined;
  res: ServerResponse;
  tokens: TokenStore;
  note: (what: string, clientId?: string) => void;
}

/**
 * The two Entra ID calls @azure/identity makes for a client secret when instance discovery is disabled:
 * the tenant's OpenID configuration, then a client-credentials token request.
 */
export function handleEntra(call: EntraCall): void {
  const [, tenant = '', kind] = call.pathname.split('/');
  if (!TENANT_NAMES.has(tenant.toLowerCase())) {
    call.note(`entra ${kind}`);
    throw new EntraError(
      400,
      'invalid_tenant',
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
    );
  }
  if (kind === 'v2.0') {
    call.note('entra openid-configuration');
    if (call.method !== 'GET')
      throw new EntraError(405, 'invalid_request', 900561, 'The endpoint only accepts GET requests.');
    sendJson(call.res, 200, openIdConfiguration(call.baseUrl, tenant));
    return;
  }
  if (call.method !== 'POST') {
    call.note('entra token');
    throw new EntraError(405, 'invalid_request', 900561, 'The endpoint only accepts POST, OPTIONS requests.');
  }
  const form = new URLSearchParams(call.body.toString('utf8'));
  let clientId = form.get('client_id') ?? '';
  let secret = form.get('client_secret');
  const basic = /^Basic (.+)$/i.exec(call.authorization ?? '')?.[1];
  if (basic) {
    const [id = '', pass] = Buffer.from(basic, 'base64').toString('utf8').split(':');
    clientId ||= decodeURIComponent(id);
    secret ??= pass === undefined ? null : decodeURIComponent(pass);
  }
  call.note('entra token', clientId);
  const grantType = form.get('grant_type');
  if (grantType !== 'client_credentials') {
    throw new EntraError(
      400,
      'unsupported_grant_type',
      70003,
      `The app requested an unsupported grant type '${grantType ?? ''}'.`,
    );
  }
  const scope = form.get('scope') ?? '';
  if (!scope.split(' ').some((s) => s.endsWith('/.default'))) {
    throw new EntraError(
      400,
      'invalid_scope',
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    );
  }
  const principal = findPrincipal(clientId);
  if (!principal) {
    throw new EntraError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    );
  }
  if (!secret) {
    throw new EntraError(
      401,
      'invalid_client',
      7000216,
      "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.",
    );
  }
  if (secret !== principal.secret) {
    throw new EntraError(
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${principal.clientId}'.`,
    );
  }
  sendJson(call.res, 200, {
    token_type: 'Bearer',
    expires_in: TOKEN_LIFETIME_S,
    ext_expires_in: TOKEN_LIFETIME_S,
    access_token: call.tokens.issue(principal),
  });
}

function openIdConfiguration(baseUrl: string, tenant: string): Record<string, unknown> {
  const t = `${baseUrl}/${tenant}`;
  return {
    token_endpoint: `${t}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${t}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${baseUrl}/${SIM_AZURE_TENANT_ID}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${baseUrl}/oidc/userinfo`,
    authorization_endpoint: `${t}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${t}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${t}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'tid', 'oid'],
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
  };
}
