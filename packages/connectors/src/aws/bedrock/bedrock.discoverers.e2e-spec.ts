import {
  SIM_AWS_ACCESS_KEY_ID,
  SIM_AWS_SECRET_ACCESS_KEY,
  SIM_READONLY_ACCESS_KEY_ID,
  SIM_READONLY_SECRET_ACCESS_KEY,
  startSimulator,
  type Estate,
  type RunningSimulator,
  type SimulatorOptions,
} from '@aispm/cloud-sim';
import { isUnchangedAsset, type TAssetRecord, type TAwsCredentials } from '@aispm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsDiscoverers } from '../../index';
import {
  ConnectorError,
  type AwsTarget,
  type CallLimiter,
  type DiscoveryOptions,
  type ServiceDiscoverer,
} from '../../types';
import { closeAwsClients } from '../clients';
import { bedrockAgentsDiscoverer } from './agents.discoverer';
import { BEDROCK_ASSET_TYPES as T } from './bedrock-relations.mapper';
import { bedrockCustomModelsDiscoverer } from './custom-models.discoverer';
import { bedrockGuardrailsDiscoverer } from './guardrails.discoverer';
import { bedrockImportedModelsDiscoverer } from './imported-models.discoverer';
import { bedrockDiscoverers, BEDROCK_READ_ACTIONS } from './index';
import { bedrockInvocationLoggingDiscoverer } from './invocation-logging.discoverer';
import { bedrockKnowledgeBasesDiscoverer } from './knowledge-bases.discoverer';
import { bedrockProvisionedThroughputDiscoverer } from './provisioned-throughput.discoverer';

type Region = 'us-east-1' | 'eu-west-1';
type BedrockRegion = Estate['bedrock']['regions'][Region];
type Relation = NonNullable<TAssetRecord['relations']>[number];

const FOUNDATION = 'aws.bedrock.foundation_model';
const REGIONS: readonly Region[] = ['us-east-1', 'eu-west-1'];
const ACCOUNT = '123456789012';
const demoKeys: TAwsCredentials = {
  kind: 'access_key',
  accessKeyId: SIM_AWS_ACCESS_KEY_ID,
  secretAccessKey: SIM_AWS_SECRET_ACCESS_KEY,
};
const readOnlyKeys: TAwsCredentials = {
  kind: 'access_key',
  accessKeyId: SIM_READONLY_ACCESS_KEY_ID,
  secretAccessKey: SIM_READONLY_SECRET_ACCESS_KEY,
};

function targetFor(sim: RunningSimulator, region: string, credentials = demoKeys): AwsTarget {
  return { provider: 'aws', accountId: ACCOUNT, region, endpoint: sim.url, credentials };
}

async function collect(
  discoverer: ServiceDiscoverer<'aws'>,
  target: AwsTarget,
  opts?: DiscoveryOptions,
): Promise<TAssetRecord[][]> {
  const pages: TAssetRecord[][] = [];
  for await (const page of discoverer.discover(target, opts)) {
    // No change tokens are given, so every item must be a full record.
    pages.push(page.map((r) => (isUnchangedAsset(r) ? expect.unreachable('unchanged without tokens') : r)));
  }
  return pages;
}

async function failure(discoverer: ServiceDiscoverer<'aws'>, target: AwsTarget, opts?: DiscoveryOptions) {
  const pages: number[] = [];
  try {
    for await (const page of discoverer.discover(target, opts)) pages.push(page.length);
  } catch (error) {
    if (error instanceof ConnectorError) return { error, pages };
    throw error;
  }
  throw new Error('the discovery was expected to fail');
}

async function withSimulator<R>(options: SimulatorOptions, run: (sim: RunningSimulator) => Promise<R>) {
  const sim = await startSimulator({ port: 0, ...options });
  try {
    return await run(sim);
  } finally {
    await sim.close();
  }
}

const rel = (kind: string, toAssetType: string, toNativeId: string): Relation => ({
  kind,
  toAssetType,
  toNativeId,
});
const bucketOf = (uri: string) => `arn:aws:s3:::${/^s3:\/\/([^/]+)/.exec(uri)![1]}`;
const modelType = (id: string) =>
  id.includes(':custom-model/')
    ? T.customModel
    : id.includes(':provisioned-model/')
      ? T.provisionedThroughput
      : 'aws.bedrock.foundation_model';

/**
 * Records sorted by native id, their relations sorted too, for order-insensitive comparison. Change tokens are
 * left out here (tested on their own).
 */
function normalised(records: TAssetRecord[]): TAssetRecord[] {
  const key = (r: Relation) => `${r.kind}|${r.toAssetType}|${r.toNativeId}`;
  return [...records]
    .sort((a, b) => a.nativeId.localeCompare(b.nativeId))
    .map(({ changeToken: _token, ...r }) => ({
      ...r,
      relations: [...new Map((r.relations ?? []).map((x) => [key(x), x])).values()].sort((a, b) =>
        key(a).localeCompare(key(b)),
      ),
    }));
}

/** The record each discoverer must produce for the simulated estate: attributes exactly as the API returned. */
const EXPECTED: Record<string, (r: BedrockRegion, region: Region) => TAssetRecord[]> = {
  'bedrock.custom_models': (r, region) =>
    r.customModels.map((m) => ({
      assetType: T.customModel,
      nativeId: m.arn,
      name: m.name,
      region,
      attributes: { ...m.get },
      tags: m.tags,
      relations: [
        rel('uses_model', FOUNDATION, m.get.baseModelArn),
        ...(m.get.modelKmsKeyArn ? [rel('encrypted_by', 'aws.kms.key', m.get.modelKmsKeyArn)] : []),
        rel('reads_data', 'aws.s3.bucket', bucketOf(m.get.trainingDataConfig.s3Uri)),
        ...(m.get.validationDataConfig?.validators ?? []).map((v) =>
          rel('reads_data', 'aws.s3.bucket', bucketOf(v.s3Uri)),
        ),
        rel('writes_output', 'aws.s3.bucket', bucketOf(m.get.outputDataConfig.s3Uri)),
      ],
    })),
  'bedrock.imported_models': (r, region) =>
    r.importedModels.map((m) => ({
      assetType: T.importedModel,
      nativeId: m.arn,
      name: m.name,
      region,
      attributes: { ...m.get },
      tags: m.tags,
      relations: [
        rel('reads_data', 'aws.s3.bucket', bucketOf(m.get.modelDataSource.s3DataSource.s3Uri)),
        ...(m.get.modelKmsKeyArn ? [rel('encrypted_by', 'aws.kms.key', m.get.modelKmsKeyArn)] : []),
      ],
    })),
  'bedrock.provisioned_throughput': (r, region) =>
    r.provisionedThroughputs.map((p) => ({
      assetType: T.provisionedThroughput,
      nativeId: p.arn,
      name: p.name,
      region,
      attributes: { ...p.get },
      tags: p.tags,
      relations: [rel('uses_model', modelType(p.get.modelArn), p.get.modelArn)],
    })),
  'bedrock.guardrails': (r, region) =>
    r.guardrails.map((g) => ({
      assetType: T.guardrail,
      nativeId: g.arn,
      name: g.name,
      region,
      attributes: { ...g.versions[0]!, versions: g.versions.slice(1) },
      tags: g.tags,
      relations: g.versions.flatMap((v) =>
        v.kmsKeyArn ? [rel('encrypted_by', 'aws.kms.key', v.kmsKeyArn)] : [],
      ),
    })),
  'bedrock.agents': (r, region) =>
    r.agents.map(({ arn, name, tags, get: { agent }, knowledgeBases }) => ({
      assetType: T.agent,
      nativeId: arn,
      name,
      region,
      attributes: { ...agent, knowledgeBases },
      tags,
      relations: [
        rel('uses_role', 'aws.iam.role', agent.agentResourceRoleArn),
        ...(agent.customerEncryptionKeyArn
          ? [rel('encrypted_by', 'aws.kms.key', agent.customerEncryptionKeyArn)]
          : []),
        rel('uses_model', modelType(agent.foundationModel), agent.foundationModel),
        ...(agent.guardrailConfiguration
          ? [
              rel(
                'uses_guardrail',
                T.guardrail,
                r.index.guardrails.get(agent.guardrailConfiguration.guardrailIdentifier)!.arn,
              ),
            ]
          : []),
        ...knowledgeBases.map((k) =>
          rel('uses_knowledge_base', T.knowledgeBase, r.index.knowledgeBases.get(k.knowledgeBaseId)!.arn),
        ),
      ],
    })),
  'bedrock.knowledge_bases': (r, region) =>
    r.knowledgeBases.flatMap(({ arn, name, tags, get: { knowledgeBase }, dataSources }) => [
      {
        assetType: T.knowledgeBase,
        nativeId: arn,
        name,
        region,
        attributes: { ...knowledgeBase },
        tags,
        relations: [
          rel('uses_role', 'aws.iam.role', knowledgeBase.roleArn),
          rel(
            'uses_model',
            FOUNDATION,
            knowledgeBase.knowledgeBaseConfiguration.vectorKnowledgeBaseConfiguration.embeddingModelArn,
          ),
        ],
      },
      ...dataSources.map(({ id, name: dsName, get: { dataSource } }) => ({
        assetType: T.dataSource,
        nativeId: `${arn}/datasource/${id}`,
        name: dsName,
        region,
        attributes: { ...dataSource },
        tags: {},
        relations: [
          rel('part_of', T.knowledgeBase, arn),
          ...(dataSource.dataSourceConfiguration.type === 'S3'
            ? [
                rel(
                  'reads_data',
                  'aws.s3.bucket',
                  dataSource.dataSourceConfiguration.s3Configuration.bucketArn,
                ),
              ]
            : []),
          ...(dataSource.serverSideEncryptionConfiguration
            ? [rel('encrypted_by', 'aws.kms.key', dataSource.serverSideEncryptionConfiguration.kmsKeyArn)]
            : []),
        ],
      })),
    ]),
  'bedrock.invocation_logging': (r, region) => [
    {
      assetType: T.invocationLogging,
      nativeId: `arn:aws:bedrock:${region}:${ACCOUNT}:model-invocation-logging`,
      name: `model-invocation-logging (${region})`,
      region,
      attributes: r.loggingConfig ? { loggingConfig: r.loggingConfig } : {},
      tags: {},
      relations: r.loggingConfig
        ? [
            rel('writes_output', 'aws.s3.bucket', `arn:aws:s3:::${r.loggingConfig.s3Config!.bucketName}`),
            rel('uses_role', 'aws.iam.role', r.loggingConfig.cloudWatchConfig!.roleArn),
          ]
        : [],
    },
  ],
};

interface Case {
  discoverer: ServiceDiscoverer<'aws'>;
  assetTypes: string[];
  listOperation: string;
  /** How many items the listing shows in a region (the unit of paging). */
  listed: (r: BedrockRegion) => number;
  /** Records per listed item, in listing order. */
  recordsPerItem: (r: BedrockRegion) => number[];
}

const one = (n: number) => Array.from({ length: n }, () => 1);
const CASES: Case[] = [
  {
    discoverer: bedrockCustomModelsDiscoverer,
    assetTypes: [T.customModel],
    listOperation: 'ListCustomModels',
    listed: (r) => r.customModels.length,
    recordsPerItem: (r) => one(r.customModels.length),
  },
  {
    discoverer: bedrockImportedModelsDiscoverer,
    assetTypes: [T.importedModel],
    listOperation: 'ListImportedModels',
    listed: (r) => r.importedModels.length,
    recordsPerItem: (r) => one(r.importedModels.length),
  },
  {
    discoverer: bedrockProvisionedThroughputDiscoverer,
    assetTypes: [T.provisionedThroughput],
    listOperation: 'ListProvisionedModelThroughputs',
    listed: (r) => r.provisionedThroughputs.length,
    recordsPerItem: (r) => one(r.provisionedThroughputs.length),
  },
  {
    discoverer: bedrockGuardrailsDiscoverer,
    assetTypes: [T.guardrail],
    listOperation: 'ListGuardrails',
    listed: (r) => r.guardrails.length,
    recordsPerItem: (r) => one(r.guardrails.length),
  },
  {
    discoverer: bedrockAgentsDiscoverer,
    assetTypes: [T.agent],
    listOperation: 'ListAgents',
    listed: (r) => r.agents.length,
    recordsPerItem: (r) => one(r.agents.length),
  },
  {
    discoverer: bedrockKnowledgeBasesDiscoverer,
    assetTypes: [T.knowledgeBase, T.dataSource],
    listOperation: 'ListKnowledgeBases',
    listed: (r) => r.knowledgeBases.length,
    recordsPerItem: (r) => r.knowledgeBases.map((kb) => 1 + kb.dataSources.length),
  },
  {
    discoverer: bedrockInvocationLoggingDiscoverer,
    assetTypes: [T.invocationLogging],
    listOperation: 'GetModelInvocationLoggingConfiguration',
    listed: () => 1,
    recordsPerItem: () => [1],
  },
];

/** Record counts of each page when the listing is paged by `size` items. */
function pageLengths(perItem: number[], size: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < perItem.length; i += size)
    out.push(perItem.slice(i, i + size).reduce((a, b) => a + b, 0));
  return out;
}

describe('Bedrock discoverers against cloud-sim', () => {
  let sim: RunningSimulator;
  const lines: string[] = [];
  const all = new Map<string, TAssetRecord[]>();
  const region = (name: Region) => sim.estate.bedrock.regions[name];

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, log: (line) => lines.push(line) });
    for (const c of CASES) {
      for (const r of REGIONS)
        all.set(`${c.discoverer.service}|${r}`, (await collect(c.discoverer, targetFor(sim, r))).flat());
    }
  });
  afterAll(async () => {
    closeAwsClients();
    await sim.close();
  });

  it('registers every Bedrock listing, regional, in the scan registry', () => {
    expect(bedrockDiscoverers.map((d) => d.service)).toEqual([
      'bedrock.custom_models',
      'bedrock.imported_models',
      'bedrock.provisioned_throughput',
      'bedrock.guardrails',
      'bedrock.agents',
      'bedrock.knowledge_bases',
      'bedrock.invocation_logging',
    ]);
    for (const d of bedrockDiscoverers) expect(awsDiscoverers).toContain(d);
    expect(bedrockDiscoverers.every((d) => d.scope === 'regional')).toBe(true);
  });

  it('declares exactly the IAM actions the discoverers call', () => {
    const called = new Set(
      lines
        .map((l) => / (bedrock(?:-agent)?)\.(\w+) region=/.exec(l)?.[2])
        .filter((op) => op !== undefined)
        .map((op) => `bedrock:${op}`),
    );
    expect([...called].sort()).toEqual([...BEDROCK_READ_ACTIONS].sort());
  });

  for (const c of CASES) {
    describe(c.discoverer.service, () => {
      it('declares the asset types its listing is complete for', () => {
        expect(c.discoverer).toMatchObject({ provider: 'aws', assetTypes: c.assetTypes });
      });

      for (const r of REGIONS) {
        it(`returns exactly the ${r} estate: ARNs, attributes as returned, absent fields absent, relations`, () => {
          const got = all.get(`${c.discoverer.service}|${r}`)!;
          expect(got.length).toBeGreaterThan(0);
          expect(new Set(got.map((x) => x.nativeId)).size).toBe(got.length);
          expect(normalised(got)).toEqual(normalised(EXPECTED[c.discoverer.service]!(region(r), r)));
        });
      }

      if (c.listOperation.startsWith('List')) {
        it('yields one array per listing page of the asked size', async () => {
          const r = region('us-east-1');
          const pageSize = c.listed(r) > 2 ? 2 : 1;
          const pages = await collect(c.discoverer, targetFor(sim, 'us-east-1'), { pageSize });
          expect(pages.length).toBeGreaterThanOrEqual(2);
          expect(pages.map((p) => p.length)).toEqual(pageLengths(c.recordsPerItem(r), pageSize));
          expect(normalised(pages.flat())).toEqual(normalised(all.get(`${c.discoverer.service}|us-east-1`)!));
        });
      }

      it(`fails with AccessDenied naming bedrock:${c.listOperation} for a key without Bedrock rights`, async () => {
        const { error, pages } = await failure(c.discoverer, targetFor(sim, 'eu-west-1', readOnlyKeys));
        expect(pages).toEqual([]);
        expect(error).toMatchObject({
          code: 'AccessDenied',
          retryable: false,
          service: c.discoverer.service,
          operation: c.listOperation,
        });
        expect(error.message).toMatch(
          new RegExp(
            `^The credentials lack bedrock:${c.listOperation} in eu-west-1 \\(AWS said: User: arn:aws:iam::`,
          ),
        );
      });
    });
  }

  it('plants what the risk engine will check, visible in the records', () => {
    const records = [...all.values()].flat();
    const attrs = (type: string) => records.filter((x) => x.assetType === type).map((x) => x.attributes);
    // Drafts and numbered versions: agents and applications run either.
    const promptAttack = attrs(T.guardrail)
      .flatMap((a) => [a, ...(a.versions as Record<string, unknown>[])])
      .map(
        (a) =>
          (
            a.contentPolicy as { filters: { type: string; inputStrength: string }[] } | undefined
          )?.filters.find((f) => f.type === 'PROMPT_ATTACK')?.inputStrength,
      );
    expect(new Set(promptAttack)).toEqual(new Set(['HIGH', 'NONE', 'LOW', 'MEDIUM', undefined]));
    expect(attrs(T.guardrail).some((a) => !('sensitiveInformationPolicy' in a))).toBe(true);
    expect(attrs(T.guardrail).some((a) => !('contextualGroundingPolicy' in a))).toBe(true);
    expect(attrs(T.customModel).some((a) => !('modelKmsKeyArn' in a))).toBe(true);
    expect(attrs(T.agent).some((a) => !('guardrailConfiguration' in a))).toBe(true);
    expect(attrs(T.dataSource).some((a) => !('serverSideEncryptionConfiguration' in a))).toBe(true);
    // Logging off in eu-west-1: the record exists and says nothing was returned.
    const eu = all.get('bedrock.invocation_logging|eu-west-1')!;
    expect(eu).toHaveLength(1);
    expect(eu[0]!.attributes).toStrictEqual({});
    // Two agents of us-east-1 share one role.
    // Tags come through on most resources; some have none.
    const tagged = records.filter((x) => x.assetType !== T.dataSource && x.assetType !== T.invocationLogging);
    expect(tagged.some((x) => Object.keys(x.tags).length > 0)).toBe(true);
    expect(tagged.some((x) => Object.keys(x.tags).length === 0)).toBe(true);
    const roles = all.get('bedrock.agents|us-east-1')!.map((a) => a.attributes.agentResourceRoleArn);
    expect(new Set(roles).size).toBeLessThan(roles.length);
  });

  it('resolves an agent pinned to guardrail version 1 to the guardrail ARN, whose versions show the weak one', () => {
    const agents = all.get('bedrock.agents|us-east-1')!;
    const guardrails = all.get('bedrock.guardrails|us-east-1')!;
    const pinned = agents.find(
      (a) =>
        (a.attributes.guardrailConfiguration as { guardrailVersion?: string } | undefined)
          ?.guardrailVersion === '1',
    )!;
    const edge = pinned.relations!.find((x) => x.kind === 'uses_guardrail')!;
    const guardrail = guardrails.find((g) => g.nativeId === edge.toNativeId)!;
    expect(guardrail).toBeDefined();
    const v1 = (
      guardrail.attributes.versions as {
        version: string;
        contentPolicy: { filters: { type: string; inputStrength: string }[] };
      }[]
    ).find((v) => v.version === '1')!;
    expect(v1.contentPolicy.filters.find((f) => f.type === 'PROMPT_ATTACK')!.inputStrength).toBe('NONE');
  });

  it('points every Bedrock-internal relation at a record some Bedrock discoverer returned', () => {
    const records = [...all.values()].flat();
    const known = new Map(records.map((x) => [x.nativeId, x.assetType]));
    const internal = records
      .flatMap((x) => x.relations ?? [])
      .filter(
        (x) => x.toAssetType.startsWith('aws.bedrock.') && x.toAssetType !== 'aws.bedrock.foundation_model',
      );
    expect(internal.length).toBeGreaterThan(5);
    for (const x of internal)
      expect(known.get(x.toNativeId), `${x.kind} -> ${x.toNativeId}`).toBe(x.toAssetType);
  });

  it('runs each per-item Get through the given limiter', async () => {
    let runs = 0;
    const limiter: CallLimiter = {
      run: (call) => {
        runs++;
        return call();
      },
    };
    await collect(bedrockCustomModelsDiscoverer, targetFor(sim, 'us-east-1'), { limiter });
    // GetCustomModel and ListTagsForResource of each model.
    expect(runs).toBe(2 * region('us-east-1').customModels.length);
  });

  it('finds nothing but a disabled logging setting in a region without Bedrock resources', async () => {
    const target = targetFor(sim, 'ap-southeast-2');
    for (const c of CASES.filter((x) => x.discoverer !== bedrockInvocationLoggingDiscoverer)) {
      expect((await collect(c.discoverer, target)).flat(), c.discoverer.service).toEqual([]);
    }
    const logging = (await collect(bedrockInvocationLoggingDiscoverer, target)).flat();
    expect(logging).toMatchObject([
      { nativeId: `arn:aws:bedrock:ap-southeast-2:${ACCOUNT}:model-invocation-logging`, attributes: {} },
    ]);
  });

  it('fails with InvalidCredentials for an unknown key or a wrong secret, never echoing the secret', async () => {
    const secret = 'unknown-key-secret-000000';
    for (const d of [bedrockCustomModelsDiscoverer, bedrockAgentsDiscoverer]) {
      const unknown = await failure(
        d,
        targetFor(sim, 'us-east-1', {
          kind: 'access_key',
          accessKeyId: 'SIMNOSUCHKEY000001',
          secretAccessKey: secret,
        }),
      );
      expect(unknown.error).toMatchObject({ code: 'InvalidCredentials', retryable: false });
      expect(unknown.error.message).toContain('SIMN...0001 is not recognised');
      expect(unknown.error.message).not.toContain(secret);
      const wrong = await failure(d, targetFor(sim, 'us-east-1', { ...demoKeys, secretAccessKey: secret }));
      expect(wrong.error.code).toBe('InvalidCredentials');
      expect(wrong.error.message).toMatch(/secret access key does not match the access key SIMD\.\.\.0001/);
      expect(wrong.error.message).not.toContain(secret);
    }
  });

  it('stops with Aborted when the caller aborts', async () => {
    const controller = new AbortController();
    const pages: number[] = [];
    let caught: unknown;
    try {
      for await (const page of bedrockAgentsDiscoverer.discover(targetFor(sim, 'us-east-1'), {
        pageSize: 2,
        signal: controller.signal,
      })) {
        pages.push(page.length);
        controller.abort();
      }
    } catch (err) {
      caught = err;
    }
    expect(pages).toEqual([2]);
    expect(caught).toMatchObject({ code: 'Aborted', retryable: false });
  });
});

describe('Bedrock discoverers: incremental rescans with change tokens', () => {
  afterAll(() => closeAwsClients());

  const VERSIONED = [
    bedrockCustomModelsDiscoverer,
    bedrockImportedModelsDiscoverer,
    bedrockProvisionedThroughputDiscoverer,
  ];

  it('skips every Get of models and throughput whose listed version is known, and re-reads what changed', async () => {
    const lines: string[] = [];
    await withSimulator({ log: (l) => lines.push(l) }, async (sim) => {
      const target = targetFor(sim, 'us-east-1');
      for (const d of VERSIONED) {
        const first = (await collect(d, target)).flat();
        const known = new Map(first.map((r) => [r.nativeId, r.changeToken!]));
        expect(
          [...known.values()].every((t) => typeof t === 'string' && t.length > 0),
          d.service,
        ).toBe(true);

        lines.length = 0;
        const again: unknown[] = [];
        for await (const page of d.discover(target, { known })) again.push(...page);
        expect(again).toEqual(
          first.map((r) => ({ assetType: r.assetType, nativeId: r.nativeId, unchanged: true })),
        );
        // Only the listing was called.
        expect(lines.filter((l) => / bedrock\.(Get|ListTags)/.test(l))).toEqual([]);
      }

      // A throughput whose units changed is read again in full; a stale token means a full read too.
      const pts = sim.estate.bedrock.regions['us-east-1'].provisionedThroughputs;
      const first = (await collect(bedrockProvisionedThroughputDiscoverer, target)).flat();
      const known = new Map(first.map((r) => [r.nativeId, r.changeToken!]));
      pts[0]!.get.lastModifiedTime = '2025-06-01T11:00:00.000Z';
      known.set(pts[1]!.arn, 'stale');
      const again: unknown[] = [];
      for await (const page of bedrockProvisionedThroughputDiscoverer.discover(target, { known }))
        again.push(...page);
      expect(again).toHaveLength(pts.length);
      for (const item of again as TAssetRecord[]) {
        expect(isUnchangedAsset(item)).toBe(false);
        expect(item.attributes.provisionedModelArn).toBe(item.nativeId);
      }
      const changed = (again as TAssetRecord[]).find((r) => r.nativeId === pts[0]!.arn)!;
      expect(changed.attributes.lastModifiedTime).toBe('2025-06-01T11:00:00.000Z');
      expect(changed.changeToken).not.toBe(known.get(pts[0]!.arn));
    });
  });

  it('always reads guardrails, agents and knowledge bases in full (their listing misses nested changes)', async () => {
    await withSimulator({}, async (sim) => {
      const target = targetFor(sim, 'us-east-1');
      for (const d of [
        bedrockGuardrailsDiscoverer,
        bedrockAgentsDiscoverer,
        bedrockKnowledgeBasesDiscoverer,
      ]) {
        const first = (await collect(d, target)).flat();
        expect(
          first.every((r) => r.changeToken === undefined),
          d.service,
        ).toBe(true);
        const known = new Map(first.map((r) => [r.nativeId, 'any']));
        const again = (await collect(d, target, { known })).flat();
        expect(normalised(again)).toEqual(normalised(first));
      }
    });
  });
});

describe('Bedrock discoverers: deletions between the listing and the Get', () => {
  afterAll(() => closeAwsClients());

  it('skips a deleted custom model, guardrail and data source, keeping the rest', async () => {
    await withSimulator({}, async (sim) => {
      const us = sim.estate.bedrock.regions['us-east-1'];
      const target = targetFor(sim, 'us-east-1');
      const [model, guardrail, kb] = [us.customModels[1]!, us.guardrails[2]!, us.knowledgeBases[0]!];
      const ds = kb.dataSources[1]!;
      model.gone = true;
      guardrail.gone = true;
      ds.gone = true;

      const models = (await collect(bedrockCustomModelsDiscoverer, target, { pageSize: 2 })).flat();
      expect(models.map((m) => m.nativeId).sort()).toEqual(
        us.customModels
          .filter((m) => m !== model)
          .map((m) => m.arn)
          .sort(),
      );
      const guardrails = (await collect(bedrockGuardrailsDiscoverer, target)).flat();
      expect(guardrails.map((g) => g.nativeId)).toEqual(
        us.guardrails.filter((g) => g !== guardrail).map((g) => g.arn),
      );
      const kbs = (await collect(bedrockKnowledgeBasesDiscoverer, target)).flat();
      const ids = kbs.map((x) => x.nativeId);
      expect(ids).toContain(kb.arn);
      expect(ids).not.toContain(`${kb.arn}/datasource/${ds.id}`);
      expect(kbs.filter((x) => x.assetType === T.dataSource)).toHaveLength(
        us.knowledgeBases.reduce((n, k) => n + k.dataSources.length, 0) - 1,
      );
      // An agent whose guardrail is gone keeps its record and its configuration, but no dangling edge.
      const agents = (await collect(bedrockAgentsDiscoverer, target)).flat();
      const user = agents.find(
        (a) =>
          (a.attributes.guardrailConfiguration as { guardrailIdentifier?: string } | undefined)
            ?.guardrailIdentifier === guardrail.id,
      )!;
      expect(user).toBeDefined();
      expect(user.relations!.filter((x) => x.kind === 'uses_guardrail')).toEqual([]);
    });
  });

  it('skips a deleted knowledge base with its data sources, and agents drop the edge to it', async () => {
    await withSimulator({}, async (sim) => {
      const us = sim.estate.bedrock.regions['us-east-1'];
      const target = targetFor(sim, 'us-east-1');
      const kb = us.knowledgeBases[1]!;
      kb.gone = true;
      const kbs = (await collect(bedrockKnowledgeBasesDiscoverer, target)).flat();
      expect(kbs.filter((x) => x.nativeId.startsWith(kb.arn))).toEqual([]);
      expect(kbs.filter((x) => x.assetType === T.knowledgeBase)).toHaveLength(us.knowledgeBases.length - 1);
      const agents = (await collect(bedrockAgentsDiscoverer, target)).flat();
      expect(agents).toHaveLength(us.agents.length);
      expect(agents.flatMap((a) => a.relations!).filter((x) => x.toNativeId === kb.arn)).toEqual([]);
      expect(agents.flatMap((a) => a.relations!).some((x) => x.kind === 'uses_knowledge_base')).toBe(true);

      const agent = us.agents[0]!;
      agent.gone = true;
      const left = (await collect(bedrockAgentsDiscoverer, target)).flat();
      expect(left.map((a) => a.nativeId)).not.toContain(agent.arn);
      expect(left).toHaveLength(us.agents.length - 1);
    });
  });
});

describe('Bedrock discoverers under injected faults', () => {
  afterAll(() => closeAwsClients());

  it('completes every listing through a low throttling rate thanks to the SDK retries', async () => {
    const lines: string[] = [];
    const baseline = await withSimulator({}, async (sim) => {
      const out: TAssetRecord[] = [];
      for (const c of CASES) out.push(...(await collect(c.discoverer, targetFor(sim, 'us-east-1'))).flat());
      return normalised(out);
    });
    const faults: SimulatorOptions['faults'] = [
      { service: 'bedrock', kind: 'throttle', rate: 0.15 },
      { service: 'bedrock-agent', kind: 'throttle', rate: 0.15 },
    ];
    const throttled = await withSimulator({ faults, log: (l) => lines.push(l) }, async (sim) => {
      const out: TAssetRecord[] = [];
      for (const c of CASES)
        out.push(
          ...(
            await collect(c.discoverer, targetFor(sim, 'us-east-1'), { pageSize: 2, maxAttempts: 8 })
          ).flat(),
        );
      return normalised(out);
    });
    expect(throttled).toEqual(baseline);
    expect(lines.filter((l) => l.includes('429 ThrottlingException')).length).toBeGreaterThan(0);
  });

  it('fails cleanly as a retryable Throttled when throttled and the SDK may not retry', async () => {
    await withSimulator(
      { faults: [{ service: 'bedrock-agent', kind: 'throttle', rate: 1 }] },
      async (sim) => {
        const { error } = await failure(bedrockKnowledgeBasesDiscoverer, targetFor(sim, 'us-east-1'), {
          maxAttempts: 1,
        });
        expect(error).toMatchObject({ code: 'Throttled', retryable: true, operation: 'ListKnowledgeBases' });
        expect(error.message).toContain('Rate exceeded');
      },
    );
  });

  it('names the guardrail lookup when resolving an agent guardrail is throttled', async () => {
    await withSimulator(
      { faults: [{ service: 'bedrock', operation: 'GetGuardrail', kind: 'throttle', rate: 1 }] },
      async (sim) => {
        const { error } = await failure(bedrockAgentsDiscoverer, targetFor(sim, 'us-east-1'), {
          maxAttempts: 1,
        });
        expect(error).toMatchObject({
          code: 'Throttled',
          service: 'bedrock.agents',
          operation: 'GetGuardrail',
        });
      },
    );
  });

  it('yields the pages before a failing listing page, then fails with a retryable Unavailable', async () => {
    await withSimulator(
      { faults: [{ service: 'bedrock', operation: 'ListCustomModels', kind: 'fail-page', page: 2 }] },
      async (sim) => {
        const { error, pages } = await failure(bedrockCustomModelsDiscoverer, targetFor(sim, 'us-east-1'), {
          pageSize: 2,
          maxAttempts: 2,
        });
        expect(pages).toEqual([2]);
        expect(error).toMatchObject({ code: 'Unavailable', retryable: true, operation: 'ListCustomModels' });
      },
    );
  });

  it('fails the knowledge base listing when a nested data source page fails, rather than returning fewer', async () => {
    await withSimulator(
      { faults: [{ service: 'bedrock-agent', operation: 'ListDataSources', kind: 'fail-page', page: 2 }] },
      async (sim) => {
        const { error, pages } = await failure(bedrockKnowledgeBasesDiscoverer, targetFor(sim, 'us-east-1'), {
          pageSize: 1,
          maxAttempts: 1,
        });
        expect(pages).toEqual([]);
        expect(error).toMatchObject({
          code: 'Unavailable',
          service: 'bedrock.knowledge_bases',
          operation: 'ListDataSources',
        });
      },
    );
  });

  it('fails when a Get keeps failing, naming the operation', async () => {
    await withSimulator(
      { faults: [{ service: 'bedrock-agent', operation: 'GetAgent', kind: 'internal', rate: 1 }] },
      async (sim) => {
        const { error } = await failure(bedrockAgentsDiscoverer, targetFor(sim, 'eu-west-1'), {
          maxAttempts: 1,
        });
        expect(error).toMatchObject({ code: 'Unavailable', operation: 'GetAgent' });
        expect(error.message).toMatch(/^AWS failed GetAgent in eu-west-1: InternalFailure/);
      },
    );
  });

  it('fails the logging listing when its one call fails', async () => {
    await withSimulator(
      {
        faults: [
          {
            service: 'bedrock',
            operation: 'GetModelInvocationLoggingConfiguration',
            kind: 'internal',
            rate: 1,
          },
        ],
      },
      async (sim) => {
        const { error, pages } = await failure(
          bedrockInvocationLoggingDiscoverer,
          targetFor(sim, 'us-east-1'),
          { maxAttempts: 1 },
        );
        expect(pages).toEqual([]);
        expect(error).toMatchObject({
          code: 'Unavailable',
          operation: 'GetModelInvocationLoggingConfiguration',
        });
      },
    );
  });
});
