import type { CheckAsset, CheckContext, CheckDefinition, CheckResult } from './check';
import { riskContext, riskScore } from './scoring';
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
  /** Set when the check failed. */
  riskScore?: number;
}

/** Runs every check that applies to the asset. A check that throws is a bug: it is reported, not hidden. */
export function evaluateAsset(asset: CheckAsset, graph: CheckContext): Evaluation[] {
  const applicable = checksFor(asset.assetType);
  if (applicable.length === 0) return [];
  const ctx = riskContext(asset);
  return applicable.map((check) => {
    const result = check.evaluate(asset, graph);
    return result.status === 'fail'
      ? { check, result, riskScore: riskScore(check.severity, ctx) }
      : { check, result };
  });
}
