import type { TSeverity } from '@aispm/contracts';
import type { CheckAsset } from './check';

/**
 * The contextual risk score of a failed check on an asset, 1-100 (README, "Risk score"):
 *
 *   score = clamp(1, 100, base(severity) + exposure + sensitivity + privilege + criticality + activity + path)
 *
 * Each factor is known, or unknown (null) and then adds nothing: missing context never lowers a score.
 */
export const SCORE_WEIGHTS = {
  base: { critical: 70, high: 55, medium: 40, low: 25, info: 10 } satisfies Record<TSeverity, number>,
  /** The asset is reachable from the internet, or holds or reads data anyone can reach. */
  exposure: 15,
  sensitivity: { restricted: 15, confidential: 10, internal: 3, public: 0 } satisfies Record<
    Sensitivity,
    number
  >,
  /** The asset holds, or runs as an identity that holds, administrative or wildcard rights. */
  privilege: 10,
  criticality: { critical: 15, high: 8, medium: 0, low: -10 } satisfies Record<Criticality, number>,
  /** Stopped, failed or finished: nobody can use it until someone starts it again. */
  inactive: -15,
  /** Per open attack path the finding lies on, up to `attackPathMax` paths. */
  attackPath: 10,
  attackPathMax: 2,
} as const;

export type Sensitivity = 'restricted' | 'confidential' | 'internal' | 'public';
export type Criticality = 'critical' | 'high' | 'medium' | 'low';

export interface RiskContext {
  exposed: boolean | null;
  sensitivity: Sensitivity | null;
  privileged: boolean | null;
  criticality: Criticality | null;
  /** true running, false stopped/failed/finished, null unknown or not a thing that runs. */
  running: boolean | null;
}

/** What the score is made of, stored with each finding so the console can show the sum. */
export interface RiskFactors {
  base: number;
  exposure: number;
  sensitivity: number;
  privilege: number;
  criticality: number;
  activity: number;
  /** The score before attack paths. */
  contextScore: number;
  attackPaths: number;
  attackPathBonus: number;
}

const clamp = (n: number) => Math.max(1, Math.min(100, n));

export function scoreFinding(
  severity: TSeverity,
  ctx: RiskContext,
  attackPaths = 0,
): { score: number; factors: RiskFactors } {
  const w = SCORE_WEIGHTS;
  const f = {
    base: w.base[severity],
    exposure: ctx.exposed === true ? w.exposure : 0,
    sensitivity: ctx.sensitivity ? w.sensitivity[ctx.sensitivity] : 0,
    privilege: ctx.privileged === true ? w.privilege : 0,
    criticality: ctx.criticality ? w.criticality[ctx.criticality] : 0,
    activity: ctx.running === false ? w.inactive : 0,
  };
  const contextScore = clamp(f.base + f.exposure + f.sensitivity + f.privilege + f.criticality + f.activity);
  const attackPathBonus = Math.min(attackPaths, w.attackPathMax) * w.attackPath;
  return {
    score: withAttackPaths(contextScore, attackPaths),
    factors: { ...f, contextScore, attackPaths, attackPathBonus },
  };
}

/** The score once the finding's attack paths are known (from the stored context score). */
export function withAttackPaths(contextScore: number, attackPaths: number): number {
  return clamp(contextScore + Math.min(attackPaths, SCORE_WEIGHTS.attackPathMax) * SCORE_WEIGHTS.attackPath);
}

/**
 * Checks whose failure means the asset is reachable from the internet or exposes its data publicly. An asset
 * failing one is "exposed" for every finding it has.
 */
export const EXPOSURE_CHECKS: ReadonlySet<string> = new Set([
  'aws.sagemaker.notebook.direct_internet_access',
  'aws.sagemaker.domain.not_vpc_only',
  'aws.sagemaker.training_job.public_training_data',
  'aws.bedrock.custom_model.public_training_data',
  'aws.bedrock.knowledge_base.data_source_public_bucket',
  'azure.openai.account.public_network_access',
  'azure.openai.account.network_acl_allows_all',
  'azure.ml.workspace.public_network_access',
  'azure.ml.compute.public_ip',
  'azure.ml.online_endpoint.public_network_access',
  'azure.ml.registry.public_network_access',
  'azure.storage.ai_account.public_blob_access',
  'gcp.vertex.endpoint.public',
  'gcp.vertex.index_endpoint.public',
  'gcp.vertex.workbench.public_ip',
  'gcp.vertex.notebook_runtime.internet_access',
  'gcp.vertex.custom_job.web_access_enabled',
  'gcp.vertex.training.public_training_data',
  'gcp.vertex.pipeline_job.public_training_data',
]);

/** Checks whose failure means the identity holds administrative or wildcard rights. */
export const PRIVILEGE_CHECKS: ReadonlySet<string> = new Set([
  'aws.sagemaker.execution_role.admin_policy_attached',
  'aws.sagemaker.execution_role.wildcard_actions',
  'aws.bedrock.iam.full_access_policy_attached',
  'azure.ml.workspace.identity_privileged_role',
  'azure.authorization.role_assignment.privileged_on_ai_resource',
  'gcp.vertex.workbench.default_service_account',
  'gcp.vertex.pipeline_job.default_service_account',
]);

const SENSITIVITY_TAGS = ['data-classification', 'data_classification', 'classification', 'sensitivity'];
const SENSITIVITY_ORDER: Sensitivity[] = ['public', 'internal', 'confidential', 'restricted'];
const SENSITIVITY_WORDS: Record<string, Sensitivity> = {
  public: 'public',
  internal: 'internal',
  private: 'internal',
  confidential: 'confidential',
  sensitive: 'confidential',
  pii: 'restricted',
  restricted: 'restricted',
  secret: 'restricted',
  'highly-confidential': 'restricted',
};

/** The highest sensitivity a tag names on any of the assets (the asset itself and the data it reads). */
export function sensitivityFromTags(assets: readonly CheckAsset[]): Sensitivity | null {
  let best = -1;
  for (const a of assets) {
    for (const [k, v] of Object.entries(a.tags)) {
      if (!SENSITIVITY_TAGS.includes(k.toLowerCase())) continue;
      const s = SENSITIVITY_WORDS[String(v).trim().toLowerCase()];
      if (s) best = Math.max(best, SENSITIVITY_ORDER.indexOf(s));
    }
  }
  return best < 0 ? null : SENSITIVITY_ORDER[best]!;
}

const CRITICALITY_TAGS = ['criticality', 'business-criticality', 'business_criticality', 'tier'];
const CRITICALITY_WORDS: Record<string, Criticality> = {
  critical: 'critical',
  'mission-critical': 'critical',
  tier0: 'critical',
  'tier-0': 'critical',
  high: 'high',
  tier1: 'high',
  'tier-1': 'high',
  medium: 'medium',
  tier2: 'medium',
  'tier-2': 'medium',
  low: 'low',
  tier3: 'low',
  'tier-3': 'low',
};
const ENVIRONMENT_TAGS = ['environment', 'env', 'stage'];
const ENVIRONMENT_WORDS: Record<string, Criticality> = {
  prod: 'high',
  production: 'high',
  prd: 'high',
  staging: 'medium',
  stage: 'medium',
  dev: 'low',
  development: 'low',
  test: 'low',
  sandbox: 'low',
};

/**
 * Business criticality: what a user set on the asset wins; otherwise a criticality tag; otherwise the
 * environment tag (production counts as high, development and sandboxes as low).
 */
export function criticalityOf(asset: CheckAsset): Criticality | null {
  if (asset.criticality) return asset.criticality;
  const tags = Object.entries(asset.tags).map(([k, v]) => [k.toLowerCase(), String(v).trim().toLowerCase()]);
  for (const [k, v] of tags)
    if (CRITICALITY_TAGS.includes(k!) && CRITICALITY_WORDS[v!]) return CRITICALITY_WORDS[v!]!;
  for (const [k, v] of tags)
    if (ENVIRONMENT_TAGS.includes(k!) && ENVIRONMENT_WORDS[v!]) return ENVIRONMENT_WORDS[v!]!;
  return null;
}

const STATUS_FIELDS = [
  'NotebookInstanceStatus',
  'EndpointStatus',
  'TrainingJobStatus',
  'ProcessingJobStatus',
  'Status',
  'status',
  'state',
];
// A finished training job is not "stopped": what it produced is still in use, so completion is not listed.
const RUNNING = new Set(['inservice', 'pending', 'updating', 'inprogress', 'active', 'running', 'creating']);
const NOT_RUNNING = new Set([
  'stopped',
  'stopping',
  'failed',
  'deleting',
  'suspended',
  'disabled',
  'terminated',
]);

/**
 * Whether the asset runs: read from its status field. Only resources whose status says stopped, failed or
 * suspended count as not running; anything unrecognised is unknown.
 */
export function runningOf(asset: CheckAsset): boolean | null {
  for (const f of STATUS_FIELDS) {
    const v = asset.attributes[f];
    if (typeof v !== 'string') continue;
    const s = v.toLowerCase();
    if (NOT_RUNNING.has(s)) return false;
    if (RUNNING.has(s)) return true;
  }
  return null;
}
