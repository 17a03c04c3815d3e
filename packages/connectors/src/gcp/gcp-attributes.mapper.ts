import type { TAssetRecord } from '@aispm/contracts';

export type TAssetRelation = NonNullable<TAssetRecord['relations']>[number];
type Json = Record<string, unknown>;

/** Asset types of the targets of Google relations listed by no discoverer here (resolved if ever inventoried). */
export const GCP_SERVICE_ACCOUNT_TYPE = 'gcp.iam.service_account';
export const GCP_KMS_KEY_TYPE = 'gcp.kms.crypto_key';
export const GCP_BUCKET_TYPE = 'gcp.storage.bucket';

/**
 * The native id of a bucket, Cloud Asset Inventory style without the service host: `projects/_/buckets/<name>`.
 * Cloud Storage lists bucket names, and every `gs://<bucket>/...` URI elsewhere resolves to the same id.
 */
export function bucketNativeId(bucket: string): string {
  return `projects/_/buckets/${bucket}`;
}

/**
 * A resource as the cloud sent it (proto3 JSON: int64 as strings, RFC 3339 timestamps, absent fields absent),
 * with numeric enums turned into their names. The Google clients ask for `enum-encoding=int`, so Google answers
 * enums as numbers; the client's decoded object knows the names but also fills every absent field with its
 * default. Walking both together keeps exactly the fields that were sent, each as sent, except an enum number
 * whose decoded counterpart is a name.
 */
export function withEnumNames(raw: unknown, decoded: unknown): unknown {
  if (typeof raw === 'number') return typeof decoded === 'string' ? decoded : raw;
  if (Array.isArray(raw)) {
    const d = Array.isArray(decoded) ? decoded : [];
    return raw.map((v, i) => withEnumNames(v, d[i]));
  }
  if (typeof raw === 'object' && raw !== null) {
    const d =
      typeof decoded === 'object' && decoded !== null && !Array.isArray(decoded) ? (decoded as Json) : {};
    const out: Json = {};
    for (const [k, v] of Object.entries(raw)) out[k] = withEnumNames(v, d[k]);
    return out;
  }
  return raw;
}

/** Labels as tags; a non-string value (never sent by Google) is dropped. */
export function labelsToTags(labels: unknown): Record<string, string> {
  const tags: Record<string, string> = {};
  if (typeof labels !== 'object' || labels === null) return tags;
  for (const [k, v] of Object.entries(labels)) if (typeof v === 'string') tags[k] = v;
  return tags;
}

/** The last segment of a resource name (`projects/1/locations/l/endpoints/123` -> `123`). */
export function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

// Google's own public buckets (dataset schemas, sample data) are not the customer's data.
const GOOGLE_OWNED_BUCKETS = new Set(['google-cloud-aiplatform', 'cloud-samples-data']);

/**
 * `reads_data` / `writes_output` edges to every bucket a resource names in a `gs://` URI, anywhere in its body
 * (dataset import sources, job arguments and output directories, model artifacts, pipeline parameters). A URI
 * under a field whose path mentions `output` is written; any other is read. Schema URIs are Google's, not data.
 */
export function bucketRelations(resource: Json): TAssetRelation[] {
  const relations: TAssetRelation[] = [];
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      if (/schemaUri$/i.test(path)) return;
      for (const match of value.matchAll(/gs:\/\/([a-z0-9][a-z0-9._-]{1,220}[a-z0-9])/g)) {
        const bucket = match[1]!;
        if (GOOGLE_OWNED_BUCKETS.has(bucket)) continue;
        const kind = /output/i.test(path) ? 'writes_output' : 'reads_data';
        relations.push({ kind, toAssetType: GCP_BUCKET_TYPE, toNativeId: bucketNativeId(bucket) });
      }
      return;
    }
    if (Array.isArray(value)) value.forEach((v) => visit(v, path));
    else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) visit(v, path ? `${path}.${k}` : k);
    }
  };
  visit(resource, '');
  return relations;
}

/** `encrypted_by` edges for every customer-managed key the body names (`kmsKeyName`, `kmsKey`, `defaultKmsKeyName`). */
export function kmsRelations(resource: Json): TAssetRelation[] {
  const relations: TAssetRelation[] = [];
  const visit = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      if (/^(kmsKeyName|kmsKey|defaultKmsKeyName)$/.test(key) && value) {
        relations.push({ kind: 'encrypted_by', toAssetType: GCP_KMS_KEY_TYPE, toNativeId: value });
      }
      return;
    }
    if (Array.isArray(value)) value.forEach((v) => visit(v, key));
    else if (typeof value === 'object' && value !== null)
      for (const [k, v] of Object.entries(value)) visit(v, k);
  };
  visit(resource, '');
  return relations;
}

/** A `uses_role` edge to a service account, by email, when one was returned. */
export function serviceAccountRelation(email: unknown): TAssetRelation[] {
  return typeof email === 'string' && email.includes('@')
    ? [{ kind: 'uses_role', toAssetType: GCP_SERVICE_ACCOUNT_TYPE, toNativeId: email }]
    : [];
}

/** Relations without duplicates, in first-seen order. */
export function uniqueRelations(relations: TAssetRelation[]): TAssetRelation[] {
  const seen = new Set<string>();
  return relations.filter((r) => {
    const key = `${r.kind}\0${r.toAssetType}\0${r.toNativeId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Reads a nested field of a JSON body (`get(r, 'jobSpec', 'serviceAccount')`). */
export function get(value: unknown, ...path: string[]): unknown {
  let v = value;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Json)[key];
  }
  return v;
}

/** The array at a path, or an empty one. */
export function arrayAt(value: unknown, ...path: string[]): unknown[] {
  const v = get(value, ...path);
  return Array.isArray(v) ? v : [];
}
