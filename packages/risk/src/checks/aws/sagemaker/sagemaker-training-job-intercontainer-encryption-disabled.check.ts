import { defineCheck } from '../../../check';
import { at, hasAt, requiredTrueVerdict } from './sagemaker-fields.util';
import { denyJobsWithout } from './training-job-guardrail.util';

export const sagemakerTrainingJobIntercontainerEncryptionDisabled = defineCheck({
  id: 'aws.sagemaker.training_job.intercontainer_encryption_disabled',
  title: 'Distributed SageMaker training job sends data between instances unencrypted',
  severity: 'medium',
  provider: 'aws',
  assetType: 'aws.sagemaker.training_job',
  rationale:
    'In distributed training the instances exchange gradients, parameters and batches of training data. Without ' +
    'EnableInterContainerTrafficEncryption that traffic crosses the network in clear text, where anyone able ' +
    'to capture it in the subnet reads training data and can reconstruct the model.',
  reads: ['DescribeTrainingJob.EnableInterContainerTrafficEncryption', 'DescribeTrainingJob.ResourceConfig'],
  remediation: {
    console:
      'Training jobs cannot be changed. Rerun the job with "Enable inter-container traffic encryption" on ' +
      '(estimator encrypt_inter_container_traffic=True), and deny new jobs without it.',
    cli:
      'aws sagemaker create-training-job --training-job-name <name> --enable-inter-container-traffic-encryption ' +
      '--algorithm-specification ... --role-arn <role> --resource-config InstanceCount=2,... ...',
    terraform: denyJobsWithout(
      'RequireInterContainerEncryption',
      '{ Bool = { "sagemaker:InterContainerTrafficEncryption" = "false" } }',
    ),
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0012', relationship: 'subset-of' },
    { ref: 'mitre-atlas@5.6.0:AML.T0025', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.7.2', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.4', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    const a = asset.attributes;
    const count = at(a, 'ResourceConfig.InstanceCount');
    const groups = at(a, 'ResourceConfig.InstanceGroups');
    const groupInstances = Array.isArray(groups)
      ? groups.reduce<number>((n, g) => n + Number((g as { InstanceCount?: unknown }).InstanceCount ?? 0), 0)
      : 0;
    if (!hasAt(a, 'ResourceConfig.InstanceCount') && groupInstances === 0) {
      return { status: 'unknown', missing: ['ResourceConfig.InstanceCount'] };
    }
    const instances = Math.max(typeof count === 'number' ? count : 0, groupInstances);
    if (instances <= 1) {
      return {
        status: 'not_applicable',
        reason: 'The job ran on one instance: there is no traffic between training instances to encrypt.',
      };
    }
    return requiredTrueVerdict(asset, 'EnableInterContainerTrafficEncryption', {
      'ResourceConfig.InstanceCount': instances,
    });
  },
});
