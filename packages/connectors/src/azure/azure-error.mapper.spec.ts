import { RestError } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { ConnectorError, type AzureTarget } from '../types';
import { isNotFound, toAzureConnectorError, type AzureCallContext } from './azure-error.mapper';

const SECRET = 'the-client-secret-value-123';
const target: AzureTarget = {
  provider: 'azure',
  subscriptionId: '8c0e5a2f-6d1b-4c3e-a7f9-2b4d6e8f0a1c',
  region: 'global',
  locations: [],
  endpoint: 'https://arm.example.test',
  credentials: {
    kind: 'client_secret',
    tenantId: '5f1a7c3e-2b4d-4e8f-9a01-0c2d3e4f5a6b',
    clientId: '2d9b4f61-7a3c-4e5d-8b0f-1c2e3a4b5c6d',
    clientSecret: SECRET,
    authorityHost: 'https://login.example.test',
  },
};
const ctx: AzureCallContext = {
  service: 'azure.ml.computes',
  operation: 'Compute_List',
  action: 'Microsoft.MachineLearningServices/workspaces/computes/read',
  target,
};

const rest = (statusCode: number, code: string, message: string) =>
  new RestError(message, { statusCode, code });
const named = (name: string, message: string, cause?: unknown) =>
  Object.assign(new Error(message, cause === undefined ? undefined : { cause }), { name });

describe('toAzureConnectorError', () => {
  it('names the action and scope ARM denied, for a 403 AuthorizationFailed', () => {
    const err = toAzureConnectorError(
      rest(
        403,
        'AuthorizationFailed',
        "The client 'x' with object id 'y' does not have authorization to perform action 'Microsoft.MachineLearningServices/workspaces/computes/read' over scope '/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w' or the scope is invalid.",
      ),
      ctx,
    );
    expect(err).toMatchObject({
      code: 'AccessDenied',
      retryable: false,
      operation: 'Compute_List',
      service: 'azure.ml.computes',
    });
    expect(err.message).toMatch(
      /^The service principal \(client 2d9b.* in tenant 5f1a.*\) lacks Microsoft\.MachineLearningServices\/workspaces\/computes\/read on \/subscriptions\/s\/resourceGroups\/rg\/providers\/Microsoft\.MachineLearningServices\/workspaces\/w:/,
    );
  });

  it('falls back to the listing action when a 403 does not name one', () => {
    const err = toAzureConnectorError(rest(403, 'Forbidden', 'nope'), ctx);
    expect(err.message).toContain(`lacks ${ctx.action} on /subscriptions/${target.subscriptionId}`);
  });

  it('maps 401, 429, 5xx and SubscriptionNotFound', () => {
    expect(toAzureConnectorError(rest(401, 'InvalidAuthenticationToken', 'expired'), ctx)).toMatchObject({
      code: 'InvalidCredentials',
      retryable: false,
    });
    expect(toAzureConnectorError(rest(429, 'TooManyRequests', 'slow down'), ctx)).toMatchObject({
      code: 'Throttled',
      retryable: true,
    });
    const unavailable = toAzureConnectorError(rest(503, 'ServiceUnavailable', 'down'), ctx);
    expect(unavailable).toMatchObject({ code: 'Unavailable', retryable: true });
    expect(unavailable.message).toBe('Azure failed Compute_List: 503 ServiceUnavailable: down');
    expect(toAzureConnectorError(rest(404, 'SubscriptionNotFound', 'gone'), ctx)).toMatchObject({
      code: 'AccessDenied',
    });
    expect(toAzureConnectorError(rest(400, 'InvalidApiVersionParameter', 'bad'), ctx)).toMatchObject({
      code: 'Unknown',
      retryable: false,
    });
  });

  it('explains Entra ID AADSTS errors by client and tenant, never with the secret', () => {
    const err = toAzureConnectorError(
      named(
        'AuthenticationRequiredError',
        `invalid_client: Error(s): 7000215 - Description: AADSTS7000215: Invalid client secret provided. Ensure the secret (${SECRET}) is right.\r\nTrace ID: x`,
      ),
      ctx,
    );
    expect(err).toMatchObject({ code: 'InvalidCredentials', retryable: false });
    expect(err.message).toBe(
      `Entra ID refused the credentials of client ${target.credentials.clientId} in tenant ${target.credentials.tenantId}: the client secret is wrong (use the secret value, not its id) (AADSTS7000215: Invalid client secret provided.)`,
    );
    const unknownApp = toAzureConnectorError(
      named('AuthenticationError', 'AADSTS700016: Application not found.'),
      ctx,
    );
    expect(unknownApp.message).toContain('the application (client id) is not registered in this tenant');
    const leaky = toAzureConnectorError(named('AuthenticationError', `weird failure ${SECRET}`), ctx);
    expect(leaky.message).not.toContain(SECRET);
    expect(leaky.message).toContain('[redacted]');
  });

  it('says the certificate is not trusted when TLS verification failed, for ARM or the token endpoint', () => {
    const tls = Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    const arm = toAzureConnectorError(new RestError('request failed', { code: 'REQUEST_SEND_ERROR' }), ctx);
    expect(arm.code).toBe('Unknown');
    const armTls = toAzureConnectorError(
      Object.assign(new RestError('self-signed certificate', { code: 'REQUEST_SEND_ERROR' }), { cause: tls }),
      ctx,
    );
    expect(armTls).toMatchObject({ code: 'Unavailable', retryable: false });
    expect(armTls.message).toBe(
      'The TLS certificate of https://arm.example.test is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT): give the account the CA certificate that signed it',
    );
    const token = toAzureConnectorError(named('CredentialUnavailableError', 'could not reach', tls), ctx);
    expect(token.message).toContain('The TLS certificate of https://login.example.test is not trusted');
  });

  it('reports unreachable hosts as Unavailable', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(
      toAzureConnectorError(
        Object.assign(new RestError('connect ECONNREFUSED', { code: 'REQUEST_SEND_ERROR' }), {
          cause: refused,
        }),
        ctx,
      ),
    ).toMatchObject({
      code: 'Unavailable',
      message: 'Could not reach https://arm.example.test for Compute_List: ECONNREFUSED',
    });
    expect(toAzureConnectorError(named('CredentialUnavailableError', 'x', refused), ctx)).toMatchObject({
      code: 'Unavailable',
    });
  });

  it('passes ConnectorErrors through and maps aborts', () => {
    const original = new ConnectorError({ code: 'Throttled', service: 's', message: 'm' });
    expect(toAzureConnectorError(original, ctx)).toBe(original);
    expect(toAzureConnectorError(named('AbortError', 'aborted'), ctx).code).toBe('Aborted');
  });
});

describe('isNotFound', () => {
  it('recognises a vanished resource, not a missing subscription', () => {
    expect(isNotFound(rest(404, 'ResourceNotFound', 'x'))).toBe(true);
    expect(isNotFound(rest(404, 'ParentResourceNotFound', 'x'))).toBe(true);
    expect(isNotFound(rest(404, 'SubscriptionNotFound', 'x'))).toBe(false);
    expect(isNotFound(rest(500, 'ResourceNotFound', 'x'))).toBe(false);
  });
});
