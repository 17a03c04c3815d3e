import type { TProvider, TSeverity } from '@aispm/contracts';

/** An inventory asset as checks see it: attributes exactly as the cloud returned them. */
export interface CheckAsset {
  id: string;
  /** The connected cloud account (aispm's id) the asset was discovered in. */
  accountId: string;
  provider: TProvider;
  assetType: string;
  nativeId: string;
  name: string;
  region: string;
  attributes: Record<string, unknown>;
  tags: Record<string, string>;
  /** Business criticality a user set on the asset (scoring only; checks never read it). */
  criticality?: 'critical' | 'high' | 'medium' | 'low' | null;
}

/** What a check observed: the fields it read, as returned (absent fields are not listed as values). */
export type Evidence = Record<string, unknown>;

export type CheckResult =
  | { status: 'pass'; evidence: Evidence }
  | { status: 'fail'; evidence: Evidence }
  /** The cloud did not return a field the verdict needs; no verdict is better than one from a default. */
  | { status: 'unknown'; missing: string[] }
  /**
   * The check does not concern this asset (a role no SageMaker resource uses, for a SageMaker execution-role
   * check). Not a finding and not counted; a finding it had is resolved, since the risk it described is gone.
   */
  | { status: 'not_applicable'; reason: string };

/** OSCAL relationship terms between a check and a framework control. */
export type ControlRelationship = 'equivalent-to' | 'subset-of' | 'superset-of' | 'intersects-with';

export interface ControlMapping {
  /** Version-pinned catalog reference, e.g. `owasp-llm@2025:LLM03`. */
  ref: string;
  relationship: ControlRelationship;
}

export interface CheckDefinition {
  /** Stable id; users' suppressions and pipelines key on it. Never reuse or rename. */
  id: string;
  title: string;
  severity: TSeverity;
  provider: TProvider;
  assetType: string;
  rationale: string;
  /** The API fields the verdict rests on, as named by the cloud's API. */
  reads: string[];
  remediation: { console: string; cli: string; terraform: string };
  controls: ControlMapping[];
  /**
   * Most checks read only the asset. Checks about what an asset is connected to (the bucket a training job reads,
   * the policies of the role a notebook runs as) read its neighbours through `ctx`.
   */
  evaluate(asset: CheckAsset, ctx: CheckContext): CheckResult;
}

export function defineCheck(def: CheckDefinition): CheckDefinition {
  return def;
}

/** True when the cloud returned the field (even as null or empty): presence, not truthiness. */
export function has(attributes: Record<string, unknown>, field: string): boolean {
  return Object.prototype.hasOwnProperty.call(attributes, field) && attributes[field] !== undefined;
}

/**
 * The inventory graph around one asset, as recorded by discovery (asset_relations). Relation kinds are the
 * connectors' own: `uses_role`, `reads_data`, `writes_output`, `encrypted_by`, `uses_model`, `uses_config`,
 * `trained_by`, `attached_policy`, `uses_guardrail`, `uses_knowledge_base`, `part_of`, `serves_model`, ...
 * A relation whose target was not discovered has no asset here: a check that needs it answers unknown.
 */
export interface CheckContext {
  /** Assets this asset points at through relations of `kind` (a training job's `reads_data` buckets). */
  outgoing(kind: string): readonly CheckAsset[];
  /** Assets that point at this asset through relations of `kind` (agents that `uses_role` this role). */
  incoming(kind: string): readonly CheckAsset[];
  /** Native ids this asset's relations of `kind` name, discovered or not (to tell "none" from "not found"). */
  outgoingIds(kind: string): readonly string[];
  /** The same view centred on another asset, for two-hop checks (agent -> role -> other agents). */
  around(asset: CheckAsset): CheckContext;
  /** Live assets of a type in the same account, optionally in one region (account-scoped checks). */
  inAccount(assetType: string, region?: string): readonly CheckAsset[];
}
