import { describe, expect, it } from 'vitest';
import { ZCreateCloudAccount } from '@aispm/contracts';
import {
  buildCreateAccountBody,
  connectFieldOf,
  emptyDraft,
  parseServiceAccountKey,
  type ConnectDraft,
} from './connect-account';

const PEM_KEY = '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n';
const KEY_FILE = JSON.stringify({
  type: 'service_account',
  project_id: 'ml-platform-prod',
  private_key_id: 'abc123',
  private_key: PEM_KEY,
  client_email: 'aispm-reader@ml-platform-prod.iam.gserviceaccount.com',
  token_uri: 'https://oauth2.googleapis.com/token',
});

function draft(changes: Partial<ConnectDraft>): ConnectDraft {
  return { ...emptyDraft(changes.provider), ...changes };
}

describe('buildCreateAccountBody', () => {
  it('builds an AWS access-key account the contract accepts, leaving blank optional fields out', () => {
    const { body, required } = buildCreateAccountBody(
      draft({
        name: ' Production ML ',
        scopeIds: '123456789012, 210987654321',
        regions: ['us-east-1'],
        aws: { ...emptyDraft().aws, accessKeyId: ' AKIAEXAMPLEKEY0001 ', secretAccessKey: 'x'.repeat(40) },
      }),
    );
    expect(required).toEqual({});
    const parsed = ZCreateCloudAccount.parse(body);
    expect(parsed).toMatchObject({
      provider: 'aws',
      name: 'Production ML',
      scopeIds: ['123456789012', '210987654321'],
      scanIntervalHours: 24,
      credentials: { kind: 'access_key', accessKeyId: 'AKIAEXAMPLEKEY0001' },
    });
    // What goes over the wire: blank optional fields are not sent as empty strings the contract would refuse.
    const sent = JSON.parse(JSON.stringify(parsed)) as Record<string, unknown>;
    expect(sent).not.toHaveProperty('endpoint');
    expect(sent.credentials).not.toHaveProperty('sessionToken');
  });

  it('names every empty required field of an AWS assume-role account, and the source key only when half given', () => {
    const empty = buildCreateAccountBody(
      draft({ aws: { ...emptyDraft().aws, kind: 'assume_role', sourceAccessKeyId: 'AKIAEXAMPLEKEY0001' } }),
    );
    expect(Object.keys(empty.required).sort()).toEqual(
      ['externalId', 'name', 'regions', 'roleArn', 'scopeIds', 'sourceSecretAccessKey'].sort(),
    );

    const { body, required } = buildCreateAccountBody(
      draft({
        name: 'Prod',
        scopeIds: '123456789012',
        regions: ['eu-west-1'],
        schedule: 'manual',
        aws: {
          ...emptyDraft().aws,
          kind: 'assume_role',
          roleArn: 'arn:aws:iam::123456789012:role/aispm-reader',
          externalId: 'aispm-7f3a',
        },
      }),
    );
    expect(required).toEqual({});
    const parsed = ZCreateCloudAccount.parse(body);
    expect(parsed.scanIntervalHours).toBeNull();
    expect(parsed.credentials).toEqual({
      kind: 'assume_role',
      roleArn: 'arn:aws:iam::123456789012:role/aispm-reader',
      externalId: 'aispm-7f3a',
    });
  });

  it('lets an Azure account go without locations (every location is scanned)', () => {
    const { body, required } = buildCreateAccountBody(
      draft({
        provider: 'azure',
        name: 'Azure ML',
        scopeIds: '11111111-2222-3333-4444-555555555555',
        schedule: '6',
        azure: {
          tenantId: 'contoso.onmicrosoft.com',
          clientId: '66666666-7777-8888-9999-000000000000',
          clientSecret: 'secret-value-1',
          authorityHost: '',
        },
      }),
    );
    expect(required).toEqual({});
    expect(ZCreateCloudAccount.parse(body)).toMatchObject({
      provider: 'azure',
      regions: [],
      scanIntervalHours: 6,
    });
  });

  it('sends the Google key file as the JSON object it holds', () => {
    const { body, required } = buildCreateAccountBody(
      draft({
        provider: 'gcp',
        name: 'Vertex',
        scopeIds: 'ml-platform-prod',
        regions: ['us-central1'],
        caCertificate: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
        gcp: { keyText: KEY_FILE },
      }),
    );
    expect(required).toEqual({});
    const parsed = ZCreateCloudAccount.parse(body);
    expect(parsed.credentials).toMatchObject({
      kind: 'service_account_key',
      key: { client_email: 'aispm-reader@ml-platform-prod.iam.gserviceaccount.com', private_key: PEM_KEY },
    });
    expect(parsed.caCertificate).toContain('BEGIN CERTIFICATE');
  });

  it('says what is wrong with a Google key that is missing or not JSON', () => {
    expect(buildCreateAccountBody(draft({ provider: 'gcp' })).required.key).toMatch(/Upload or paste/);
    expect(
      buildCreateAccountBody(draft({ provider: 'gcp', gcp: { keyText: '{"type":' } })).required.key,
    ).toMatch(/not JSON/);
  });
});

describe('parseServiceAccountKey', () => {
  it('reads the project and client email from a key file', () => {
    const parsed = parseServiceAccountKey(KEY_FILE);
    expect(parsed).toMatchObject({
      ok: true,
      projectId: 'ml-platform-prod',
      clientEmail: 'aispm-reader@ml-platform-prod.iam.gserviceaccount.com',
    });
  });

  it('refuses JSON that is not a service-account key', () => {
    expect(parseServiceAccountKey('[1]')).toMatchObject({ ok: false, message: /one JSON object/ });
    expect(parseServiceAccountKey('{"type":"authorized_user"}')).toMatchObject({
      ok: false,
      message: /not a service-account key/,
    });
  });
});

describe('connectFieldOf', () => {
  it('maps request paths to the wizard field that shows them', () => {
    expect(connectFieldOf('scopeIds.0')).toBe('scopeIds');
    expect(connectFieldOf('credentials.accessKeyId')).toBe('accessKeyId');
    expect(connectFieldOf('credentials.source.secretAccessKey')).toBe('sourceSecretAccessKey');
    expect(connectFieldOf('credentials.key.private_key')).toBe('key');
    expect(connectFieldOf('credentials.tenantId')).toBe('tenantId');
    expect(connectFieldOf('caCertificate')).toBe('caCertificate');
    expect(connectFieldOf('credentials.kind')).toBeNull();
    expect(connectFieldOf('provider')).toBeNull();
  });
});
