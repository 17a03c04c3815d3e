import { describe, expect, it } from 'vitest';
import {
  attackPathCheckIds,
  attackPathRules,
  findAttackPaths,
  type PathGraph,
  type PathGraphAsset,
} from './attack-paths';
import { findCheck } from './registry';

function graph(
  assets: [id: string, type: string][],
  failing: [assetId: string, checkId: string][],
  edges: [from: string, kind: string, to: string][],
): PathGraph {
  const byId = new Map<string, PathGraphAsset>(
    assets.map(([id, assetType]) => [id, { id, assetType, nativeId: `native-${id}`, name: id }]),
  );
  const f = new Map<string, Map<string, string>>();
  for (const [a, c] of failing) (f.get(a) ?? f.set(a, new Map()).get(a)!).set(c, `finding-${a}-${c}`);
  return { assets: byId, failing: f, edges: edges.map(([from, kind, to]) => ({ from, kind, to })) };
}

const NB = 'aws.sagemaker.notebook_instance';
const ROLE = 'aws.iam.role';

describe('attack paths', () => {
  it('reads only checks that exist, and every rule is well formed', () => {
    for (const id of attackPathCheckIds()) expect(findCheck(id), id).toBeDefined();
    for (const r of attackPathRules) {
      expect(r.hops.length, r.id).toBe(r.steps.length - 1);
      expect(
        r.steps.some((s) => s.failsAny?.length || s.failsAll?.length),
        r.id,
      ).toBe(true);
    }
    expect(new Set(attackPathRules.map((r) => r.id)).size).toBe(attackPathRules.length);
  });

  it('finds an internet-facing notebook running as an admin role, with both findings', () => {
    const g = graph(
      [
        ['nb', NB],
        ['role', ROLE],
      ],
      [
        ['nb', 'aws.sagemaker.notebook.direct_internet_access'],
        ['role', 'aws.sagemaker.execution_role.admin_policy_attached'],
      ],
      [['nb', 'uses_role', 'role']],
    );
    const [path, ...rest] = findAttackPaths(g);
    expect(rest).toEqual([]);
    expect(path!.rule.id).toBe('exposed-notebook-admin-role');
    expect(path!.nodes.map((n) => [n.assetId, n.role])).toEqual([
      ['nb', 'Notebook with direct internet access'],
      ['role', 'Over-privileged execution role'],
    ]);
    expect(path!.edges).toEqual([{ from: 'nb', to: 'role', kind: 'uses_role' }]);
    expect(path!.findingIds.sort()).toEqual([
      'finding-nb-aws.sagemaker.notebook.direct_internet_access',
      'finding-role-aws.sagemaker.execution_role.admin_policy_attached',
    ]);
  });

  it('finds nothing when one link of the chain is fixed', () => {
    const g = graph(
      [
        ['nb', NB],
        ['role', ROLE],
      ],
      [['nb', 'aws.sagemaker.notebook.direct_internet_access']],
      [['nb', 'uses_role', 'role']],
    );
    expect(findAttackPaths(g)).toEqual([]);
    const noEdge = graph(
      [
        ['nb', NB],
        ['role', ROLE],
      ],
      [
        ['nb', 'aws.sagemaker.notebook.direct_internet_access'],
        ['role', 'aws.sagemaker.execution_role.wildcard_actions'],
      ],
      [],
    );
    expect(findAttackPaths(noEdge)).toEqual([]);
  });

  it('follows a five-node chain from endpoint to the public training bucket', () => {
    const g = graph(
      [
        ['ep', 'aws.sagemaker.endpoint'],
        ['cfg', 'aws.sagemaker.endpoint_config'],
        ['model', 'aws.sagemaker.model'],
        ['job', 'aws.sagemaker.training_job'],
        ['bucket', 'aws.s3.bucket'],
        ['other-cfg', 'aws.sagemaker.endpoint_config'],
      ],
      [['job', 'aws.sagemaker.training_job.public_training_data']],
      [
        ['ep', 'uses_config', 'cfg'],
        ['cfg', 'serves_model', 'model'],
        ['model', 'trained_by', 'job'],
        ['job', 'reads_data', 'bucket'],
        ['other-cfg', 'serves_model', 'model'],
      ],
    );
    const paths = findAttackPaths(g);
    expect(paths.map((p) => p.nodes.map((n) => n.assetId))).toEqual([
      ['ep', 'cfg', 'model', 'job', 'bucket'],
    ]);
  });

  it('walks relations backwards where the rule says so, and requires every check of failsAll', () => {
    const account = 'azure.cognitiveservices.account';
    const deployment = 'azure.cognitiveservices.deployment';
    const both: [string, string][] = [
      ['acct', 'azure.openai.account.public_network_access'],
      ['acct', 'azure.openai.account.local_auth_enabled'],
      ['dep', 'azure.openai.deployment.content_filter_weak'],
    ];
    const nodes: [string, string][] = [
      ['acct', account],
      ['dep', deployment],
    ];
    const edges: [string, string, string][] = [['dep', 'part_of', 'acct']];
    const [path] = findAttackPaths(graph(nodes, both, edges));
    expect(path?.rule.id).toBe('public-openai-key-auth-weak-filter');
    expect(path?.edges).toEqual([{ from: 'dep', to: 'acct', kind: 'part_of' }]);
    expect(path?.findingIds).toHaveLength(3);
    expect(findAttackPaths(graph(nodes, both.slice(1), edges))).toEqual([]);
  });

  it('gives the same path the same signature, and different paths different ones', () => {
    const mk = (role: string) =>
      graph(
        [
          ['nb', NB],
          [role, ROLE],
        ],
        [
          ['nb', 'aws.sagemaker.notebook.direct_internet_access'],
          [role, 'aws.sagemaker.execution_role.wildcard_actions'],
        ],
        [['nb', 'uses_role', role]],
      );
    const a = findAttackPaths(mk('r1'))[0]!.signature;
    expect(findAttackPaths(mk('r1'))[0]!.signature).toBe(a);
    expect(findAttackPaths(mk('r2'))[0]!.signature).not.toBe(a);
  });

  it('bounds the paths from one entry point through a hub', () => {
    const assets: [string, string][] = [
      ['agent', 'aws.bedrock.agent'],
      ['kb', 'aws.bedrock.knowledge_base'],
    ];
    const failing: [string, string][] = [['agent', 'aws.bedrock.agent.no_guardrail']];
    const edges: [string, string, string][] = [['agent', 'uses_knowledge_base', 'kb']];
    for (let i = 0; i < 100; i++) {
      assets.push([`ds${i}`, 'aws.bedrock.data_source']);
      failing.push([`ds${i}`, 'aws.bedrock.knowledge_base.data_source_public_bucket']);
      edges.push([`ds${i}`, 'part_of', 'kb']);
    }
    expect(findAttackPaths(graph(assets, failing, edges))).toHaveLength(20);
  });
});
