import { defineCheck } from '../../../check';
import { at, customerKeyVerdict, localStorageVerdict, requireFields } from './sagemaker-fields.util';
import { denyJobsWithout } from './training-job-guardrail.util';

export const sagemakerTrainingJobVolumeNotEncrypted = defineCheck({
  id: 'aws.sagemaker.training_job.volume_not_encrypted',
  title: 'SageMaker training volume is not encrypted with a customer-managed KMS key',
  severity: 'medium',
  provider: 'aws',
  assetType: 'aws.sagemaker.training_job',
  rationale:
    'Without ResourceConfig.VolumeKmsKeyId the storage volume that holds the downloaded training data, ' +
    'checkpoints and the model being trained is encrypted with a transient key outside your control: no key ' +
    'policy decides who may decrypt it and no key use appears in your CloudTrail.',
  reads: [
    'DescribeTrainingJob.ResourceConfig.VolumeKmsKeyId',
    'DescribeTrainingJob.ResourceConfig.InstanceType',
  ],
  remediation: {
    console:
      'Training jobs cannot be changed. Rerun the job with a customer-managed KMS key as the volume key ' +
      '(estimator volume_kms_key=...), and deny new jobs without one.',
    cli:
      'aws sagemaker create-training-job --training-job-name <name> ' +
      '--resource-config InstanceType=<type>,InstanceCount=1,VolumeSizeInGB=50,VolumeKmsKeyId=<key-arn> ...',
    terraform: denyJobsWithout('RequireVolumeKey', '{ Null = { "sagemaker:VolumeKmsKey" = "true" } }'),
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0012', relationship: 'subset-of' },
    { ref: 'mitre-atlas@5.6.0:AML.M0005', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.7.2', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.4', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    const unknown = requireFields(asset, 'TrainingJobArn', 'ResourceConfig');
    if (unknown) return unknown;
    // ResourceConfig.VolumeKmsKeyId is omitted when no key was given.
    return (
      localStorageVerdict(at(asset.attributes, 'ResourceConfig.InstanceType'), 'trains') ??
      customerKeyVerdict(asset, 'ResourceConfig.VolumeKmsKeyId', [])
    );
  },
});
