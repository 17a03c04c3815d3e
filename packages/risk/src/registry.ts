import { createHash } from 'node:crypto';
import type { CheckAsset, CheckContext, CheckDefinition, CheckResult } from './check';
import {
  EXPOSURE_CHECKS,
  PRIVILEGE_CHECKS,
  criticalityOf,
  runningOf,
  scoreFinding,
  sensitivityFromTags,
  type RiskContext,
  type RiskFactors,
} from './scoring';
import { bedrockChecks } from './checks/aws/bedrock';
import { sagemakerChecks } from './checks/aws/sagemaker';
import { azureChecks } from './checks/azure';
import { gcpChecks } from './checks/gcp';

export const checks: readonly CheckDefinition[] = [
  ...sagemakerChecks,
  ...bedrockChecks,
  ...azureChecks,
  ...gcpChecks,
];

/**
 * Changes whenever a check is added, removed, re-rated or its code changes, or the scoring changes: stored
 * with each account's evaluation, a different digest makes the next evaluation cover every asset again.
 */
export const CHECKS_DIGEST = createHash('sha256')
  .update(
    [
      ...checks.map((c) => `${c.id}\u0000${c.severity}\u0000${c.evaluate.toString()}`),
      scoreFinding.toString(),
      riskContextOf.toString(),
    ].join('\u0001'),
  )
  .digest('hex')
  .slice(0, 32);

const byId = new Map(checks.map((c) => [c.id, c]));
const byAssetType = new Map<string, CheckDefinition[]>();
for (const c of checks) byAssetType.set(c.assetType, [...(byAssetType.get(c.assetType) ?? []), c]);

export function findCheck(id: string): CheckDefinition | undefined {
  return byId.get(id);
}

export function checksFor(assetType: string): readonly CheckDefinition[] {
  return byAssetType.get(assetType) ?? [];
}

export interface Evaluation {
  check: CheckDefinition;
  result: CheckResult;
  /** Set when the check failed: the contextual score (before attack paths) and what it is made of. */
  riskScore?: number;
  riskFactors?: RiskFactors;
}

/** Runs every check that applies to the asset. A check that throws is a bug: it is reported, not hidden. */
export function evaluateAsset(asset: CheckAsset, graph: CheckContext): Evaluation[] {
  const applicable = checksFor(asset.assetType);
  if (applicable.length === 0) return [];
  const results = applicable.map((check) => ({ check, result: check.evaluate(asset, graph) }));
  if (!results.some((r) => r.result.status === 'fail')) return results;
  const ctx = riskContextOf(asset, graph, results);
  return results.map((r) => {
    if (r.result.status !== 'fail') return r;
    const { score, factors } = scoreFinding(r.check.severity, ctx);
    return { ...r, riskScore: score, riskFactors: factors };
  });
}

/** A verdict of a group of checks: true if one fails, false if all that ran pass, null if none could tell. */
function verdictOf(
  results: readonly { check: CheckDefinition; result: CheckResult }[],
  ids: ReadonlySet<string>,
) {
  let seen = false;
  for (const r of results) {
    if (!ids.has(r.check.id)) continue;
    if (r.result.status === 'fail') return true;
    if (r.result.status === 'pass') seen = true;
  }
  return seen ? false : null;
}

/**
 * The context that raises or lowers the scores of an asset's failures: exposure and privilege from its own
 * verdicts (and the privilege checks of the roles it runs as), data sensitivity from tags on the asset and the
 * data it reads, criticality from what users set or tags, activity from its status.
 */
export function riskContextOf(
  asset: CheckAsset,
  graph: CheckContext,
  own: readonly { check: CheckDefinition; result: CheckResult }[],
): RiskContext {
  let privileged = verdictOf(own, PRIVILEGE_CHECKS);
  if (privileged !== true) {
    for (const role of graph.outgoing('uses_role')) {
      const roleChecks = checksFor(role.assetType).filter((c) => PRIVILEGE_CHECKS.has(c.id));
      const roleCtx = graph.around(role);
      const v = verdictOf(
        roleChecks.map((check) => ({ check, result: check.evaluate(role, roleCtx) })),
        PRIVILEGE_CHECKS,
      );
      if (v === true) {
        privileged = true;
        break;
      }
      if (v === false) privileged = false;
    }
  }
  return {
    exposed: verdictOf(own, EXPOSURE_CHECKS),
    privileged,
    sensitivity: sensitivityFromTags([
      asset,
      ...graph.outgoing('reads_data'),
      ...graph.outgoing('uses_storage'),
    ]),
    criticality: criticalityOf(asset),
    running: runningOf(asset),
  };
}
