import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZAccountSetup } from '@aispm/contracts';
import {
  client,
  createOrg,
  createUser,
  signIn,
  startTestApi,
  type TestApi,
  type TestClient,
} from '../../testing/test-app';

let api: TestApi;
let analyst: TestClient;

beforeAll(async () => {
  api = await startTestApi();
  const orgId = await createOrg(api.admin, 'Account setup');
  analyst = client(
    api,
    await signIn(api, await createUser(api.admin, [{ tenantId: orgId, role: 'analyst' }])),
  );
});

afterAll(async () => {
  await api?.close();
});

describe('GET /api/v1/accounts/setup/{provider}', () => {
  it('gives the AWS read-only policy: only List/Describe/Get actions, each one a discoverer calls', async () => {
    const res = await analyst.get('/api/v1/accounts/setup/aws').expect(200);
    const setup = ZAccountSetup.parse(res.body);
    expect(setup.format).toBe('aws-iam-policy');
    const policy = JSON.parse(setup.document) as {
      Statement: { Effect: string; Action: string[]; Resource: string }[];
    };
    expect(policy.Statement).toHaveLength(1);
    expect(policy.Statement[0]!.Effect).toBe('Allow');
    expect(policy.Statement[0]!.Action).toEqual(setup.permissions);
    for (const needed of [
      'sagemaker:ListNotebookInstances',
      'bedrock:GetGuardrail',
      'iam:GetAccountAuthorizationDetails',
      's3:GetBucketPolicy',
      'kms:DescribeKey',
    ]) {
      expect(setup.permissions).toContain(needed);
    }
    for (const action of setup.permissions) {
      expect(action).toMatch(/^[a-z0-9-]+:(List|Describe|Get)[A-Za-z]+$/);
    }
    expect(setup.steps.some((s) => /external id/i.test(s))).toBe(true);
  });

  it('gives the Azure custom role: read actions only, assignable at subscription scope', async () => {
    const setup = ZAccountSetup.parse((await analyst.get('/api/v1/accounts/setup/azure').expect(200)).body);
    expect(setup.format).toBe('azure-role-definition');
    const role = JSON.parse(setup.document) as {
      Actions: string[];
      DataActions: string[];
      AssignableScopes: string[];
    };
    expect(role.Actions).toEqual(setup.permissions);
    expect(role.DataActions).toEqual([]);
    expect(role.AssignableScopes).toEqual(['/subscriptions/<subscription-id>']);
    expect(setup.permissions).toContain('Microsoft.MachineLearningServices/workspaces/read');
    for (const action of setup.permissions) expect(action).toMatch(/\/read$/);
  });

  it('gives the Google Cloud custom role: list and getIamPolicy permissions only', async () => {
    const setup = ZAccountSetup.parse((await analyst.get('/api/v1/accounts/setup/gcp').expect(200)).body);
    expect(setup.format).toBe('gcp-custom-role');
    const role = JSON.parse(setup.document) as { includedPermissions: string[]; stage: string };
    expect(role.includedPermissions).toEqual(setup.permissions);
    expect(setup.permissions).toContain('aiplatform.endpoints.list');
    for (const p of setup.permissions) expect(p).toMatch(/\.(list|getIamPolicy)$/);
  });

  it('refuses an unknown provider with problem+json', async () => {
    const res = await analyst.get('/api/v1/accounts/setup/oracle').expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
