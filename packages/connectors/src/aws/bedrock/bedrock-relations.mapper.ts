import type { TAssetRecord } from '@aispm/contracts';

export type TAssetRelation = NonNullable<TAssetRecord['relations']>[number];

export const BEDROCK_ASSET_TYPES = {
  customModel: 'aws.bedrock.custom_model',
  importedModel: 'aws.bedrock.imported_model',
  provisionedThroughput: 'aws.bedrock.provisioned_throughput',
  guardrail: 'aws.bedrock.guardrail',
  agent: 'aws.bedrock.agent',
  knowledgeBase: 'aws.bedrock.knowledge_base',
  dataSource: 'aws.bedrock.data_source',
  invocationLogging: 'aws.bedrock.invocation_logging',
} as const;

/**
 * Targets of `uses_model` edges that no discoverer inventories: foundation models (named by id or ARN) and
 * inference profiles. The edge is still declared, so the risk engine can read which model an asset runs on.
 */
export const FOUNDATION_MODEL_ASSET_TYPE = 'aws.bedrock.foundation_model';
export const INFERENCE_PROFILE_ASSET_TYPE = 'aws.bedrock.inference_profile';

/**
 * The invocation logging setting of a region has no ARN of its own: its native id is the synthetic
 * `arn:aws:bedrock:<region>:<account>:model-invocation-logging`, one per account and region.
 */
export function invocationLoggingNativeId(region: string, accountId: string): string {
  return `arn:aws:bedrock:${region}:${accountId}:model-invocation-logging`;
}

/**
 * Data sources have no ARN: their native id is `<knowledgeBaseArn>/datasource/<dataSourceId>`, the ARN of the
 * knowledge base as returned plus the returned data source id (unique within the knowledge base).
 */
export function dataSourceNativeId(knowledgeBaseArn: string, dataSourceId: string): string {
  return `${knowledgeBaseArn}/datasource/${dataSourceId}`;
}

/** `arn:aws:s3:::<bucket>` of an `s3://bucket/prefix` URI; undefined when it is not an S3 URI. */
export function bucketArnOfS3Uri(uri: string | undefined): string | undefined {
  const bucket = /^s3:\/\/([^/?#]+)/i.exec(uri ?? '')?.[1];
  return bucket ? `arn:aws:s3:::${bucket}` : undefined;
}

/** A bucket ARN (`arn:aws:s3:::name`, any partition) as returned, or undefined when it is not one. */
export function bucketArn(arn: string | undefined): string | undefined {
  return arn !== undefined && /^arn:aws[a-z-]*:s3:::[^/]+$/.test(arn) ? arn : undefined;
}

export function roleRelation(roleArn: string | undefined): TAssetRelation[] {
  return roleArn ? [{ kind: 'uses_role', toAssetType: 'aws.iam.role', toNativeId: roleArn }] : [];
}

/** `encrypted_by` edges to the KMS keys named, once each. */
export function kmsRelations(...keyArns: (string | undefined)[]): TAssetRelation[] {
  return unique(keyArns).map((k) => ({ kind: 'encrypted_by', toAssetType: 'aws.kms.key', toNativeId: k }));
}

/** Edges of `kind` (`reads_data`, `writes_output`) to the buckets of S3 URIs, once per bucket. */
export function bucketRelations(kind: string, ...uris: (string | undefined)[]): TAssetRelation[] {
  return unique(uris.map(bucketArnOfS3Uri)).map((arn) => ({
    kind,
    toAssetType: 'aws.s3.bucket',
    toNativeId: arn,
  }));
}

/**
 * The `uses_model` edge of a model identifier as returned: a custom, imported or provisioned model ARN points
 * at that Bedrock asset; a foundation model id or ARN, or an inference profile, at a type nobody inventories.
 */
export function modelRelation(model: string | undefined): TAssetRelation[] {
  if (!model) return [];
  return [{ kind: 'uses_model', toAssetType: modelAssetType(model), toNativeId: model }];
}

export function modelAssetType(model: string): string {
  if (!model.startsWith('arn:')) return FOUNDATION_MODEL_ASSET_TYPE;
  const resource = model.split(':').slice(5).join(':');
  if (resource.startsWith('custom-model/')) return BEDROCK_ASSET_TYPES.customModel;
  if (resource.startsWith('imported-model/')) return BEDROCK_ASSET_TYPES.importedModel;
  if (resource.startsWith('provisioned-model/')) return BEDROCK_ASSET_TYPES.provisionedThroughput;
  if (resource.startsWith('inference-profile/') || resource.startsWith('application-inference-profile/')) {
    return INFERENCE_PROFILE_ASSET_TYPE;
  }
  return FOUNDATION_MODEL_ASSET_TYPE;
}

function unique(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))];
}
