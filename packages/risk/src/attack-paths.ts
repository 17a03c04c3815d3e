import { createHash } from 'node:crypto';
import type { TSeverity } from '@aispm/contracts';

/**
 * Attack paths: chains of inventory relations along which the failures of several checks add up to one way in
 * (a notebook open to the internet that runs as a role with admin rights). Each rule is a sequence of steps;
 * a path is a walk through the graph that satisfies every step, found from the assets matching the first.
 */
export interface PathStep {
  /** Asset types this step may be. */
  types: readonly string[];
  /** What a person reading the path calls this node ("Internet-facing notebook"). */
  role: string;
  /** The asset must fail at least one of these checks (open findings). */
  failsAny?: readonly string[];
  /** The asset must fail every one of these checks. */
  failsAll?: readonly string[];
}

/** How to go from one step to the next: along a relation of `kind`, forward (out) or backward (in). */
export interface PathHop {
  kind: string;
  direction: 'out' | 'in';
}

export interface AttackPathRule {
  /** Stable id; stored with each path. */
  id: string;
  title: string;
  severity: TSeverity;
  /** Why this chain matters, for the console. */
  narrative: string;
  steps: readonly PathStep[];
  /** hops[i] leads from steps[i] to steps[i + 1]. */
  hops: readonly PathHop[];
}

export interface PathGraphAsset {
  id: string;
  assetType: string;
  nativeId: string;
  name: string;
}

export interface PathGraph {
  assets: ReadonlyMap<string, PathGraphAsset>;
  /** Open findings by asset id: check id -> finding id. */
  failing: ReadonlyMap<string, ReadonlyMap<string, string>>;
  edges: readonly { from: string; to: string; kind: string }[];
}

export interface FoundAttackPath {
  rule: AttackPathRule;
  signature: string;
  nodes: { assetId: string; assetType: string; nativeId: string; name: string; role: string }[];
  edges: { from: string; to: string; kind: string }[];
  /** The open findings the path is made of (the failing checks each step required). */
  findingIds: string[];
}

/** At most this many paths per rule and entry point: a hub (one role used by thousands) must not explode. */
const MAX_PATHS_PER_ENTRY = 20;

export const attackPathRules: readonly AttackPathRule[] = [
  {
    id: 'exposed-notebook-admin-role',
    title: 'Internet-facing notebook runs as a role with admin rights',
    severity: 'critical',
    narrative:
      'Anyone who gets code running in the notebook (a malicious package, a leaked presigned URL) can reach the ' +
      'internet directly and act with the execution role, whose policies grant administrative or wildcard access.',
    steps: [
      {
        types: ['aws.sagemaker.notebook_instance'],
        role: 'Notebook with direct internet access',
        failsAny: ['aws.sagemaker.notebook.direct_internet_access'],
      },
      {
        types: ['aws.iam.role'],
        role: 'Over-privileged execution role',
        failsAny: [
          'aws.sagemaker.execution_role.admin_policy_attached',
          'aws.sagemaker.execution_role.wildcard_actions',
        ],
      },
    ],
    hops: [{ kind: 'uses_role', direction: 'out' }],
  },
  {
    id: 'endpoint-model-public-training-data',
    title: 'Deployed endpoint serves a model trained on data from a public bucket',
    severity: 'high',
    narrative:
      'The model behind a live endpoint learned from a bucket anyone can read (and possibly write): its ' +
      'training data may be exfiltrated or poisoned, and every caller of the endpoint gets the result.',
    steps: [
      { types: ['aws.sagemaker.endpoint'], role: 'Serving endpoint' },
      { types: ['aws.sagemaker.endpoint_config'], role: 'Endpoint configuration' },
      { types: ['aws.sagemaker.model'], role: 'Deployed model' },
      {
        types: ['aws.sagemaker.training_job'],
        role: 'Training job reading public data',
        failsAny: ['aws.sagemaker.training_job.public_training_data'],
      },
      { types: ['aws.s3.bucket'], role: 'Training data bucket' },
    ],
    hops: [
      { kind: 'uses_config', direction: 'out' },
      { kind: 'serves_model', direction: 'out' },
      { kind: 'trained_by', direction: 'out' },
      { kind: 'reads_data', direction: 'out' },
    ],
  },
  {
    id: 'public-vertex-endpoint-public-training-data',
    title: 'Public Vertex AI endpoint serves a model trained on data from a public bucket',
    severity: 'critical',
    narrative:
      'The endpoint is reachable from the internet and its model was trained by a pipeline reading a publicly ' +
      'accessible bucket: poisoned training data reaches anyone who calls it.',
    steps: [
      {
        types: ['gcp.vertex.endpoint'],
        role: 'Public endpoint',
        failsAny: ['gcp.vertex.endpoint.public'],
      },
      { types: ['gcp.vertex.model'], role: 'Deployed model' },
      {
        types: ['gcp.vertex.pipeline_job'],
        role: 'Pipeline reading public data',
        failsAny: ['gcp.vertex.pipeline_job.public_training_data'],
      },
    ],
    hops: [
      { kind: 'serves_model', direction: 'out' },
      { kind: 'trained_by', direction: 'out' },
    ],
  },
  {
    id: 'public-openai-key-auth-weak-filter',
    title: 'Public Azure OpenAI account with key auth serves a deployment with weak content filters',
    severity: 'critical',
    narrative:
      'The account accepts requests from any network with a static API key, and one of its deployments lets ' +
      'harmful or jailbreak prompts through: a leaked key is all it takes to abuse the model.',
    steps: [
      {
        types: ['azure.cognitiveservices.account'],
        role: 'Public account accepting API keys',
        failsAll: ['azure.openai.account.public_network_access', 'azure.openai.account.local_auth_enabled'],
      },
      {
        types: ['azure.cognitiveservices.deployment'],
        role: 'Deployment with weak content filter',
        failsAny: ['azure.openai.deployment.content_filter_weak'],
      },
    ],
    hops: [{ kind: 'part_of', direction: 'in' }],
  },
  {
    id: 'public-ssh-compute-privileged-workspace',
    title: 'Compute with a public IP and SSH in a workspace whose identity holds a privileged role',
    severity: 'high',
    narrative:
      'The compute can be reached over SSH from the internet; from it, the workspace identity can be used, and ' +
      'that identity holds an Owner, Contributor or User Access Administrator role.',
    steps: [
      {
        types: ['azure.ml.compute'],
        role: 'Compute open to SSH from the internet',
        failsAll: ['azure.ml.compute.public_ip', 'azure.ml.compute.ssh_enabled'],
      },
      {
        types: ['azure.ml.workspace'],
        role: 'Workspace with a privileged identity',
        failsAny: ['azure.ml.workspace.identity_privileged_role'],
      },
    ],
    hops: [{ kind: 'part_of', direction: 'out' }],
  },
  {
    id: 'unguarded-agent-public-knowledge-base',
    title: 'Agent without a guardrail answers from a knowledge base fed by a public bucket',
    severity: 'high',
    narrative:
      'Anyone who can write to (or read) the public bucket controls what the agent retrieves: indirect prompt ' +
      'injection with no guardrail in front of the model.',
    steps: [
      {
        types: ['aws.bedrock.agent'],
        role: 'Agent without guardrail',
        failsAny: ['aws.bedrock.agent.no_guardrail'],
      },
      { types: ['aws.bedrock.knowledge_base'], role: 'Knowledge base' },
      {
        types: ['aws.bedrock.data_source'],
        role: 'Data source in a public bucket',
        failsAny: ['aws.bedrock.knowledge_base.data_source_public_bucket'],
      },
    ],
    hops: [
      { kind: 'uses_knowledge_base', direction: 'out' },
      { kind: 'part_of', direction: 'in' },
    ],
  },
  {
    id: 'unguarded-agent-full-access-role',
    title: 'Agent without a guardrail runs as a role with full Bedrock or admin access',
    severity: 'high',
    narrative:
      'Prompts reach the agent unfiltered, and the actions it takes run with a role that can do far more than ' +
      'the agent needs: a successful prompt injection inherits those rights.',
    steps: [
      {
        types: ['aws.bedrock.agent'],
        role: 'Agent without guardrail',
        failsAny: ['aws.bedrock.agent.no_guardrail'],
      },
      {
        types: ['aws.iam.role'],
        role: 'Over-privileged agent role',
        failsAny: [
          'aws.bedrock.iam.full_access_policy_attached',
          'aws.sagemaker.execution_role.admin_policy_attached',
          'aws.sagemaker.execution_role.wildcard_actions',
        ],
      },
    ],
    hops: [{ kind: 'uses_role', direction: 'out' }],
  },
];

/** Every check id a rule reads, for loading only the findings that matter. */
export function attackPathCheckIds(rules: readonly AttackPathRule[] = attackPathRules): string[] {
  const ids = new Set<string>();
  for (const r of rules)
    for (const s of r.steps) for (const c of [...(s.failsAny ?? []), ...(s.failsAll ?? [])]) ids.add(c);
  return [...ids].sort();
}

/** Relation kinds rules walk along. */
export function attackPathRelationKinds(rules: readonly AttackPathRule[] = attackPathRules): string[] {
  return [...new Set(rules.flatMap((r) => r.hops.map((h) => h.kind)))].sort();
}

/** Asset types a path can start from. */
export function attackPathEntryTypes(rules: readonly AttackPathRule[] = attackPathRules): string[] {
  return [...new Set(rules.flatMap((r) => r.steps[0]?.types ?? []))].sort();
}

/** Finding ids that make the asset satisfy the step, or null when it does not. */
function matchStep(step: PathStep, asset: PathGraphAsset, graph: PathGraph): string[] | null {
  if (!step.types.includes(asset.assetType)) return null;
  const failing = graph.failing.get(asset.id);
  const ids: string[] = [];
  if (step.failsAll?.length) {
    for (const c of step.failsAll) {
      const f = failing?.get(c);
      if (!f) return null;
      ids.push(f);
    }
  }
  if (step.failsAny?.length) {
    const hit = step.failsAny.flatMap((c) => failing?.get(c) ?? []);
    if (hit.length === 0) return null;
    ids.push(...hit);
  }
  return ids;
}

/** Every path of every rule in the graph, each once. */
export function findAttackPaths(
  graph: PathGraph,
  rules: readonly AttackPathRule[] = attackPathRules,
): FoundAttackPath[] {
  const out = new Map<string, { kind: string; to: string }[]>();
  const inn = new Map<string, { kind: string; to: string }[]>();
  for (const e of graph.edges) {
    (out.get(e.from) ?? out.set(e.from, []).get(e.from)!).push({ kind: e.kind, to: e.to });
    (inn.get(e.to) ?? inn.set(e.to, []).get(e.to)!).push({ kind: e.kind, to: e.from });
  }
  const found = new Map<string, FoundAttackPath>();
  for (const rule of rules) {
    const first = rule.steps[0];
    if (!first) continue;
    for (const asset of graph.assets.values()) {
      const ids = matchStep(first, asset, graph);
      if (!ids) continue;
      let perEntry = 0;
      const walk = (i: number, trail: PathGraphAsset[], findingIds: string[]) => {
        if (perEntry >= MAX_PATHS_PER_ENTRY) return;
        if (i === rule.steps.length) {
          perEntry++;
          const path = toPath(rule, trail, findingIds);
          found.set(path.signature, path);
          return;
        }
        const hop = rule.hops[i - 1]!;
        const step = rule.steps[i]!;
        const from = trail[trail.length - 1]!;
        const next = (hop.direction === 'out' ? out : inn).get(from.id) ?? [];
        for (const n of next) {
          if (n.kind !== hop.kind || trail.some((t) => t.id === n.to)) continue;
          const a = graph.assets.get(n.to);
          const hit = a && matchStep(step, a, graph);
          if (a && hit) walk(i + 1, [...trail, a], [...findingIds, ...hit]);
        }
      };
      walk(1, [asset], ids);
    }
  }
  return [...found.values()];
}

function toPath(rule: AttackPathRule, trail: PathGraphAsset[], findingIds: string[]): FoundAttackPath {
  const signature = createHash('sha256')
    .update([rule.id, ...trail.map((t) => t.id)].join('\u0000'))
    .digest('hex');
  return {
    rule,
    signature,
    nodes: trail.map((t, i) => ({
      assetId: t.id,
      assetType: t.assetType,
      nativeId: t.nativeId,
      name: t.name,
      role: rule.steps[i]!.role,
    })),
    edges: rule.hops.map((h, i) => {
      const a = trail[i]!.id;
      const b = trail[i + 1]!.id;
      return h.direction === 'out' ? { from: a, to: b, kind: h.kind } : { from: b, to: a, kind: h.kind };
    }),
    findingIds: [...new Set(findingIds)],
  };
}
