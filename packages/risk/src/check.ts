import type { TProvider, TSeverity } from '@aispm/contracts';

/** An inventory asset as checks see it: attributes exactly as the cloud returned them. */
export interface CheckAsset {
  id: string;
  provider: TProvider;
  assetType: string;
  nativeId: string;
  name: string;
  region: string;
  attributes: Record<string, unknown>;
  tags: Record<string, string>;
}

/** What a check observed: the fields it read, as returned (absent fields are not listed as values). */
export type Evidence = Record<string, unknown>;

export type CheckResult =
  | { status: 'pass'; evidence: Evidence }
  | { status: 'fail'; evidence: Evidence }
  /** The cloud did not return a field the verdict needs; no verdict is better than one from a default. */
  | { status: 'unknown'; missing: string[] };

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
  evaluate(asset: CheckAsset): CheckResult;
}

export function defineCheck(def: CheckDefinition): CheckDefinition {
  return def;
}

/** True when the cloud returned the field (even as null or empty): presence, not truthiness. */
export function has(attributes: Record<string, unknown>, field: string): boolean {
  return Object.prototype.hasOwnProperty.call(attributes, field) && attributes[field] !== undefined;
}
