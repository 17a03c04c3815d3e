/**
 * An SDK output as asset attributes: without `$metadata`, with Dates as ISO strings, and with absent members
 * left absent. Nothing is defaulted: a check must be able to tell "AWS did not say" from a value.
 */
export function toAssetAttributes(output: object): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(output)) {
    if (key === '$metadata' || value === undefined) continue;
    attributes[key] = toPlain(value);
  }
  return attributes;
}

function toPlain(value: unknown): unknown {
  // An unparseable timestamp is kept as null: AWS returned the field, but it carries no usable value.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toPlain(v);
    return out;
  }
  return value;
}

/** AWS `[{Key, Value}]` tags as a record; a tag without a key is dropped, one without a value maps to ''. */
export function tagsToRecord(
  tags: readonly { Key?: string | undefined; Value?: string | undefined }[] | undefined,
) {
  const record: Record<string, string> = {};
  for (const tag of tags ?? []) if (tag.Key !== undefined) record[tag.Key] = tag.Value ?? '';
  return record;
}
