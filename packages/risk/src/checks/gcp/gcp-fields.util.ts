import { has, type CheckAsset, type CheckResult, type Evidence } from '../../check';

type Json = Record<string, unknown>;

/** A nested attribute by its API path (`gceSetup.shieldedInstanceConfig`); undefined when any step is absent. */
export function at(attributes: Json, path: string): unknown {
  let value: unknown = attributes;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const obj = value as Json;
    if (!has(obj, key)) return undefined;
    value = obj[key];
  }
  return value;
}

export function hasAt(attributes: Json, path: string): boolean {
  return at(attributes, path) !== undefined;
}

export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

export function asRecords(value: unknown): Json[] {
  return Array.isArray(value)
    ? value.filter((v): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v))
    : [];
}

export function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The unknown verdict when one of these paths was not returned. */
export function requireFields(asset: CheckAsset, ...paths: string[]): CheckResult | undefined {
  const missing = paths.filter((p) => !hasAt(asset.attributes, p));
  return missing.length > 0 ? { status: 'unknown', missing } : undefined;
}

/**
 * A check on a bool of a Google REST (proto3 JSON) body: fails when the flag is `failWhen`. proto3 JSON leaves a
 * false bool out of the message that holds it, so inside a message that was returned an absent bool is false;
 * that is what the wire says, not a default filled in. When the holding message itself is absent nothing was
 * said: unknown. `parent` '' is the resource itself, whose `name` (always returned) proves the body was read.
 * Evidence names the field with its value as returned, null when the body left it out.
 */
export function protoBoolVerdict(
  asset: CheckAsset,
  parent: string,
  field: string,
  failWhen: boolean,
  extra: Evidence = {},
): CheckResult {
  const unknown = requireFields(asset, parent === '' ? 'name' : parent);
  if (unknown) return unknown;
  const path = parent === '' ? field : `${parent}.${field}`;
  const value = at(asset.attributes, path);
  const evidence = { [path]: value ?? null, ...extra };
  return (value === true) === failWhen ? { status: 'fail', evidence } : { status: 'pass', evidence };
}

/**
 * Customer-managed encryption of a Vertex AI resource. Vertex AI returns `encryptionSpec` only when a customer
 * key was chosen (proto3 JSON leaves an unset message out; Google-managed encryption has no spec), so once the
 * resource body is there (its `name` is always returned) the spec's absence is the finding itself.
 */
export function encryptionSpecVerdict(asset: CheckAsset): CheckResult {
  const unknown = requireFields(asset, 'name');
  if (unknown) return unknown;
  const key = at(asset.attributes, 'encryptionSpec.kmsKeyName');
  return isNonEmptyString(key)
    ? { status: 'pass', evidence: { 'encryptionSpec.kmsKeyName': key } }
    : { status: 'fail', evidence: { 'encryptionSpec.kmsKeyName': null } };
}

/**
 * The Compute Engine default service account (`<project-number>-compute@developer.gserviceaccount.com`). Google
 * grants it the Editor role on the project when the Compute Engine API is enabled, unless an organization policy
 * (iam.automaticIamGrantsForDefaultServiceAccounts) stops that.
 */
export function isDefaultComputeServiceAccount(email: unknown): boolean {
  return typeof email === 'string' && /^\d+-compute@developer\.gserviceaccount\.com$/.test(email);
}

/**
 * A Workbench feature switched off by a `gceSetup.metadata` key set to "true" (`notebook-disable-root`,
 * `notebook-disable-downloads`, `notebook-disable-terminal`); any other value, or no key, leaves it on.
 * Workbench always writes its own keys into the metadata (proxy-mode, version, ...), so a body without
 * `gceSetup.metadata` was not fully read: unknown.
 */
export function workbenchMetadataVerdict(asset: CheckAsset, key: string): CheckResult {
  const unknown = requireFields(asset, 'gceSetup.metadata');
  if (unknown) return unknown;
  const value = at(asset.attributes, 'gceSetup.metadata') as Json;
  const setting = has(value, key) ? value[key] : null;
  const evidence = { [`gceSetup.metadata.${key}`]: setting };
  return typeof setting === 'string' && setting.toLowerCase() === 'true'
    ? { status: 'pass', evidence }
    : { status: 'fail', evidence };
}
