import { has, type CheckAsset, type CheckResult, type Evidence } from '../../check';

/** A JSON object as ARM returned it. */
export type Json = Record<string, unknown>;

/** The value as an object, or undefined when it is absent, null, an array or a scalar. */
export function asObject(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

/** The resource's `properties` object as listed, or undefined when ARM returned none. */
export function armProperties(asset: CheckAsset): Json | undefined {
  return asObject(asset.attributes.properties);
}

/** No verdict: the cloud did not return these fields. */
export function unknown(...missing: string[]): CheckResult {
  return { status: 'unknown', missing };
}

/** `fail` when `failed`, else `pass`, with the fields read as evidence. */
export function verdict(failed: boolean, evidence: Evidence): CheckResult {
  return failed ? { status: 'fail', evidence } : { status: 'pass', evidence };
}

/**
 * The verdict of a check that rests on one member of `properties` (or of an object nested in it, named by
 * `path`): unknown when the properties or the member were not returned, else pass or fail by `fails`. The
 * evidence names the member by its path in the resource body.
 */
export function propertyVerdict(
  asset: CheckAsset,
  path: readonly string[],
  fails: (value: unknown) => boolean,
  extra: Evidence = {},
): CheckResult {
  let holder = armProperties(asset);
  let at = 'properties';
  if (!holder) return unknown(at);
  for (const key of path.slice(0, -1)) {
    at = `${at}.${key}`;
    holder = asObject(holder[key]);
    if (!holder) return unknown(at);
  }
  const key = path.at(-1)!;
  const field = `${at}.${key}`;
  if (!has(holder, key)) return unknown(field);
  return verdict(fails(holder[key]), { [field]: holder[key], ...extra });
}

/** Evidence of the named `properties` members ARM returned; members it left out are not listed. */
export function returnedProperties(asset: CheckAsset, ...members: string[]): Evidence {
  const props = armProperties(asset) ?? {};
  const evidence: Evidence = {};
  for (const m of members) if (props[m] !== undefined) evidence[`properties.${m}`] = props[m];
  return evidence;
}

/** Cognitive Services account kinds that serve Azure OpenAI models. */
const OPENAI_KINDS = new Set(['OpenAI', 'AIServices']);

/**
 * Undefined when the account is an Azure OpenAI or AI Services account (the `azure.openai.account.*` checks
 * concern those); otherwise the answer for this account: unknown without a kind, not applicable for other kinds.
 */
export function unlessOpenAiAccount(asset: CheckAsset): CheckResult | undefined {
  const kind = asset.attributes.kind;
  if (!has(asset.attributes, 'kind')) return unknown('kind');
  if (typeof kind === 'string' && OPENAI_KINDS.has(kind)) return undefined;
  return {
    status: 'not_applicable',
    reason: `a Cognitive Services account of kind ${JSON.stringify(kind)}, not Azure OpenAI or AI Services`,
  };
}

/**
 * The managed identities a resource runs as: `identity.type` and the principal ids of its system-assigned and
 * user-assigned identities. ARM leaves `identity` out of a resource that has none.
 */
export function managedIdentity(asset: CheckAsset): { type: unknown; principalIds: string[] } | undefined {
  const identity = asObject(asset.attributes.identity);
  if (!identity) return undefined;
  const principalIds: string[] = [];
  if (typeof identity.principalId === 'string' && identity.principalId)
    principalIds.push(identity.principalId);
  for (const uai of Object.values(asObject(identity.userAssignedIdentities) ?? {})) {
    const id = asObject(uai)?.principalId;
    if (typeof id === 'string' && id) principalIds.push(id);
  }
  return { type: identity.type, principalIds };
}

/** Whether an identity type names a managed identity (`SystemAssigned`, `UserAssigned` or both). */
export function isManagedIdentityType(type: unknown): boolean {
  return typeof type === 'string' && /(SystemAssigned|UserAssigned)/i.test(type);
}

/**
 * Undefined when the Machine Learning compute is of one of `types`; otherwise the answer for it: unknown
 * without a computeType, not applicable for other types (attached Kubernetes, Databricks, ...).
 */
export function unlessComputeType(asset: CheckAsset, types: readonly string[]): CheckResult | undefined {
  const props = armProperties(asset);
  if (!props) return unknown('properties');
  if (!has(props, 'computeType')) return unknown('properties.computeType');
  if (typeof props.computeType === 'string' && types.includes(props.computeType)) return undefined;
  return {
    status: 'not_applicable',
    reason: `a ${JSON.stringify(props.computeType)} compute; the check concerns ${types.join(' and ')}`,
  };
}
