import { defineCheck } from '../../../check';
import { requiredTrueVerdict } from './sagemaker-fields.util';
import { denyJobsWithout } from './training-job-guardrail.util';

export const sagemakerTrainingJobNetworkIsolationDisabled = defineCheck({
  id: 'aws.sagemaker.training_job.network_isolation_disabled',
  title: 'SageMaker training job ran without network isolation',
  severity: 'medium',
  provider: 'aws',
  assetType: 'aws.sagemaker.training_job',
  rationale:
    'Without EnableNetworkIsolation the training container can reach the network while it holds the training ' +
    'data and the execution role credentials. Third-party training code or a compromised image or dependency ' +
    'can exfiltrate the dataset and the trained weights, or download poisoned data and packages.',
  reads: ['DescribeTrainingJob.EnableNetworkIsolation'],
  remediation: {
    console:
      'Training jobs cannot be changed. Rerun the job with "Enable network isolation" on (estimator ' +
      'enable_network_isolation=True), and deny new jobs without it.',
    cli:
      'aws sagemaker create-training-job --training-job-name <name> --enable-network-isolation ' +
      '--algorithm-specification ... --role-arn <role> --input-data-config ... --output-data-config ... ' +
      '--resource-config ... --stopping-condition ...',
    terraform: denyJobsWithout(
      'RequireNetworkIsolation',
      '{ Bool = { "sagemaker:NetworkIsolation" = "false" } }',
    ),
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0019', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0010.002', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM04', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.7.2', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    return requiredTrueVerdict(asset, 'EnableNetworkIsolation');
  },
});
