import { startSimulator, type RunningSimulator } from '@aispm/cloud-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdaptiveLimiter } from '../../adaptive-limiter';
import { closeAwsClients } from '../clients';
import { iamPoliciesDiscoverer } from './iam-policies.discoverer';
import { iamRolesDiscoverer } from './iam-roles.discoverer';
import { iamUsersDiscoverer } from './iam-users.discoverer';
import { byId, collect, failure, readonlyKeys, targetFor, withSimulator } from './infra.testing';

const ACCOUNT = '123456789012';
const role = (path: string) => `arn:aws:iam::${ACCOUNT}:role/${path}`;

describe('iam.roles and iam.policies through the real SDK against cloud-sim', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
  });
  afterAll(async () => {
    closeAwsClients();
    await sim.close();
  });

  it('declares global listings of aws.iam.role and aws.iam.policy', () => {
    expect(iamRolesDiscoverer).toMatchObject({
      service: 'iam.roles',
      scope: 'global',
      assetTypes: ['aws.iam.role'],
    });
    expect(iamPoliciesDiscoverer).toMatchObject({
      service: 'iam.policies',
      scope: 'global',
      assetTypes: ['aws.iam.policy'],
    });
  });

  it('lists every role once, with the ARN as returned, in pages of the asked size', async () => {
    const pages = await collect(iamRolesDiscoverer, targetFor(sim, 'global'), { pageSize: 5 });
    const records = pages.flat();
    const expected = sim.estate.awsInfra.roles.map((r) => r.Arn).sort();
    // The default estate's 12 roles plus those the other AWS families name (e.g. Bedrock agents' roles).
    expect(expected.length).toBeGreaterThanOrEqual(12);
    expect(records.map((r) => r.nativeId).sort()).toEqual(expected);
    expect(pages.length).toBe(Math.ceil(expected.length / 5));
    expect(pages.slice(0, -1).every((p) => p.length === 5)).toBe(true);
    for (const r of records) expect(r).toMatchObject({ assetType: 'aws.iam.role', region: 'global' });
  });

  it('decodes the URL-encoded trust policy and inline policies, and lists attached policy ARNs and tags', async () => {
    const records = (await collect(iamRolesDiscoverer, targetFor(sim, 'global'))).flat();
    const scanner = byId(records, role('aispm-scanner'));
    expect(scanner.attributes.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/sim-demo-scanner` },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': sim.estate.awsInfra.scanner.externalId } },
        },
      ],
    });
    expect(scanner.tags).toEqual({ purpose: 'aispm' });

    const pipeline = byId(records, role('sagemaker-training-pipeline'));
    expect(pipeline.attributes.InlinePolicies).toEqual([
      {
        PolicyName: 'allow-everything-temp',
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
        },
      },
    ]);

    const admin = byId(records, role('SageMakerFullAccessRole'));
    expect(admin.attributes.AttachedPolicyArns).toEqual([
      'arn:aws:iam::aws:policy/AdministratorAccess',
      'arn:aws:iam::aws:policy/AmazonSageMakerFullAccess',
    ]);
    expect(admin.relations).toEqual([
      {
        kind: 'attached_policy',
        toAssetType: 'aws.iam.policy',
        toNativeId: 'arn:aws:iam::aws:policy/AdministratorAccess',
      },
      {
        kind: 'attached_policy',
        toAssetType: 'aws.iam.policy',
        toNativeId: 'arn:aws:iam::aws:policy/AmazonSageMakerFullAccess',
      },
    ]);
    const bedrock = byId(records, role('service-role/AmazonBedrockExecutionRoleForAgents_CX7H2K9QWE'));
    expect(bedrock.attributes.AttachedPolicyArns).toEqual([
      'arn:aws:iam::aws:policy/AmazonBedrockFullAccess',
    ]);
  });

  it('leaves out what IAM did not return: no boundary, no tags, an empty RoleLastUsed for a never-used role', async () => {
    const records = (await collect(iamRolesDiscoverer, targetFor(sim, 'global'))).flat();
    const unused = byId(records, role('ml-platform-readonly'));
    expect(unused.attributes.RoleLastUsed).toEqual({});
    expect(unused.attributes).not.toHaveProperty('PermissionsBoundary');
    expect(unused.attributes).not.toHaveProperty('Description');
    expect(unused.tags).toEqual({});
    expect(unused.relations).toEqual([]);
    const bounded = byId(records, role('bounded-experiments'));
    expect(bounded.attributes.PermissionsBoundary).toEqual({
      PermissionsBoundaryType: 'Policy',
      PermissionsBoundaryArn: `arn:aws:iam::${ACCOUNT}:policy/SageMakerS3Access`,
    });
    expect(typeof (bounded.attributes.RoleLastUsed as { LastUsedDate: unknown }).LastUsedDate).toBe('string');
  });

  it('lists customer managed policies only, with the default version document decoded (not the newest)', async () => {
    const pages = await collect(iamPoliciesDiscoverer, targetFor(sim, 'global'), { pageSize: 4 });
    expect(pages.map((p) => p.length)).toEqual([4, 2]);
    const records = pages.flat();
    expect(records.map((r) => r.nativeId).sort()).toEqual(
      sim.estate.awsInfra.policies.map((p) => p.Arn).sort(),
    );
    expect(records.every((r) => !r.nativeId.startsWith('arn:aws:iam::aws:'))).toBe(true);
    const experiment = byId(records, `arn:aws:iam::${ACCOUNT}:policy/ExperimentPolicy`);
    expect(experiment.attributes.DefaultVersionId).toBe('v3');
    expect(experiment.attributes.DefaultVersion).toMatchObject({
      VersionId: 'v3',
      IsDefaultVersion: true,
      Document: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['s3:GetObject'],
            Resource: `arn:aws:s3:::aispm-sim-training-data-${ACCOUNT}/*`,
          },
        ],
      },
    });
    const wildcard = byId(records, `arn:aws:iam::${ACCOUNT}:policy/DataScienceWildcard`);
    expect(wildcard.attributes.DefaultVersion).toMatchObject({
      Document: { Statement: [{ Effect: 'Allow', Action: 'sagemaker:*', Resource: '*' }] },
    });
    expect(wildcard.attributes.AttachmentCount).toBe(1);
  });

  it('fails with AccessDenied naming iam:GetAccountAuthorizationDetails for the key without IAM rights', async () => {
    const { error, pages } = await failure(iamRolesDiscoverer, targetFor(sim, 'global', readonlyKeys));
    expect(pages).toEqual([]);
    expect(error).toMatchObject({
      code: 'AccessDenied',
      retryable: false,
      operation: 'GetAccountAuthorizationDetails',
    });
    expect(error.message).toMatch(/^The credentials lack iam:GetAccountAuthorizationDetails/);
  });

  it('lists users with their policies, masked access keys and Bedrock API keys as IAM returned them', async () => {
    const pages = await collect(iamUsersDiscoverer, targetFor(sim, 'global'), { pageSize: 3 });
    expect(pages.map((p) => p.length)).toEqual([3, 1]);
    const records = pages.flat();
    expect(records.map((r) => r.nativeId).sort()).toEqual(sim.estate.awsInfra.users.map((u) => u.Arn).sort());
    const user = (name: string) => byId(records, `arn:aws:iam::${ACCOUNT}:user/${name}`);

    const chatbot = user('chatbot-backend');
    expect(chatbot).toMatchObject({ assetType: 'aws.iam.user', region: 'global', tags: { team: 'genai' } });
    expect(chatbot.attributes.AttachedPolicyArns).toEqual([
      'arn:aws:iam::aws:policy/AmazonBedrockFullAccess',
    ]);
    expect(chatbot.relations).toEqual([
      {
        kind: 'attached_policy',
        toAssetType: 'aws.iam.policy',
        toNativeId: 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess',
      },
    ]);
    const [apiKey] = chatbot.attributes.ServiceSpecificCredentials as Record<string, unknown>[];
    expect(apiKey).toMatchObject({
      UserName: 'chatbot-backend',
      ServiceName: 'bedrock.amazonaws.com',
      Status: 'Active',
      ServiceCredentialAlias: `BedrockAPIKey-chatbot-backend-at-${ACCOUNT}`,
    });
    // Created without an expiry: IAM sends no ExpirationDate, and none is made up.
    expect(apiKey).not.toHaveProperty('ExpirationDate');
    expect(typeof apiKey!.CreateDate).toBe('string');

    const ci = user('bedrock-ci').attributes.ServiceSpecificCredentials as Record<string, unknown>[];
    expect(ci.map((c) => c.Status)).toEqual(['Active', 'Inactive']);
    expect(typeof ci[0]!.ExpirationDate).toBe('string');

    const alice = user('dev-alice');
    const keys = alice.attributes.AccessKeys as Record<string, unknown>[];
    expect(keys.map((k) => k.Status)).toEqual(['Inactive', 'Active']);
    const real = sim.estate.awsInfra.usersByName.get('dev-alice')!.accessKeys.map((k) => k.AccessKeyId);
    for (const [i, k] of keys.entries()) {
      expect(k.AccessKeyId).toBe(`${real[i]!.slice(0, 4)}...${real[i]!.slice(-4)}`);
      expect(JSON.stringify(alice)).not.toContain(real[i]!);
    }
    expect(alice.attributes.InlinePolicies).toEqual([
      {
        PolicyName: 'codecommit-ml-repos',
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'codecommit:GitPull', Resource: '*' }],
        },
      },
    ]);
    expect(alice.attributes.ServiceSpecificCredentials).toMatchObject([
      { ServiceName: 'codecommit.amazonaws.com', ServiceUserName: `dev-alice-at-${ACCOUNT}` },
    ]);
  });

  it('fails with InvalidCredentials for an unknown key, never showing the secret', async () => {
    const secret = 'unknown-iam-secret-00000';
    const { error } = await failure(
      iamPoliciesDiscoverer,
      targetFor(sim, 'global', {
        kind: 'access_key',
        accessKeyId: 'SIMNOSUCHKEY000001',
        secretAccessKey: secret,
      }),
    );
    expect(error.code).toBe('InvalidCredentials');
    expect(error.message).not.toContain(secret);
  });

  it('skips a user deleted between the listing and ListAccessKeys', async () => {
    await withSimulator({}, async (own) => {
      own.estate.awsInfra.usersByName.delete('bedrock-ci');
      const records = (await collect(iamUsersDiscoverer, targetFor(own, 'global'))).flat();
      expect(records.map((r) => r.name).sort()).toEqual(['chatbot-backend', 'dev-alice', 'sim-demo-scanner']);
    });
  });

  it('reads hundreds of roles in a few calls, not several per role', async () => {
    const lines: string[] = [];
    await withSimulator({ assets: 3000, log: (l) => lines.push(l) }, async (own) => {
      const roles = own.estate.awsInfra.roles.length;
      expect(roles).toBeGreaterThan(100);
      const records = (await collect(iamRolesDiscoverer, targetFor(own, 'global'))).flat();
      expect(records).toHaveLength(roles);
    });
    const iamCalls = lines.filter((l) => l.includes('iam.GetAccountAuthorizationDetails')).length;
    expect(iamCalls).toBeGreaterThan(0);
    expect(lines.filter((l) => l.includes('iam.')).length).toBe(iamCalls);
    expect(iamCalls).toBeLessThanOrEqual(Math.ceil(3000 / 100) + 1);
  });
});

describe('iam discoverers under injected faults', () => {
  afterAll(() => closeAwsClients());

  it('reports a retryable Throttled error (IAM Throttling) when the SDK may not retry', async () => {
    await withSimulator({ faults: [{ service: 'iam', kind: 'throttle', rate: 1 }] }, async (sim) => {
      const { error } = await failure(iamRolesDiscoverer, targetFor(sim, 'global'), { maxAttempts: 1 });
      expect(error).toMatchObject({
        code: 'Throttled',
        retryable: true,
        operation: 'GetAccountAuthorizationDetails',
      });
      expect(error.message).toContain('Rate exceeded');
    });
  });

  it('completes the role listing through throttling with SDK retries and the adaptive limiter', async () => {
    const lines: string[] = [];
    await withSimulator(
      { faults: [{ service: 'iam', kind: 'throttle', rate: 0.2 }], log: (l) => lines.push(l) },
      async (sim) => {
        const records = (
          await collect(iamRolesDiscoverer, targetFor(sim, 'global'), {
            pageSize: 4,
            maxAttempts: 5,
            limiter: new AdaptiveLimiter({ backoffMs: 5 }),
          })
        ).flat();
        expect(records.map((r) => r.nativeId).sort()).toEqual(
          sim.estate.awsInfra.roles.map((r) => r.Arn).sort(),
        );
      },
    );
    expect(lines.filter((l) => l.includes('Throttling')).length).toBeGreaterThan(0);
  });

  it('yields the first page, then fails with Unavailable when page 2 of the policy listing fails', async () => {
    await withSimulator(
      {
        faults: [{ service: 'iam', operation: 'GetAccountAuthorizationDetails', kind: 'fail-page', page: 2 }],
      },
      async (sim) => {
        const { error, pages } = await failure(iamPoliciesDiscoverer, targetFor(sim, 'global'), {
          pageSize: 4,
          maxAttempts: 2,
        });
        expect(pages).toEqual([4]);
        expect(error).toMatchObject({
          code: 'Unavailable',
          retryable: true,
          operation: 'GetAccountAuthorizationDetails',
        });
      },
    );
  });
});
