/** An ARM resource as the listing returned it (JSON, untouched by the SDK's models). */
export type RawResource = Record<string, unknown> & { id: string };

/**
 * Members that hold secrets wherever they appear (datastore `secrets`, a cluster's admin password, an attached
 * compute's relay connection string, ...). ARM does not return them in listings; they are dropped anyway.
 */
const SECRET_KEYS =
  /^(secrets?|password|adminUserPassword|clientSecret|accountKey|sasToken|privateKey|primaryKey|secondaryKey|.*ConnectionString)$/i;

/**
 * A listed resource as asset attributes: every member as ARM returned it except `tags` (kept apart) and
 * secrets. Nothing is defaulted: a member ARM left out stays absent, so a check can answer "unknown".
 */
export function toArmAttributes(resource: RawResource): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resource)) {
    if (key === 'tags' || SECRET_KEYS.test(key)) continue;
    attributes[key] = withoutSecrets(value);
  }
  return attributes;
}

function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!SECRET_KEYS.test(k)) out[k] = withoutSecrets(v);
    return out;
  }
  return value;
}

/** ARM tags (`{name: value}`) as a record of strings; absent tags are an empty record. */
export function armTags(resource: RawResource): Record<string, string> {
  const tags = resource.tags;
  const out: Record<string, string> = {};
  if (typeof tags !== 'object' || tags === null || Array.isArray(tags)) return out;
  for (const [k, v] of Object.entries(tags)) out[k] = typeof v === 'string' ? v : JSON.stringify(v);
  return out;
}

/** A nested member of a resource, e.g. `prop(r, 'properties', 'storageAccount')`; undefined when absent. */
export function prop(resource: unknown, ...path: string[]): unknown {
  let v: unknown = resource;
  for (const key of path) {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** A nested string member, or undefined when absent or not a non-empty string. */
export function stringProp(resource: unknown, ...path: string[]): string | undefined {
  const v = prop(resource, ...path);
  return typeof v === 'string' && v !== '' ? v : undefined;
}
