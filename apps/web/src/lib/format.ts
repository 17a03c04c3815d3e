import type { TProvider, TRole } from '@aispm/contracts';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

export function formatRelative(iso: string, now: number = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return Math.abs(seconds) < 10 ? 'just now' : relative.format(seconds, 'second');
}

export const providerLabel: Record<TProvider, string> = { aws: 'AWS', azure: 'Azure', gcp: 'Google Cloud' };

export const roleLabel: Record<TRole, string> = {
  owner: 'Owner',
  admin: 'Admin',
  analyst: 'Analyst',
  viewer: 'Viewer',
  auditor: 'Auditor',
};

/** Names for the asset types the connectors emit today; unknown ones fall back to a readable form of the id. */
const ASSET_TYPE_LABELS: Record<string, string> = {
  'aws.sagemaker.notebook_instance': 'SageMaker notebook instance',
  'aws.sagemaker.endpoint': 'SageMaker endpoint',
  'aws.sagemaker.endpoint_config': 'SageMaker endpoint config',
  'aws.sagemaker.model': 'SageMaker model',
  'aws.sagemaker.domain': 'SageMaker domain',
  'aws.sagemaker.training_job': 'SageMaker training job',
  'aws.bedrock.custom_model': 'Bedrock custom model',
  'aws.bedrock.agent': 'Bedrock agent',
  'aws.bedrock.guardrail': 'Bedrock guardrail',
  'aws.s3.bucket': 'S3 bucket',
  'aws.iam.role': 'IAM role',
  'aws.kms.key': 'KMS key',
};

export function assetTypeLabel(assetType: string): string {
  const known = ASSET_TYPE_LABELS[assetType];
  if (known) return known;
  const [, service, kind] = assetType.split('.');
  if (!service || !kind) return assetType;
  const serviceName =
    service.length <= 3 ? service.toUpperCase() : service[0]!.toUpperCase() + service.slice(1);
  return `${serviceName} ${kind.replace(/_/g, ' ')}`;
}
