import { has, type CheckAsset, type CheckContext, type CheckResult, type Evidence } from '../../../check';

/** A nested attribute by its API path (`ResourceConfig.VolumeKmsKeyId`); undefined when any step is absent. */
export function at(attributes: Record<string, unknown>, path: string): unknown {
  let value: unknown = attributes;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const obj = value as Record<string, unknown>;
    if (!has(obj, key)) return undefined;
    value = obj[key];
  }
  return value;
}

/** True when the nested field was returned (even as null or empty). */
export function hasAt(attributes: Record<string, unknown>, path: string): boolean {
  return at(attributes, path) !== undefined;
}

export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

export function asRecords(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value)
    ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null)
    : [];
}

/**
 * The unknown verdict when the describe answer itself is not there: every path below must have been returned.
 * SageMaker's Describe calls always return the resource's ARN, so its presence proves the describe succeeded.
 */
export function requireFields(asset: CheckAsset, ...paths: string[]): CheckResult | undefined {
  const missing = paths.filter((p) => !hasAt(asset.attributes, p));
  return missing.length > 0 ? { status: 'unknown', missing } : undefined;
}

/**
 * A check on an optional customer-managed key. SageMaker's Describe calls omit a KMS key member when no key was
 * chosen (the AWS-managed or transient key is used then), so once `required` proves the answer (and the key's
 * parent structure) was returned, the key's absence is the finding itself, not a gap in the data.
 */
export function customerKeyVerdict(asset: CheckAsset, keyPath: string, required: string[]): CheckResult {
  const unknown = requireFields(asset, ...required);
  if (unknown) return unknown;
  const key = at(asset.attributes, keyPath);
  return isNonEmptyString(key)
    ? { status: 'pass', evidence: { [keyPath]: key } }
    : { status: 'fail', evidence: { [keyPath]: null } };
}

/**
 * A check on a boolean flag that must be true. No field, no verdict: a missing flag is unknown even where
 * AWS documents a default.
 */
export function requiredTrueVerdict(asset: CheckAsset, path: string, extra: Evidence = {}): CheckResult {
  if (!hasAt(asset.attributes, path)) return { status: 'unknown', missing: [path] };
  const value = at(asset.attributes, path);
  const evidence = { [path]: value, ...extra };
  return value === true ? { status: 'pass', evidence } : { status: 'fail', evidence };
}

/**
 * A VPC configuration with subnets passes; none fails. SageMaker's Describe calls omit VpcConfig for a resource
 * outside any VPC, so the verdict waits only for `arnField`, which proves the answer came.
 */
export function vpcVerdict(asset: CheckAsset, arnField: string, path: string): CheckResult {
  const unknown = requireFields(asset, arnField);
  if (unknown) return unknown;
  const vpc = at(asset.attributes, path);
  const subnets = (vpc as { Subnets?: unknown } | undefined)?.Subnets;
  return Array.isArray(subnets) && subnets.length > 0
    ? { status: 'pass', evidence: { [path]: vpc } }
    : { status: 'fail', evidence: { [path]: vpc ?? null } };
}

/**
 * Instance families whose ML storage is local NVMe instance storage, encrypted by a hardware module on the
 * instance. SageMaker refuses a KmsKeyId / VolumeKmsKeyId for them ("You can't request a VolumeKmsKeyId when
 * using an instance type with local storage"), so a missing key there is no finding.
 */
const LOCAL_STORAGE_FAMILIES = new Set([
  'g4dn',
  'g5',
  'g6',
  'g6e',
  'gr6',
  'p3dn',
  'p4d',
  'p4de',
  'p5',
  'p5e',
  'p5en',
  'trn1',
  'trn1n',
]);

export function hasLocalInstanceStorage(instanceType: unknown): boolean {
  if (typeof instanceType !== 'string') return false;
  const family = /^ml\.([a-z0-9-]+)\./.exec(instanceType)?.[1];
  if (!family) return false;
  // The `d` attribute marks instance-store variants (ml.m5d, ml.c5d, ml.r5d, ml.m6id, ...).
  return LOCAL_STORAGE_FAMILIES.has(family) || /^[a-z]+\d+[a-z]*d[a-z]*$/.test(family);
}

/** The not_applicable verdict for a volume key on an instance type that takes none, else undefined. */
export function localStorageVerdict(instanceType: unknown, what: string): CheckResult | undefined {
  if (!hasLocalInstanceStorage(instanceType)) return undefined;
  return {
    status: 'not_applicable',
    reason: `${String(instanceType)} ${what} on local NVMe storage encrypted in hardware; SageMaker accepts no key.`,
  };
}

/**
 * The SageMaker resources that run as a role (incoming `uses_role`), or the not_applicable verdict for a role
 * none of them uses: execution-role checks concern only those.
 */
export function sagemakerUsersOf(
  ctx: CheckContext,
): { users: readonly CheckAsset[] } | { verdict: CheckResult } {
  const users = ctx.incoming('uses_role').filter((a) => a.assetType.startsWith('aws.sagemaker.'));
  return users.length > 0
    ? { users }
    : {
        verdict: {
          status: 'not_applicable',
          reason: 'No SageMaker resource in the inventory uses this role.',
        },
      };
}
