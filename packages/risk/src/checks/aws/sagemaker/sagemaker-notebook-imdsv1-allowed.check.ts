import { defineCheck } from '../../../check';
import { at, hasAt } from './sagemaker-fields.util';

const FIELD = 'InstanceMetadataServiceConfiguration.MinimumInstanceMetadataServiceVersion';

export const sagemakerNotebookImdsv1Allowed = defineCheck({
  id: 'aws.sagemaker.notebook.imdsv1_allowed',
  title: 'SageMaker notebook instance allows IMDSv1',
  severity: 'medium',
  provider: 'aws',
  assetType: 'aws.sagemaker.notebook_instance',
  rationale:
    'With IMDSv1 allowed, any request the notebook can be tricked into making (a server-side request forgery in ' +
    'a Jupyter extension, a proxied URL, a malicious package) can read the execution role credentials from the ' +
    'instance metadata service with a plain GET, without the session token IMDSv2 requires.',
  reads: [`DescribeNotebookInstance.${FIELD}`],
  remediation: {
    console:
      'Stop the notebook instance, choose Edit, set "Minimum IMDS version" to 2 under "Additional configuration", ' +
      'save and start it again.',
    cli:
      'aws sagemaker stop-notebook-instance --notebook-instance-name <name> && ' +
      'aws sagemaker update-notebook-instance --notebook-instance-name <name> ' +
      '--instance-metadata-service-configuration MinimumInstanceMetadataServiceVersion=2',
    terraform:
      'resource "aws_sagemaker_notebook_instance" "this" {\n  instance_metadata_service_configuration {\n' +
      '    minimum_instance_metadata_service_version = "2"\n  }\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.T0055', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0019', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    if (!hasAt(asset.attributes, FIELD)) return { status: 'unknown', missing: [FIELD] };
    const version = at(asset.attributes, FIELD);
    const evidence = { [FIELD]: version };
    return version === '2' ? { status: 'pass', evidence } : { status: 'fail', evidence };
  },
});
