import { defineCheck, has } from '../../../check';

export const sagemakerNotebookRootAccess = defineCheck({
  id: 'aws.sagemaker.notebook.root_access',
  title: 'SageMaker notebook instance gives users root access',
  severity: 'medium',
  provider: 'aws',
  assetType: 'aws.sagemaker.notebook_instance',
  rationale:
    'With RootAccess enabled every notebook user is root on the instance: they can change its networking, read ' +
    'the credentials of the execution role from any process, and tamper with lifecycle scripts and installed ' +
    'libraries other users rely on.',
  reads: ['DescribeNotebookInstance.RootAccess'],
  remediation: {
    console:
      'Stop the notebook instance, choose Edit, set "Root access" to Disable, save and start it again. Install ' +
      'the system packages users need in a lifecycle configuration instead.',
    cli:
      'aws sagemaker stop-notebook-instance --notebook-instance-name <name> && ' +
      'aws sagemaker update-notebook-instance --notebook-instance-name <name> --root-access Disabled',
    terraform: 'resource "aws_sagemaker_notebook_instance" "this" {\n  root_access = "Disabled"\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0026', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0055', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.4', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM03', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    const a = asset.attributes;
    // AWS documents Enabled as the default, but a default is not what the cloud said: no field, no verdict.
    if (!has(a, 'RootAccess')) return { status: 'unknown', missing: ['RootAccess'] };
    const evidence = { RootAccess: a.RootAccess };
    return a.RootAccess === 'Enabled' ? { status: 'fail', evidence } : { status: 'pass', evidence };
  },
});
