import { describe, expect, it } from 'vitest';
import type { GcpTarget } from '../types';
import { toGcpConnectorError, TokenExchangeError, type GcpCallContext } from './gcp-error.mapper';

const PRIVATE_KEY = '-----BEGIN PRIVATE KEY-----\nMIIsecret\n-----END PRIVATE KEY-----\n';
const target: GcpTarget = {
  provider: 'gcp',
  projectId: 'proj-1',
  region: 'us-central1',
  credentials: {
    kind: 'service_account_key',
    key: {
      type: 'service_account',
      private_key_id: 'kid1',
      private_key: PRIVATE_KEY,
      client_email: 'scanner@proj-1.iam.gserviceaccount.com',
    },
  },
};
const ctx: GcpCallContext = {
  service: 'vertex.models',
  operation: 'ListModels',
  permission: 'aiplatform.models.list',
  target,
  where: 'us-central1',
};

/** The shape GaxiosError takes for a REST call of a generated client. */
function gaxiosError(status: number, body: unknown) {
  return Object.assign(new Error(JSON.stringify(body)), { code: status, status, response: { status } });
}

describe('toGcpConnectorError', () => {
  it('names the permission Google denied, from ErrorInfo or the message', () => {
    const withDetails = toGcpConnectorError(
      gaxiosError(403, {
        error: {
          code: 403,
          status: 'PERMISSION_DENIED',
          message: 'denied',
          details: [{ metadata: { permission: 'aiplatform.models.list' } }],
        },
      }),
      ctx,
    );
    expect(withDetails).toMatchObject({ code: 'AccessDenied', retryable: false, operation: 'ListModels' });
    expect(withDetails.message).toContain(
      'scanner@proj-1.iam.gserviceaccount.com lacks aiplatform.models.list on project proj-1',
    );
    const fromMessage = toGcpConnectorError(
      gaxiosError(403, {
        error: { code: 403, message: "Permission 'storage.buckets.getIamPolicy' denied on resource" },
      }),
      ctx,
    );
    expect(fromMessage.message).toContain('lacks storage.buckets.getIamPolicy');
    // Storage's ApiError: status on the error, Google's words in the message.
    const storage = toGcpConnectorError(
      Object.assign(new Error('x does not have storage.buckets.list access to the Google Cloud project.'), {
        code: 403,
      }),
      ctx,
    );
    expect(storage.message).toContain('lacks storage.buckets.list');
    const unnamed = toGcpConnectorError(
      gaxiosError(403, { error: { code: 403, message: 'The caller does not have permission' } }),
      ctx,
    );
    expect(unnamed.message).toContain('lacks aiplatform.models.list');
  });

  it('maps 401, 429, 5xx, gRPC codes and socket errors', () => {
    expect(
      toGcpConnectorError(gaxiosError(401, { error: { code: 401, message: 'bad token' } }), ctx).code,
    ).toBe('InvalidCredentials');
    expect(
      toGcpConnectorError(
        gaxiosError(429, { error: { code: 429, status: 'RESOURCE_EXHAUSTED', message: 'quota' } }),
        ctx,
      ),
    ).toMatchObject({ code: 'Throttled', retryable: true });
    expect(
      toGcpConnectorError(gaxiosError(503, { error: { code: 503, message: 'unavailable' } }), ctx),
    ).toMatchObject({ code: 'Unavailable', retryable: true });
    expect(toGcpConnectorError(Object.assign(new Error('x'), { code: 8 }), ctx).code).toBe('Throttled');
    expect(toGcpConnectorError(Object.assign(new Error('x'), { code: 7 }), ctx).code).toBe('AccessDenied');
    const refused = Object.assign(new Error('request failed'), {
      cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
    });
    expect(toGcpConnectorError(refused, ctx)).toMatchObject({ code: 'Unavailable', retryable: true });
    expect(
      toGcpConnectorError(gaxiosError(400, { error: { code: 400, message: 'Invalid page token.' } }), ctx),
    ).toMatchObject({ code: 'Unknown', retryable: false });
  });

  it('turns a refused key into InvalidCredentials and an unreachable token endpoint into Unavailable, never quoting the key', () => {
    const refused = toGcpConnectorError(
      new TokenExchangeError(
        `https://oauth2.example/token answered 400 invalid_grant: Invalid JWT Signature. ${PRIVATE_KEY}`,
        400,
        'invalid_grant',
      ),
      ctx,
    );
    expect(refused).toMatchObject({ code: 'InvalidCredentials', retryable: false });
    expect(refused.message).toContain('kid1');
    expect(refused.message).not.toContain('MIIsecret');
    const down = toGcpConnectorError(
      new TokenExchangeError(
        'https://oauth2.example/token could not be reached (ECONNREFUSED)',
        undefined,
        undefined,
      ),
      ctx,
    );
    expect(down).toMatchObject({ code: 'Unavailable', retryable: true });
  });
});
