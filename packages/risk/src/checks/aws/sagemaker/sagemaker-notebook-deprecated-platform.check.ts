import { defineCheck, has } from '../../../check';

/**
 * Platforms whose software no longer gets fixes: Amazon Linux 1 (end of life since 2023) with JupyterLab 1,
 * Amazon Linux 2 with JupyterLab 1, and Amazon Linux 2 with JupyterLab 3 (end of maintenance upstream since
 * May 2024). notebook-al2-v3 (JupyterLab 4) and notebook-al2023-v1 are current.
 */
const UNMAINTAINED: Record<string, string> = {
  'notebook-al1-v1': 'Amazon Linux 1, JupyterLab 1',
  'notebook-al2-v1': 'Amazon Linux 2, JupyterLab 1',
  'notebook-al2-v2': 'Amazon Linux 2, JupyterLab 3',
};

export const sagemakerNotebookDeprecatedPlatform = defineCheck({
  id: 'aws.sagemaker.notebook.deprecated_platform',
  title: 'SageMaker notebook instance runs an unmaintained platform',
  severity: 'medium',
  provider: 'aws',
  assetType: 'aws.sagemaker.notebook_instance',
  rationale:
    'The notebook platform fixes the operating system and the JupyterLab server the instance runs. On an ' +
    'unmaintained one, vulnerabilities in the Jupyter server, its extensions and the OS packages stay unpatched, ' +
    'and the server is reachable by everyone with a presigned notebook URL and runs as the execution role.',
  reads: ['DescribeNotebookInstance.PlatformIdentifier'],
  remediation: {
    console:
      'Stop the notebook instance, choose Edit, pick the "notebook-al2023-v1" platform identifier (or ' +
      'notebook-al2-v3), save and start it. Check the lifecycle configuration still works on the new OS.',
    cli:
      'aws sagemaker stop-notebook-instance --notebook-instance-name <name> && ' +
      'aws sagemaker update-notebook-instance --notebook-instance-name <name> ' +
      '--platform-identifier notebook-al2023-v1',
    terraform:
      'resource "aws_sagemaker_notebook_instance" "this" {\n  platform_identifier = "notebook-al2023-v1"\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0016', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM03', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.4', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.12', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    const a = asset.attributes;
    // AWS documents notebook-al1-v1 as the default for old notebooks; a default is not an answer.
    if (!has(a, 'PlatformIdentifier')) return { status: 'unknown', missing: ['PlatformIdentifier'] };
    const platform = a.PlatformIdentifier;
    const unmaintained = typeof platform === 'string' ? UNMAINTAINED[platform] : undefined;
    return unmaintained
      ? { status: 'fail', evidence: { PlatformIdentifier: platform, platform: unmaintained } }
      : { status: 'pass', evidence: { PlatformIdentifier: platform } };
  },
});
