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
  'aws.sagemaker.notebook_lifecycle_config': 'SageMaker lifecycle config',
  'aws.sagemaker.domain': 'SageMaker domain',
  'aws.sagemaker.user_profile': 'SageMaker user profile',
  'aws.sagemaker.model': 'SageMaker model',
  'aws.sagemaker.endpoint_config': 'SageMaker endpoint config',
  'aws.sagemaker.endpoint': 'SageMaker endpoint',
  'aws.sagemaker.training_job': 'SageMaker training job',
  'aws.sagemaker.processing_job': 'SageMaker processing job',
  'aws.sagemaker.model_package_group': 'SageMaker model package group',
  'aws.sagemaker.model_package': 'SageMaker model package',
  'aws.sagemaker.feature_group': 'SageMaker feature group',
  'aws.sagemaker.pipeline': 'SageMaker pipeline',
  'aws.sagemaker.monitoring_schedule': 'SageMaker monitoring schedule',
  'aws.bedrock.custom_model': 'Bedrock custom model',
  'aws.bedrock.imported_model': 'Bedrock imported model',
  'aws.bedrock.provisioned_throughput': 'Bedrock provisioned throughput',
  'aws.bedrock.guardrail': 'Bedrock guardrail',
  'aws.bedrock.agent': 'Bedrock agent',
  'aws.bedrock.knowledge_base': 'Bedrock knowledge base',
  'aws.bedrock.data_source': 'Bedrock data source',
  'aws.bedrock.invocation_logging': 'Bedrock invocation logging',
  'aws.iam.role': 'IAM role',
  'aws.iam.policy': 'IAM policy',
  'aws.s3.bucket': 'S3 bucket',
  'aws.kms.key': 'KMS key',
  'aws.ec2.vpc_endpoint': 'VPC endpoint',
  'aws.ec2.instance': 'EC2 instance',
  'azure.ml.workspace': 'Azure ML workspace',
  'azure.ml.compute': 'Azure ML compute',
  'azure.ml.online_endpoint': 'Azure ML online endpoint',
  'azure.ml.online_deployment': 'Azure ML online deployment',
  'azure.ml.batch_endpoint': 'Azure ML batch endpoint',
  'azure.ml.batch_deployment': 'Azure ML batch deployment',
  'azure.ml.registry': 'Azure ML registry',
  'azure.ml.datastore': 'Azure ML datastore',
  'azure.cognitiveservices.account': 'Azure AI services account',
  'azure.cognitiveservices.deployment': 'Azure AI model deployment',
  'azure.cognitiveservices.rai_policy': 'Azure AI content filter',
  'azure.storage.account': 'Azure storage account',
  'azure.authorization.role_assignment': 'Azure role assignment',
  'gcp.vertex.endpoint': 'Vertex AI endpoint',
  'gcp.vertex.model': 'Vertex AI model',
  'gcp.vertex.dataset': 'Vertex AI dataset',
  'gcp.vertex.featurestore': 'Vertex AI featurestore',
  'gcp.vertex.index_endpoint': 'Vertex AI index endpoint',
  'gcp.vertex.tensorboard': 'Vertex AI TensorBoard',
  'gcp.vertex.notebook_runtime': 'Colab Enterprise runtime',
  'gcp.vertex.custom_job': 'Vertex AI custom job',
  'gcp.vertex.pipeline_job': 'Vertex AI pipeline job',
  'gcp.notebooks.instance': 'Workbench instance',
  'gcp.storage.bucket': 'Cloud Storage bucket',
  'gcp.serviceusage.service': 'Enabled Google API',
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
