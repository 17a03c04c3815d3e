import { describe, expect, it } from 'vitest';
import { buildEstate, estateSizes } from '../../estate';
import { SIM_BUCKETS } from '../infra/estate';
import {
  bedrockBucketNames,
  bedrockReferences,
  BEDROCK_COUNTS,
  BEDROCK_REGIONS,
  bedrockAssetCount,
  buildBedrockEstate,
  INVOCATION_LOGS_BUCKET,
  type BedrockEstate,
  type BedrockRegionEstate,
} from './estate';

/** The estate without its lookup maps (which JSON.stringify would print as {}). */
function plain(estate: BedrockEstate): string {
  return JSON.stringify(
    Object.fromEntries(Object.entries(estate.regions).map(([r, { index: _index, ...rest }]) => [r, rest])),
  );
}

function undefinedMembers(value: unknown, path = '$'): string[] {
  if (value === undefined) return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => undefinedMembers(v, `${path}[${i}]`));
  if (value instanceof Map) return [];
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => undefinedMembers(v, `${path}.${k}`));
  }
  return [];
}

const promptAttack = (r: BedrockRegionEstate) =>
  r.guardrails.flatMap((g) =>
    g.versions.map(
      (v) => v.contentPolicy?.filters.find((f) => f.type === 'PROMPT_ATTACK')?.inputStrength ?? 'absent',
    ),
  );

describe('Bedrock estate', () => {
  const estate = buildBedrockEstate(42, undefined);
  const us = estate.regions['us-east-1'];
  const eu = estate.regions['eu-west-1'];

  it('holds exactly the documented default counts in each region', () => {
    for (const region of BEDROCK_REGIONS) {
      const r = estate.regions[region];
      const c = BEDROCK_COUNTS[region];
      expect({
        customModels: r.customModels.length,
        importedModels: r.importedModels.length,
        provisionedThroughputs: r.provisionedThroughputs.length,
        guardrails: r.guardrails.length,
        agents: r.agents.length,
        knowledgeBases: r.knowledgeBases.length,
        dataSources: r.knowledgeBases.reduce((n, kb) => n + kb.dataSources.length, 0),
        loggingEnabled: r.loggingConfig !== undefined,
      }).toEqual(c);
    }
    expect(bedrockAssetCount(us) + bedrockAssetCount(eu)).toBe(31);
  });

  it('is the same for the same seed and differs for another, with the same shape', () => {
    expect(plain(buildBedrockEstate(42, undefined))).toBe(plain(estate));
    const other = buildBedrockEstate(7, undefined);
    expect(plain(other)).not.toBe(plain(estate));
    expect(other.regions['us-east-1'].agents).toHaveLength(BEDROCK_COUNTS['us-east-1'].agents);
    expect(buildEstate().bedrock.regions['us-east-1'].agents.map((a) => a.arn)).toEqual(
      us.agents.map((a) => a.arn),
    );
  });

  it('leaves optional members out instead of setting them to undefined', () => {
    expect(undefinedMembers(estate.regions)).toEqual([]);
  });

  it('plants the guardrail cases: every PROMPT_ATTACK strength, no content policy, policies present and absent', () => {
    const strengths = new Set([...promptAttack(us), ...promptAttack(eu)]);
    expect(strengths).toEqual(new Set(['NONE', 'LOW', 'MEDIUM', 'HIGH', 'absent']));
    const drafts = [...us.guardrails, ...eu.guardrails].map((g) => g.versions[0]!);
    for (const field of ['sensitiveInformationPolicy', 'contextualGroundingPolicy', 'kmsKeyArn'] as const) {
      expect(
        drafts.some((d) => field in d),
        field,
      ).toBe(true);
      expect(
        drafts.some((d) => !(field in d)),
        field,
      ).toBe(true);
    }
    // Version 1 of the strongest guardrail predates its hardening, and an agent is pinned to it.
    const strong = us.guardrails[0]!;
    expect(strong.versions.map((v) => v.version)).toEqual(['DRAFT', '1', '2']);
    expect(promptAttack({ ...us, guardrails: [strong] })).toEqual(['HIGH', 'NONE', 'HIGH']);
    expect(strong.versions[1]).not.toHaveProperty('contextualGroundingPolicy');
    expect(us.agents[0]!.get.agent.guardrailConfiguration).toEqual({
      guardrailIdentifier: strong.id,
      guardrailVersion: '1',
    });
  });

  it('plants the agent cases: shared role, no guardrail, CMK present and absent, a provisioned model', () => {
    const agents = [...us.agents, ...eu.agents].map((a) => a.get.agent);
    const roles = agents.map((a) => a.agentResourceRoleArn);
    expect(new Set(roles).size).toBeLessThan(roles.length);
    for (const role of roles) expect(role).toMatch(/^arn:aws:iam::123456789012:role\//);
    expect(agents.filter((a) => !('guardrailConfiguration' in a)).length).toBeGreaterThanOrEqual(2);
    expect(agents.some((a) => 'customerEncryptionKeyArn' in a)).toBe(true);
    expect(agents.some((a) => !('customerEncryptionKeyArn' in a))).toBe(true);
    expect(us.agents.some((a) => a.get.agent.foundationModel === us.provisionedThroughputs[0]!.arn)).toBe(
      true,
    );
    // Every reference resolves within the region.
    for (const r of [us, eu]) {
      for (const a of r.agents) {
        const g = a.get.agent.guardrailConfiguration;
        if (g) {
          const guardrail = r.index.guardrails.get(g.guardrailIdentifier)!;
          expect(guardrail.versions.map((v) => v.version)).toContain(g.guardrailVersion);
        }
        for (const kb of a.knowledgeBases) expect(r.index.knowledgeBases.has(kb.knowledgeBaseId)).toBe(true);
      }
    }
  });

  it('plants the model and data cases: missing KMS keys, S3 URIs, a cross-account and a web data source', () => {
    const models = [...us.customModels, ...eu.customModels].map((m) => m.get);
    expect(models.some((m) => !('modelKmsKeyArn' in m))).toBe(true);
    expect(models.some((m) => 'modelKmsKeyArn' in m)).toBe(true);
    for (const m of models) expect(m.trainingDataConfig.s3Uri).toMatch(/^s3:\/\/aispm-sim-training-data-/);
    const imported = [...us.importedModels, ...eu.importedModels].map((m) => m.get);
    expect(imported.some((m) => !('modelKmsKeyArn' in m))).toBe(true);
    const sources = [...us.knowledgeBases, ...eu.knowledgeBases].flatMap((kb) =>
      kb.dataSources.map((d) => d.get.dataSource),
    );
    expect(sources.some((d) => 'serverSideEncryptionConfiguration' in d)).toBe(true);
    expect(sources.some((d) => !('serverSideEncryptionConfiguration' in d))).toBe(true);
    expect(sources.some((d) => d.dataSourceConfiguration.type === 'WEB')).toBe(true);
    expect(
      sources.some(
        (d) =>
          d.dataSourceConfiguration.type === 'S3' &&
          d.dataSourceConfiguration.s3Configuration.bucketOwnerAccountId,
      ),
    ).toBe(true);
    const pt = us.provisionedThroughputs[0]!.get;
    expect(us.index.customModels.get(pt.modelArn)).toBeDefined();
  });

  it('plants what the Bedrock checks read: public training and KB buckets, word policies, weak categories', () => {
    const trainingBuckets = us.customModels.map(
      (m) => /^s3:\/\/([^/]+)/.exec(m.get.trainingDataConfig.s3Uri)![1],
    );
    expect(trainingBuckets).toContain(SIM_BUCKETS.trainingData);
    expect(trainingBuckets).toContain(bedrockBucketNames('us-east-1').trainingData);
    const kbBuckets = us.knowledgeBases.flatMap((kb) =>
      kb.dataSources.flatMap((d) => {
        const c = d.get.dataSource.dataSourceConfiguration;
        return c.type === 'S3' ? [c.s3Configuration.bucketArn] : [];
      }),
    );
    expect(kbBuckets).toContain(`arn:aws:s3:::${SIM_BUCKETS.kbSupportDocs}`);
    expect(kbBuckets).toContain(`arn:aws:s3:::${bedrockBucketNames('us-east-1').knowledgeDocs}`);
    const drafts = [...us.guardrails, ...eu.guardrails].map((g) => g.versions[0]!);
    const deniesSomething = (d: (typeof drafts)[number]) => 'topicPolicy' in d || 'wordPolicy' in d;
    expect(drafts.some((d) => 'wordPolicy' in d && !('topicPolicy' in d))).toBe(true);
    expect(drafts.some((d) => !deniesSomething(d))).toBe(true);
    const hardened = [...us.guardrails, ...eu.guardrails].filter((g) =>
      promptAttack({ ...us, guardrails: [g] }).every((s) => s === 'HIGH'),
    );
    expect(hardened.length).toBeGreaterThan(0);
    const outputs = drafts.map(
      (d) => d.contentPolicy?.filters.find((f) => f.type === 'INSULTS')?.outputStrength,
    );
    expect(outputs).toEqual(expect.arrayContaining(['LOW', 'HIGH', undefined]));
  });

  it('tags most resources and leaves some untagged', () => {
    const resources = [...us.index.taggable.values(), ...eu.index.taggable.values()];
    expect(resources).toHaveLength(
      bedrockAssetCount(us) +
        bedrockAssetCount(eu) -
        2 -
        (BEDROCK_COUNTS['us-east-1'].dataSources + BEDROCK_COUNTS['eu-west-1'].dataSources),
    );
    expect(resources.some((r) => Object.keys(r.tags).length === 0)).toBe(true);
    expect(resources.filter((r) => Object.keys(r.tags).length > 0).length).toBeGreaterThan(
      resources.length / 2,
    );
  });

  it('lists the roles, keys and buckets it names, for the IAM, KMS and S3 simulations', () => {
    const refs = bedrockReferences(estate);
    expect(refs.roleArns).toContain(us.agents[0]!.get.agent.agentResourceRoleArn);
    expect(
      refs.roleArns.every((r) => /^arn:aws:iam::123456789012:role\/service-role\/AmazonBedrock/.test(r)),
    ).toBe(true);
    expect(refs.kmsKeyArns).toContain(us.customModels[0]!.get.modelKmsKeyArn);
    expect(
      refs.kmsKeyArns.every((k) => /^arn:aws:kms:(us-east-1|eu-west-1):123456789012:key\//.test(k)),
    ).toBe(true);
    for (const region of BEDROCK_REGIONS) {
      const names = bedrockBucketNames(region);
      expect(refs.bucketNames).toEqual(
        expect.arrayContaining([names.trainingData, names.modelOutput, names.knowledgeDocs]),
      );
    }
    expect(refs.bucketNames).toContain(INVOCATION_LOGS_BUCKET);
    expect(refs.bucketNames).not.toContain('partner-shared-knowledge-exports');
  });

  it('writes RFC 3339 timestamps', () => {
    expect(us.customModels[0]!.get.creationTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(us.agents[0]!.get.agent.updatedAt).toMatch(/Z$/);
  });

  it('builds a sized estate within 5% of its share, deterministically', () => {
    for (const assets of [2_000, 100_000]) {
      const size = estateSizes(assets).bedrock!;
      const sized = buildBedrockEstate(42, size);
      const total = BEDROCK_REGIONS.reduce((n, r) => n + bedrockAssetCount(sized.regions[r]), 0);
      expect(Math.abs(total - size) / size, `${total} for ${size}`).toBeLessThanOrEqual(0.05);
      const usSized = sized.regions['us-east-1'];
      expect(promptAttack(usSized)).toContain('NONE');
      expect(usSized.agents.some((a) => !('guardrailConfiguration' in a.get.agent))).toBe(true);
      expect(new Set(usSized.agents.map((a) => a.arn)).size).toBe(usSized.agents.length);
    }
    expect(plain(buildBedrockEstate(3, 500))).toBe(plain(buildBedrockEstate(3, 500)));
  });
});
