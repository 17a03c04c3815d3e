import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFaultSpec } from '../../fault-injector';
import { startSimulator, type RunningSimulator } from '../../server';
import { SIM_READONLY_ACCESS_KEY_ID, SIM_READONLY_SECRET_ACCESS_KEY } from '../credentials';
import { BEDROCK_COUNTS } from './estate';
import { callBedrock } from './rest-request.testing';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const enc = encodeURIComponent;

// The Bedrock REST-JSON wire as the SDK sees it, checked with fetch and AWS's own SigV4 signer.
describe('cloud-sim Bedrock wire (REST-JSON)', () => {
  let sim: RunningSimulator;
  const lines: string[] = [];
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, log: (line) => lines.push(line) });
  });
  afterAll(() => sim.close());
  const us = () => sim.estate.bedrock.regions['us-east-1'];

  it('lists custom models with JSON, a request id, RFC 3339 timestamps and maxResults/nextToken paging', async () => {
    const first = await callBedrock(sim.url, { path: '/custom-models', query: { maxResults: '2' } });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/json');
    expect(first.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    const summaries = first.body.modelSummaries as { modelArn: string; creationTime: unknown }[];
    expect(summaries).toHaveLength(2);
    for (const s of summaries) expect(s.creationTime).toMatch(RFC3339);
    expect(typeof first.body.nextToken).toBe('string');

    const second = await callBedrock(sim.url, {
      path: '/custom-models',
      query: { maxResults: '2', nextToken: first.body.nextToken as string },
    });
    expect(second.status).toBe(200);
    expect(second.body).not.toHaveProperty('nextToken');
    const all = [...summaries, ...(second.body.modelSummaries as { modelArn: string }[])];
    expect(all.map((s) => s.modelArn)).toEqual(us().customModels.map((m) => m.arn));
    expect(all).toHaveLength(BEDROCK_COUNTS['us-east-1'].customModels);
  });

  it('gets a custom model by its percent-encoded ARN or by its name, body as stored', async () => {
    const model = us().customModels[0]!;
    const byArn = await callBedrock(sim.url, { path: `/custom-models/${enc(model.arn)}` });
    expect(byArn.status).toBe(200);
    expect(byArn.body).toEqual(model.get);
    const byName = await callBedrock(sim.url, { path: `/custom-models/${enc(model.name)}` });
    expect(byName.body).toEqual(model.get);
  });

  it('answers an unknown resource with 404, x-amzn-errortype and a {message} body', async () => {
    const res = await callBedrock(sim.url, { path: '/imported-models/no-such-model' });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
    expect(res.body).toEqual({ message: expect.stringContaining('no-such-model') });
  });

  it('serves agents over POST listings with the paging members in the JSON body', async () => {
    const first = await callBedrock(sim.url, { method: 'POST', path: '/agents/', body: { maxResults: 3 } });
    expect(first.status).toBe(200);
    expect(first.body.agentSummaries).toHaveLength(3);
    const rest = await callBedrock(sim.url, {
      method: 'POST',
      path: '/agents/',
      body: { maxResults: 3, nextToken: first.body.nextToken },
    });
    expect(rest.body.agentSummaries).toHaveLength(BEDROCK_COUNTS['us-east-1'].agents - 3);
    expect(rest.body).not.toHaveProperty('nextToken');

    const agent = us().agents[0]!;
    const got = await callBedrock(sim.url, { path: `/agents/${agent.id}/` });
    expect(got.body).toEqual(agent.get);
    expect((got.body.agent as { createdAt: string }).createdAt).toMatch(RFC3339);
    const kbs = await callBedrock(sim.url, {
      method: 'POST',
      path: `/agents/${agent.id}/agentversions/DRAFT/knowledgebases/`,
      body: {},
    });
    expect(kbs.body.agentKnowledgeBaseSummaries).toEqual(agent.knowledgeBases);
  });

  it('lists knowledge bases, their data sources and gets each', async () => {
    const kb = us().knowledgeBases[0]!;
    const list = await callBedrock(sim.url, { method: 'POST', path: '/knowledgebases/', body: {} });
    expect(
      (list.body.knowledgeBaseSummaries as { knowledgeBaseId: string }[]).map((k) => k.knowledgeBaseId),
    ).toEqual(us().knowledgeBases.map((k) => k.id));
    expect((await callBedrock(sim.url, { path: `/knowledgebases/${kb.id}` })).body).toEqual(kb.get);
    const ds = await callBedrock(sim.url, {
      method: 'POST',
      path: `/knowledgebases/${kb.id}/datasources/`,
      body: { maxResults: 1 },
    });
    expect(ds.body.dataSourceSummaries).toHaveLength(1);
    expect(ds.body.nextToken).toBeDefined();
    const first = kb.dataSources[0]!;
    expect(
      (await callBedrock(sim.url, { path: `/knowledgebases/${kb.id}/datasources/${first.id}` })).body,
    ).toEqual(first.get);
  });

  it('lists each guardrail once (its DRAFT), every version of one guardrail, and gets a version', async () => {
    const list = await callBedrock(sim.url, { path: '/guardrails' });
    const drafts = list.body.guardrails as { arn: string; version: string }[];
    expect(drafts.map((g) => g.arn)).toEqual(us().guardrails.map((g) => g.arn));
    expect(new Set(drafts.map((g) => g.version))).toEqual(new Set(['DRAFT']));

    const versioned = us().guardrails.find((g) => g.versions.length === 3)!;
    const versions = await callBedrock(sim.url, {
      path: '/guardrails',
      query: { guardrailIdentifier: versioned.arn },
    });
    expect((versions.body.guardrails as { version: string }[]).map((v) => v.version)).toEqual([
      'DRAFT',
      '1',
      '2',
    ]);
    const v1 = await callBedrock(sim.url, {
      path: `/guardrails/${versioned.id}`,
      query: { guardrailVersion: '1' },
    });
    expect(v1.body).toEqual(versioned.versions[1]);
    const draft = await callBedrock(sim.url, { path: `/guardrails/${enc(versioned.arn)}` });
    expect(draft.body).toEqual(versioned.versions[0]);
    const missing = await callBedrock(sim.url, {
      path: `/guardrails/${versioned.id}`,
      query: { guardrailVersion: '9' },
    });
    expect(missing.status).toBe(404);
  });

  it('lists tags: a key/value list on the control plane, a map on the agents API', async () => {
    const tagged = us().customModels.find((m) => Object.keys(m.tags).length > 0)!;
    const control = await callBedrock(sim.url, {
      method: 'POST',
      path: '/listTagsForResource',
      body: { resourceARN: tagged.arn },
    });
    expect(control.status).toBe(200);
    expect(control.body).toEqual({
      tags: Object.entries(tagged.tags).map(([key, value]) => ({ key, value })),
    });
    const agent = us().agents.find((a) => Object.keys(a.tags).length > 0)!;
    const agents = await callBedrock(sim.url, { path: `/tags/${enc(agent.arn)}` });
    expect(agents.body).toEqual({ tags: agent.tags });
    // Each API tags its own resources only.
    const wrongPlane = await callBedrock(sim.url, { path: `/tags/${enc(tagged.arn)}` });
    expect(wrongPlane.status).toBe(400);
    const unknown = await callBedrock(sim.url, {
      method: 'POST',
      path: '/listTagsForResource',
      body: { resourceARN: `${tagged.arn}0` },
    });
    expect(unknown.status).toBe(404);
  });

  it('reports invocation logging per region: configured in us-east-1, no loggingConfig in eu-west-1', async () => {
    const on = await callBedrock(sim.url, { path: '/logging/modelinvocations' });
    expect(on.body).toEqual({ loggingConfig: us().loggingConfig });
    expect(on.body.loggingConfig).toMatchObject({ s3Config: {}, cloudWatchConfig: {} });
    const off = await callBedrock(sim.url, { path: '/logging/modelinvocations', region: 'eu-west-1' });
    expect(off.status).toBe(200);
    expect(off.body).toEqual({});
  });

  it('answers a region without resources with empty listings, and lists foundation models', async () => {
    const region = 'ap-southeast-2';
    expect((await callBedrock(sim.url, { path: '/custom-models', region })).body).toEqual({
      modelSummaries: [],
    });
    expect((await callBedrock(sim.url, { method: 'POST', path: '/agents/', body: {}, region })).body).toEqual(
      {
        agentSummaries: [],
      },
    );
    const fm = await callBedrock(sim.url, { path: '/foundation-models' });
    expect((fm.body.modelSummaries as { modelArn: string }[])[0]!.modelArn).toMatch(
      /^arn:aws:bedrock:us-east-1::foundation-model\//,
    );
  });

  it('rejects a bad page token or page size with 400 ValidationException', async () => {
    const token = await callBedrock(sim.url, { path: '/guardrails', query: { nextToken: 'garbage' } });
    expect(token.status).toBe(400);
    expect(token.headers.get('x-amzn-errortype')).toBe('ValidationException');
    const size = await callBedrock(sim.url, {
      method: 'POST',
      path: '/knowledgebases/',
      body: { maxResults: 0 },
    });
    expect(size.status).toBe(400);
  });

  it('tells an unknown path (404) from a wrong method (405)', async () => {
    const unknown = await callBedrock(sim.url, { path: '/model-customization-jobs' });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    const wrong = await callBedrock(sim.url, { method: 'DELETE', path: '/guardrails' });
    expect(wrong.status).toBe(405);
  });

  it('denies an identity without Bedrock permission with 403, naming the action and resource', async () => {
    const res = await callBedrock(sim.url, {
      path: '/custom-models',
      accessKeyId: SIM_READONLY_ACCESS_KEY_ID,
      secretAccessKey: SIM_READONLY_SECRET_ACCESS_KEY,
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
    expect(res.body.message).toBe(
      'User: arn:aws:iam::123456789012:user/sim-readonly-auditor is not authorized to perform: ' +
        'bedrock:ListCustomModels on resource: arn:aws:bedrock:us-east-1:123456789012:* ' +
        'because no identity-based policy allows the bedrock:ListCustomModels action',
    );
    const agent = await callBedrock(sim.url, {
      path: `/agents/${us().agents[0]!.id}/`,
      accessKeyId: SIM_READONLY_ACCESS_KEY_ID,
      secretAccessKey: SIM_READONLY_SECRET_ACCESS_KEY,
    });
    expect(agent.body.message).toContain(`bedrock:GetAgent on resource: ${us().agents[0]!.arn}`);
  });

  it('rejects an unknown key and a wrong secret in the REST-JSON error shape', async () => {
    const unknown = await callBedrock(sim.url, { path: '/guardrails', accessKeyId: 'SIMUNKNOWNKEY0000001' });
    expect(unknown.status).toBe(403);
    expect(unknown.headers.get('x-amzn-errortype')).toBe('UnrecognizedClientException');
    expect(unknown.body).toEqual({ message: 'The security token included in the request is invalid.' });
    const wrong = await callBedrock(sim.url, { path: '/guardrails', secretAccessKey: 'not-the-secret' });
    expect(wrong.status).toBe(403);
    expect(wrong.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
  });

  it('answers Get with 404 for a resource deleted after the listing, which listings still show', async () => {
    const kb = sim.estate.bedrock.regions['eu-west-1'].knowledgeBases[0]!;
    kb.gone = true;
    try {
      const got = await callBedrock(sim.url, { path: `/knowledgebases/${kb.id}`, region: 'eu-west-1' });
      expect(got.status).toBe(404);
      const list = await callBedrock(sim.url, {
        method: 'POST',
        path: '/knowledgebases/',
        body: {},
        region: 'eu-west-1',
      });
      expect(list.body.knowledgeBaseSummaries).toHaveLength(1);
    } finally {
      delete kb.gone;
    }
  });

  it('logs each request under its fault service and operation', () => {
    expect(lines.some((l) => l.includes('bedrock.ListCustomModels region=us-east-1'))).toBe(true);
    expect(lines.some((l) => l.includes('bedrock-agent.ListAgents region=us-east-1'))).toBe(true);
  });
});

describe('cloud-sim Bedrock faults', () => {
  it('declares bedrock and bedrock-agent operations for fault specs', () => {
    expect(parseFaultSpec('bedrock.ListGuardrails:fail-page:2')).toMatchObject({
      service: 'bedrock',
      operation: 'ListGuardrails',
    });
    expect(parseFaultSpec('bedrock-agent.ListDataSources:fail-page:2')).toMatchObject({
      service: 'bedrock-agent',
      operation: 'ListDataSources',
    });
    expect(() => parseFaultSpec('bedrock.ListAgents:throttle:1')).toThrow(/unknown bedrock operation/);
    expect(() => parseFaultSpec('bedrock-agent.GetAgent:fail-page:1')).toThrow(/paged listings/);
  });

  it('throttles with 429 ThrottlingException and fails a chosen page with a 500', async () => {
    const sim = await startSimulator({
      port: 0,
      faults: [
        { service: 'bedrock', operation: 'GetGuardrail', kind: 'throttle', rate: 1 },
        { service: 'bedrock-agent', operation: 'ListAgents', kind: 'fail-page', page: 2 },
      ],
    });
    try {
      const g = sim.estate.bedrock.regions['us-east-1'].guardrails[0]!;
      const throttled = await callBedrock(sim.url, { path: `/guardrails/${g.id}` });
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get('x-amzn-errortype')).toBe('ThrottlingException');
      // Other operations of the service are not affected.
      expect((await callBedrock(sim.url, { path: '/guardrails' })).status).toBe(200);

      const first = await callBedrock(sim.url, { method: 'POST', path: '/agents/', body: { maxResults: 2 } });
      expect(first.status).toBe(200);
      const second = await callBedrock(sim.url, {
        method: 'POST',
        path: '/agents/',
        body: { maxResults: 2, nextToken: first.body.nextToken },
      });
      expect(second.status).toBe(500);
      expect(second.headers.get('x-amzn-errortype')).toBe('InternalFailure');
    } finally {
      await sim.close();
    }
  });
});
