import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  TAsset,
  TAuditEvent,
  TSanctionedAi,
  TSanctionedAiChange,
  TShadowAiSummary,
} from '@aispm/contracts';
import { evaluateShadowAi, newId, type Prisma } from '@aispm/db';
import { detectShadowAiBatch } from '@aispm/risk';
import {
  client,
  createOrg,
  createUser,
  signIn,
  startTestApi,
  type TestApi,
  type TestClient,
} from '../../testing/test-app';

const AWS_ACCOUNT = '123456789012';

let api: TestApi;
let orgId: string;
let otherOrgId: string;
let admin: TestClient;
let analyst: TestClient;
const ids: Record<string, string> = {};

async function addAsset(
  tenantId: string,
  accountId: string,
  key: string,
  data: Pick<Prisma.AssetUncheckedCreateInput, 'provider' | 'assetType' | 'nativeId' | 'name' | 'region'> &
    Partial<Pick<Prisma.AssetUncheckedCreateInput, 'attributes' | 'tags' | 'deletedAt'>>,
) {
  const id = newId();
  await api.admin.prisma.asset.create({
    data: { id, tenantId, accountId, firstSeen: new Date(), lastSeen: new Date(), ...data },
  });
  ids[key] = id;
}

async function asset(key: string): Promise<TAsset> {
  return (await analyst.get(`/api/v1/assets/${ids[key]}`).expect(200)).body as TAsset;
}

async function shadowNames(shadow: 'true' | 'false'): Promise<string[]> {
  const res = await analyst.get(`/api/v1/assets?shadow=${shadow}&limit=500`).expect(200);
  return (res.body.items as TAsset[]).map((a) => a.name).sort();
}

async function register(body: object): Promise<TSanctionedAiChange> {
  return (await admin.post('/api/v1/shadow-ai/register', body).expect(201)).body as TSanctionedAiChange;
}

beforeAll(async () => {
  api = await startTestApi();
  orgId = await createOrg(api.admin, 'Shadow AI');
  otherOrgId = await createOrg(api.admin, 'Shadow AI elsewhere');
  admin = client(api, await signIn(api, await createUser(api.admin, [{ tenantId: orgId, role: 'admin' }])));
  analyst = client(
    api,
    await signIn(api, await createUser(api.admin, [{ tenantId: orgId, role: 'analyst' }])),
  );

  const aws = newId();
  const gcp = newId();
  await api.admin.prisma.cloudAccount.createMany({
    data: [
      {
        id: aws,
        tenantId: orgId,
        provider: 'aws',
        name: 'aws',
        scopeIds: [AWS_ACCOUNT],
        regions: ['us-east-1'],
      },
      { id: gcp, tenantId: orgId, provider: 'gcp', name: 'gcp', scopeIds: ['research-prod'], regions: [] },
    ],
  });
  await addAsset(orgId, aws, 'agent', {
    provider: 'aws',
    assetType: 'aws.bedrock.agent',
    nativeId: `arn:aws:bedrock:us-east-1:${AWS_ACCOUNT}:agent/AGENT1`,
    name: 'support-agent',
    region: 'us-east-1',
    attributes: { agentName: 'support-agent', foundationModel: 'anthropic.claude-3-haiku-20240307-v1:0' },
  });
  await addAsset(orgId, aws, 'vllm', {
    provider: 'aws',
    assetType: 'aws.sagemaker.model',
    nativeId: `arn:aws:sagemaker:us-east-1:${AWS_ACCOUNT}:model/llm`,
    name: 'llm',
    region: 'us-east-1',
    attributes: { ModelName: 'llm', PrimaryContainer: { Image: 'vllm/vllm-openai:v0.6.3' } },
  });
  await addAsset(orgId, aws, 'web', {
    provider: 'aws',
    assetType: 'aws.ec2.instance',
    nativeId: `arn:aws:ec2:us-east-1:${AWS_ACCOUNT}:instance/i-0web`,
    name: 'web-01',
    region: 'us-east-1',
    tags: { Name: 'web-01' },
  });
  await addAsset(orgId, aws, 'bucket', {
    provider: 'aws',
    assetType: 'aws.s3.bucket',
    nativeId: 'arn:aws:s3:::training-data',
    name: 'training-data',
    region: 'us-east-1',
  });
  await addAsset(orgId, aws, 'gone', {
    provider: 'aws',
    assetType: 'aws.bedrock.guardrail',
    nativeId: `arn:aws:bedrock:us-east-1:${AWS_ACCOUNT}:guardrail/old`,
    name: 'old-guardrail',
    region: 'us-east-1',
    deletedAt: new Date(),
  });
  await addAsset(orgId, gcp, 'vertexApi', {
    provider: 'gcp',
    assetType: 'gcp.serviceusage.service',
    nativeId: 'projects/123456/services/aiplatform.googleapis.com',
    name: 'aiplatform.googleapis.com',
    region: 'global',
    attributes: {
      name: 'projects/123456/services/aiplatform.googleapis.com',
      config: { name: 'aiplatform.googleapis.com', title: 'Vertex AI API' },
      state: 'ENABLED',
    },
  });
  // Another organization's AI asset: no evaluation of this tenant may touch it.
  const otherAccount = newId();
  await api.admin.prisma.cloudAccount.create({
    data: { id: otherAccount, tenantId: otherOrgId, provider: 'aws', name: 'o', scopeIds: [], regions: [] },
  });
  await addAsset(otherOrgId, otherAccount, 'other', {
    provider: 'aws',
    assetType: 'aws.bedrock.agent',
    nativeId: `arn:aws:bedrock:us-east-1:${AWS_ACCOUNT}:agent/OTHER`,
    name: 'other-agent',
    region: 'us-east-1',
  });
  // What the worker does after each scan, here for the whole tenant, as the application role.
  await evaluateShadowAi(api.db, { tenantId: orgId }, detectShadowAiBatch);
});

afterAll(async () => {
  await api?.close();
});

describe('shadow AI in the inventory', () => {
  it('flags AI outside an empty register with evidence, and leaves assets that are not AI alone', async () => {
    expect(await shadowNames('true')).toEqual(['aiplatform.googleapis.com', 'llm', 'support-agent']);
    expect(await shadowNames('false')).toEqual(['training-data', 'web-01']);

    const vllm = await asset('vllm');
    expect(vllm.shadow?.reasons.map((r) => r.code)).toEqual([
      'unsanctioned_service',
      'self_hosted_model_server',
    ]);
    expect(vllm.shadow?.reasons[1]).toEqual({
      code: 'self_hosted_model_server',
      title: 'Self-hosted model server (vLLM)',
      evidence: {
        path: 'attributes.PrimaryContainer.Image',
        value: 'vllm/vllm-openai:v0.6.3',
        missing: { kind: 'service', provider: 'aws', value: 'aws.self_hosted' },
      },
    });
    const api_ = await asset('vertexApi');
    expect(api_.shadow?.reasons).toEqual([
      {
        code: 'ai_api_enabled_unregistered',
        title: 'AI API enabled with no registered use (gcp.vertex)',
        evidence: {
          path: 'attributes.config.name',
          value: 'aiplatform.googleapis.com',
          missing: { kind: 'service', provider: 'gcp', value: 'gcp.vertex' },
          registered: [],
        },
      },
    ]);
    expect((await asset('web')).shadow).toBeNull();
    // The list carries the same field as the detail.
    const list = await analyst.get('/api/v1/assets?shadow=true&provider=gcp').expect(200);
    expect((list.body.items as TAsset[]).map((a) => a.shadow?.reasons[0]?.code)).toEqual([
      'ai_api_enabled_unregistered',
    ]);
  });

  it('refuses a shadow filter that is not true or false', async () => {
    const res = await analyst.get('/api/v1/assets?shadow=yes').expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors[0].path).toBe('shadow');
  });

  it('counts shadow assets by reason and provider', async () => {
    const summary = (await analyst.get('/api/v1/shadow-ai/summary').expect(200)).body as TShadowAiSummary;
    expect(summary.shadowAssets).toBe(3);
    expect(summary.byProvider).toEqual({ aws: 2, azure: 0, gcp: 1 });
    expect(summary.byReason).toMatchObject({
      unsanctioned_service: 2,
      self_hosted_model_server: 1,
      ai_api_enabled_unregistered: 1,
      unsanctioned_model: 0,
    });
    expect(summary.byReasonAndProvider).toContainEqual({
      code: 'unsanctioned_service',
      provider: 'aws',
      assets: 2,
    });
    expect(summary.registerEntries).toEqual({ service: 0, model: 0, account: 0, region: 0 });
  });
});

describe('the register of sanctioned AI', () => {
  let bedrock: TSanctionedAi;

  it('clears a flag as soon as the service is registered, and says what it re-evaluated', async () => {
    const change = await register({
      kind: 'service',
      provider: 'aws',
      value: ' AWS.Bedrock ',
      note: 'approved by CISO',
    });
    bedrock = change.entry;
    expect(bedrock).toMatchObject({
      kind: 'service',
      provider: 'aws',
      value: 'aws.bedrock',
      note: 'approved by CISO',
    });
    expect(bedrock.createdBy).toMatch(/@example\.test$/);
    // The AWS assets only (4 current ones; the deleted guardrail is not evaluated). Two changed: the agent is
    // cleared, and the SageMaker model's evidence now lists aws.bedrock among the registered services.
    expect(change.evaluation).toEqual({ assetsEvaluated: 4, assetsChanged: 2, shadowAssets: 1 });
    expect((await asset('vllm')).shadow?.reasons[0]?.evidence.registered).toEqual(['aws.bedrock']);
    expect((await asset('agent')).shadow).toBeNull();
    expect(await shadowNames('true')).toEqual(['aiplatform.googleapis.com', 'llm']);
    const list = (await analyst.get('/api/v1/shadow-ai/register').expect(200)).body.items as TSanctionedAi[];
    expect(list.map((e) => e.value)).toEqual(['aws.bedrock']);
  });

  it('answers 409 problem+json for an entry already registered', async () => {
    const res = await admin
      .post('/api/v1/shadow-ai/register', { kind: 'service', provider: 'aws', value: 'aws.bedrock' })
      .expect(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status: 409,
      errors: [{ path: 'value', message: 'already registered' }],
    });
    expect(await api.admin.prisma.sanctionedAi.count({ where: { tenantId: orgId } })).toBe(1);
  });

  it.each([
    [{ kind: 'service', provider: 'aws', value: 'aws.openai' }, 'value', /not an AI service of aws/],
    [{ kind: 'service', provider: 'gcp', value: 'aws.bedrock' }, 'value', /not an AI service of gcp/],
    [{ kind: 'account', provider: 'aws', value: '1234' }, 'value', /12 digits/],
    [{ kind: 'account', provider: 'azure', value: 'not-a-uuid' }, 'value', /UUID/],
    [{ kind: 'region', provider: 'aws', value: 'aws.nope:eu-west-1' }, 'value', /service scope/],
    [{ kind: 'model', provider: 'aws', value: 'gpt 4o' }, 'value', /model id or glob/],
    [{ kind: 'vendor', provider: 'aws', value: 'x' }, 'kind', /./],
    [{ kind: 'service', provider: 'oracle', value: 'x' }, 'provider', /./],
    [{ kind: 'service', provider: 'aws', value: '' }, 'value', /./],
  ])('refuses %j with a validation problem naming %s', async (body, path, message) => {
    const res = await admin.post('/api/v1/shadow-ai/register', body).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.type).toBe('https://aispm.dev/problems/validation');
    const error = (res.body.errors as { path: string; message: string }[]).find((e) => e.path === path);
    expect(error?.message).toMatch(message);
  });

  it('flags models, regions and accounts only once the register lists them for the provider', async () => {
    await register({ kind: 'model', provider: 'aws', value: 'anthropic.claude-3-5-sonnet*' });
    expect((await asset('agent')).shadow?.reasons).toEqual([
      expect.objectContaining({
        code: 'unsanctioned_model',
        evidence: expect.objectContaining({
          path: 'attributes.foundationModel',
          value: 'anthropic.claude-3-haiku-20240307-v1:0',
        }),
      }),
    ]);
    await register({ kind: 'model', provider: 'aws', value: 'anthropic.claude-3-haiku*' });
    expect((await asset('agent')).shadow).toBeNull();

    const region = await register({ kind: 'region', provider: 'aws', value: 'aws.bedrock:eu-west-1' });
    expect((await asset('agent')).shadow?.reasons.map((r) => r.code)).toEqual(['unapproved_region']);
    await admin.delete(`/api/v1/shadow-ai/register/${region.entry.id}`).expect(200);
    expect((await asset('agent')).shadow).toBeNull();

    // The Google project is known by number in the native id and by id on the connection.
    await register({ kind: 'service', provider: 'gcp', value: 'gcp.vertex' });
    await register({ kind: 'account', provider: 'gcp', value: 'research-prod' });
    expect((await asset('vertexApi')).shadow).toBeNull();
  });

  it('brings a flag back when its entry is removed, and answers 404 for an entry that is not there', async () => {
    const res = await admin.delete(`/api/v1/shadow-ai/register/${bedrock.id}`).expect(200);
    expect((res.body as TSanctionedAiChange).entry.id).toBe(bedrock.id);
    expect((await asset('agent')).shadow?.reasons.map((r) => r.code)).toEqual(['unsanctioned_service']);
    const again = await admin.delete(`/api/v1/shadow-ai/register/${bedrock.id}`).expect(404);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('cannot see or remove the entries of another organization', async () => {
    const theirs = newId();
    await api.admin.prisma.sanctionedAi.create({
      data: {
        id: theirs,
        tenantId: otherOrgId,
        kind: 'service',
        provider: 'aws',
        value: 'aws.sagemaker',
        createdBy: 'x',
      },
    });
    await admin.delete(`/api/v1/shadow-ai/register/${theirs}`).expect(404);
    const list = (await admin.get('/api/v1/shadow-ai/register').expect(200)).body.items as TSanctionedAi[];
    expect(list.map((e) => e.id)).not.toContain(theirs);
    expect(await api.admin.prisma.sanctionedAi.count({ where: { id: theirs } })).toBe(1);
    // Their register does not sanction our SageMaker model either.
    expect((await asset('vllm')).shadow?.reasons.map((r) => r.code)).toContain('unsanctioned_service');
  });

  it('lets analysts read the register but not change it', async () => {
    await analyst.get('/api/v1/shadow-ai/register').expect(200);
    await analyst
      .post('/api/v1/shadow-ai/register', { kind: 'service', provider: 'aws', value: 'aws.bedrock' })
      .expect(403);
    await analyst.delete(`/api/v1/shadow-ai/register/${newId()}`).expect(403);
  });

  it('audits every change with what was registered or removed', async () => {
    const res = await admin.get('/api/v1/audit-events?limit=500').expect(200);
    const events = (res.body.items as TAuditEvent[]).filter((e) => e.action.startsWith('sanctioned_ai.'));
    const created = events.find((e) => e.action === 'sanctioned_ai.create' && e.targetId === bedrock.id);
    expect(created).toMatchObject({
      targetType: 'sanctioned_ai',
      metadata: expect.objectContaining({
        kind: 'service',
        provider: 'aws',
        value: 'aws.bedrock',
        note: 'approved by CISO',
      }),
    });
    const deleted = events.find((e) => e.action === 'sanctioned_ai.delete' && e.targetId === bedrock.id);
    expect(deleted?.metadata).toMatchObject({ value: 'aws.bedrock' });
    // Six entries were created and two removed; the refused ones (409, 400) left no audit rows.
    expect(events.filter((e) => e.action === 'sanctioned_ai.create')).toHaveLength(6);
    expect(events.filter((e) => e.action === 'sanctioned_ai.delete')).toHaveLength(2);
  });
});

describe('evaluation in batches', () => {
  it('covers every asset across batches, rewrites nothing unchanged, and never touches another organization', async () => {
    const first = await evaluateShadowAi(api.db, { tenantId: orgId }, detectShadowAiBatch, { batchSize: 2 });
    expect(first.assetsEvaluated).toBe(5);
    expect(first.assetsChanged).toBe(0);
    const other = await api.admin.prisma.asset.findUniqueOrThrow({ where: { id: ids.other! } });
    expect(other.shadowReasons).toBeNull();
    expect(other.isShadow).toBe(false);
    // A stale flag (written by hand) is corrected by the next evaluation.
    await api.admin.prisma.asset.update({
      where: { id: ids.web! },
      data: {
        isShadow: true,
        shadowReasons: [{ code: 'unsanctioned_service', title: 'stale', evidence: {} }],
      },
    });
    const second = await evaluateShadowAi(api.db, { tenantId: orgId }, detectShadowAiBatch, { batchSize: 2 });
    expect(second.assetsChanged).toBe(1);
    expect((await asset('web')).shadow).toBeNull();
  });
});
