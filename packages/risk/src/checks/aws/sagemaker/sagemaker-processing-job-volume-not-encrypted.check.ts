import { defineCheck } from '../../../check';
import { at, customerKeyVerdict, localStorageVerdict, requireFields } from './sagemaker-fields.util';
import { denyJobsWithout } from './training-job-guardrail.util';

const CLUSTER = 'ProcessingResources.ClusterConfig';

export const sagemakerProcessingJobVolumeNotEncrypted = defineCheck({
  id: 'aws.sagemaker.processing_job.volume_not_encrypted',
  title: 'SageMaker processing volume is not encrypted with a customer-managed KMS key',
  severity: 'medium',
  provider: 'aws',
  assetType: 'aws.sagemaker.processing_job',
  rationale:
    'Without ClusterConfig.VolumeKmsKeyId the volume that holds the raw input and the prepared output of the ' +
    'job is encrypted with a transient key outside your control: no key policy limits decryption and no key ' +
    'use is logged against your key.',
  reads: [`DescribeProcessingJob.${CLUSTER}.VolumeKmsKeyId`, `DescribeProcessingJob.${CLUSTER}.InstanceType`],
  remediation: {
    console:
      'Processing jobs cannot be changed. Rerun the job with a customer-managed KMS key as the volume key ' +
      '(processor volume_kms_key=...), and deny new jobs without one.',
    cli:
      'aws sagemaker create-processing-job --processing-job-name <name> --processing-resources ' +
      "'ClusterConfig={InstanceCount=1,InstanceType=<type>,VolumeSizeInGB=30,VolumeKmsKeyId=<key-arn>}' ...",
    terraform: denyJobsWithout('RequireVolumeKey', '{ Null = { "sagemaker:VolumeKmsKey" = "true" } }'),
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0012', relationship: 'subset-of' },
    { ref: 'mitre-atlas@5.6.0:AML.M0005', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.7.6', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.4', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    const unknown = requireFields(asset, 'ProcessingJobArn', CLUSTER);
    if (unknown) return unknown;
    // ClusterConfig.VolumeKmsKeyId is omitted when no key was given.
    return (
      localStorageVerdict(at(asset.attributes, `${CLUSTER}.InstanceType`), 'processes') ??
      customerKeyVerdict(asset, `${CLUSTER}.VolumeKmsKeyId`, [])
    );
  },
});
