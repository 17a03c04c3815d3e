import { defineCheck } from '../../../check';
import { at, requireFields } from './sagemaker-fields.util';
import { denyJobsWithout } from './training-job-guardrail.util';

export const sagemakerProcessingJobNetworkIsolationDisabled = defineCheck({
  id: 'aws.sagemaker.processing_job.network_isolation_disabled',
  title: 'SageMaker processing job ran without network isolation',
  severity: 'medium',
  provider: 'aws',
  assetType: 'aws.sagemaker.processing_job',
  rationale:
    'Processing jobs prepare the raw data that training consumes. Without NetworkConfig.EnableNetworkIsolation ' +
    'the processing container can reach the network while it holds raw (often personal) data and the execution ' +
    'role credentials: a compromised image or script can exfiltrate the data or fetch content that poisons the ' +
    'prepared dataset.',
  reads: ['DescribeProcessingJob.NetworkConfig.EnableNetworkIsolation'],
  remediation: {
    console:
      'Processing jobs cannot be changed. Rerun the job with network isolation (processor ' +
      'network_config=NetworkConfig(enable_network_isolation=True)), and deny new jobs without it.',
    cli:
      'aws sagemaker create-processing-job --processing-job-name <name> ' +
      '--network-config EnableNetworkIsolation=true ...',
    terraform: denyJobsWithout(
      'RequireNetworkIsolation',
      '{ Bool = { "sagemaker:NetworkIsolation" = "false" } }',
    ),
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0019', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0059', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM04', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.7.6', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    // DescribeProcessingJob omits NetworkConfig for a job started without one (no isolation, no VPC).
    const unknown = requireFields(asset, 'ProcessingJobArn');
    if (unknown) return unknown;
    const config = asset.attributes.NetworkConfig;
    if (config === undefined) return { status: 'fail', evidence: { NetworkConfig: null } };
    const isolated = at(asset.attributes, 'NetworkConfig.EnableNetworkIsolation');
    if (isolated === undefined)
      return { status: 'unknown', missing: ['NetworkConfig.EnableNetworkIsolation'] };
    const evidence = { 'NetworkConfig.EnableNetworkIsolation': isolated };
    return isolated === true ? { status: 'pass', evidence } : { status: 'fail', evidence };
  },
});
