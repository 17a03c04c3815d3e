import { defineCheck } from '../../../check';
import { at, hasAt } from './sagemaker-fields.util';

const FIELD = 'DefaultUserSettings.SharingSettings.NotebookOutputOption';

export const sagemakerDomainNotebookSharingEnabled = defineCheck({
  id: 'aws.sagemaker.domain.notebook_sharing_enabled',
  title: 'SageMaker Studio domain lets users share notebooks with their cell output',
  severity: 'low',
  provider: 'aws',
  assetType: 'aws.sagemaker.domain',
  rationale:
    'With NotebookOutputOption Allowed, a shared notebook snapshot carries its cell output: query results, ' +
    'samples of training data, tokens printed while debugging. The snapshot is copied to an S3 location and ' +
    'readable by everyone the link reaches, outside the access controls of the original data.',
  reads: [`DescribeDomain.${FIELD}`],
  remediation: {
    console:
      'Under Domain settings > Notebook sharing configuration, turn off "Enable notebook resource sharing" or ' +
      'clear "Include cell output"; set an S3 location encrypted with your KMS key if sharing stays on.',
    cli:
      'aws sagemaker update-domain --domain-id <domain-id> ' +
      "--default-user-settings 'SharingSettings={NotebookOutputOption=Disabled}'",
    terraform:
      'resource "aws_sagemaker_domain" "this" {\n  default_user_settings {\n' +
      '    execution_role = aws_iam_role.studio.arn\n    sharing_settings {\n' +
      '      notebook_output_option = "Disabled"\n    }\n  }\n}',
  },
  controls: [
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.4', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.7.2', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0035', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.10', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    if (!hasAt(asset.attributes, FIELD)) return { status: 'unknown', missing: [FIELD] };
    const value = at(asset.attributes, FIELD);
    const evidence = { [FIELD]: value };
    return value === 'Allowed' ? { status: 'fail', evidence } : { status: 'pass', evidence };
  },
});
