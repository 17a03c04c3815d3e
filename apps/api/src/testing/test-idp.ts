import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type JWK } from 'oidc-provider';

export interface TestIdpAccount {
  email: string;
  emailVerified: boolean;
}

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who signs in at the next interaction, by subject. */
  signInAs(sub: string, account: TestIdpAccount): void;
  close(): Promise<void>;
}

/**
 * A real OpenID Provider (oidc-provider) on 127.0.0.1 with one confidential client (client_secret_basic) whose
 * redirect URI is the API's callback, PKCE S256 required.
 *
 * Interactions are completed headless: the provider sends the browser to `/interaction/:uid` (interactions.url),
 * where a small middleware of ours stands in for the login and consent pages. It signs in the account chosen
 * with `signInAs`, grants the requested scopes and hands the result back with `interactionResult`, which
 * answers with the provider's resume URL; the provider then redirects to the callback with the code. This is
 * the documented interaction API, so the provider's own checks (cookies, PKCE, redirect URI, single-use codes)
 * all run; devInteractions would need an HTML form to be parsed and posted instead.
 */
export async function startTestIdp(redirectUri: string): Promise<TestIdp> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'aispm-e2e';
  const clientSecret = randomBytes(24).toString('base64url');
  const accounts = new Map<string, TestIdpAccount>();
  let nextSub: string | undefined;

  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...(signingKey as JWK), kid: 'e2e', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { methods: ['S256'], required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    // Put the scopes' claims in the ID token (as Google, Okta and Keycloak do), not only at userinfo.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    ttl: {
      AuthorizationCode: 60,
      IdToken: 600,
      AccessToken: 600,
      Interaction: 600,
      Session: 600,
      Grant: 600,
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, email: account.email, email_verified: account.emailVerified }),
      };
    },
  });

  provider.use(async (ctx, next) => {
    if (!/^\/interaction\/[\w-]+$/.test(ctx.path)) return next();
    const interaction = await provider.interactionDetails(ctx.req, ctx.res);
    if (!nextSub) throw new Error('test IdP: call signInAs before signing in');
    const grant = new provider.Grant({ accountId: nextSub, clientId });
    const scope = interaction.params.scope;
    if (typeof scope === 'string') grant.addOIDCScope(scope);
    const grantId = await grant.save();
    ctx.redirect(
      await provider.interactionResult(ctx.req, ctx.res, {
        login: { accountId: nextSub },
        consent: { grantId },
      }),
    );
  });
  server.on('request', provider.callback());

  return {
    issuer,
    clientId,
    clientSecret,
    signInAs(sub, account) {
      accounts.set(sub, account);
      nextSub = sub;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
