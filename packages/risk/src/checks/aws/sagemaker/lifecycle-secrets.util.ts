import { has, type CheckAsset, type CheckResult } from '../../../check';
import { asRecords } from './sagemaker-fields.util';

const REMEDIATION = {
  console:
    'Rotate every credential the script held first: it has been readable by anyone allowed ' +
    'sagemaker:DescribeNotebookInstanceLifecycleConfig. Then, under Lifecycle configurations, edit the config ' +
    'so the script fetches secrets at run time from AWS Secrets Manager (or relies on the execution role) ' +
    'instead of holding them, and restart the notebooks that use it.',
  cli:
    'aws sagemaker update-notebook-instance-lifecycle-config --notebook-instance-lifecycle-config-name <name> ' +
    '--on-start Content=$(base64 -w0 on-start.sh)  # on-start.sh reads: ' +
    'aws secretsmanager get-secret-value --secret-id <id> --query SecretString --output text',
  terraform:
    'resource "aws_sagemaker_notebook_instance_lifecycle_configuration" "this" {\n' +
    '  name     = "bootstrap"\n  # No secret in the script: read it from Secrets Manager at start.\n' +
    '  on_start = base64encode(file("${path.module}/on-start.sh"))\n}',
};

const CONTROLS = [
  { ref: 'mitre-atlas@5.6.0:AML.T0055', relationship: 'intersects-with' as const },
  { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' as const },
  { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' as const },
  { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' as const },
  { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' as const },
  { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' as const },
];

export const lifecycleSecretsRemediation = REMEDIATION;
export const lifecycleSecretsControls = CONTROLS;

/**
 * The verdict on one lifecycle config from what the connector recorded: `detectedSecrets` lists `{hook, kind,
 * line}` for each secret found in the decoded OnCreate / OnStart scripts (the values are redacted and never
 * stored). A record without that list was not read by the current connector: unknown.
 */
export function lifecycleConfigSecrets(config: CheckAsset): CheckResult {
  const a = config.attributes;
  if (!has(a, 'detectedSecrets') || !Array.isArray(a.detectedSecrets)) {
    return { status: 'unknown', missing: [`${config.nativeId} detectedSecrets`] };
  }
  const found = asRecords(a.detectedSecrets).map((s) => ({ hook: s.hook, kind: s.kind, line: s.line }));
  const evidence = {
    lifecycleConfig: config.nativeId,
    hooks: ['OnCreate', 'OnStart'].filter((h) => has(a, h)),
    detectedSecrets: found,
  };
  return found.length > 0 ? { status: 'fail', evidence } : { status: 'pass', evidence };
}
