import { has, type CheckAsset, type CheckResult, type Evidence } from '../../../check';
import { isRecord, pick } from './attributes';

/** One GetGuardrail answer (the DRAFT or a numbered version), as the connector stored it. */
export type GuardrailBody = Record<string, unknown>;

/** What a guardrail check found in one version: its evidence, and whether that version falls short. */
export interface VersionFinding {
  weak: boolean;
  evidence: unknown;
}

/**
 * The guardrail's DRAFT and every numbered version, keyed by version. Applications and agents call a pinned
 * version (or the DRAFT), so each one that exists is a configuration that can be in use. The fields missing
 * when the DRAFT's GetGuardrail answer or the versions listing is not in the inventory.
 */
export function guardrailVersions(
  attributes: Record<string, unknown>,
): { versions: [string, GuardrailBody][] } | { missing: string[] } {
  const missing = ['guardrailArn', 'version', 'versions'].filter((f) => !has(attributes, f));
  if (missing.length > 0 || !Array.isArray(attributes.versions)) {
    return { missing: missing.length > 0 ? missing : ['versions'] };
  }
  const { versions: numbered, ...draft } = attributes;
  const out: [string, GuardrailBody][] = [[String(draft.version), draft]];
  (numbered as unknown[]).forEach((v, i) => {
    if (isRecord(v)) out.push([typeof v.version === 'string' ? v.version : `#${i + 1}`, v]);
  });
  return { versions: out };
}

/**
 * A guardrail check over every version: fail when any version falls short, with each version's evidence and
 * the list of weak versions; unknown when the guardrail's answers are not all there.
 */
export function evaluateGuardrailVersions(
  asset: CheckAsset,
  inspect: (body: GuardrailBody) => VersionFinding,
): CheckResult {
  const read = guardrailVersions(asset.attributes);
  if ('missing' in read) return { status: 'unknown', missing: read.missing };
  const byVersion: Record<string, unknown> = {};
  const weakVersions: string[] = [];
  for (const [version, body] of read.versions) {
    const finding = inspect(body);
    byVersion[version] = finding.evidence;
    if (finding.weak) weakVersions.push(version);
  }
  const evidence: Evidence = { versions: byVersion, weakVersions };
  return weakVersions.length > 0 ? { status: 'fail', evidence } : { status: 'pass', evidence };
}

/** The content filter of `type` in a GetGuardrail answer, or undefined when the policy has none. */
export function contentFilter(body: GuardrailBody, type: string): Record<string, unknown> | undefined {
  const filters = isRecord(body.contentPolicy) ? body.contentPolicy.filters : undefined;
  return Array.isArray(filters) ? filters.filter(isRecord).find((f) => f.type === type) : undefined;
}

/**
 * Whether a filter direction is switched off or only detects: `inputEnabled: false` / `inputAction: "NONE"`
 * (and the output equivalents). Both members are optional in the API; when absent the verdict rests on the
 * strength alone.
 */
export function notBlocking(filter: Record<string, unknown>, side: 'input' | 'output'): boolean {
  return filter[`${side}Enabled`] === false || filter[`${side}Action`] === 'NONE';
}

/** The prompt-attack filter of one version: weak unless its input strength is HIGH and it blocks. */
export function promptAttackFinding(body: GuardrailBody): VersionFinding {
  const filter = contentFilter(body, 'PROMPT_ATTACK');
  if (!filter) return { weak: true, evidence: { PROMPT_ATTACK: null } };
  return {
    weak: filter.inputStrength !== 'HIGH' || notBlocking(filter, 'input'),
    evidence: { PROMPT_ATTACK: pick(filter, ['inputStrength', 'inputAction', 'inputEnabled']) },
  };
}
