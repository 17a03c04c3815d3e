import { defineCheck } from '../../../check';
import {
  lifecycleConfigSecrets,
  lifecycleSecretsControls,
  lifecycleSecretsRemediation,
} from './lifecycle-secrets.util';
import { isNonEmptyString, requireFields } from './sagemaker-fields.util';

export const sagemakerNotebookSecretsInLifecycleConfig = defineCheck({
  id: 'aws.sagemaker.notebook.secrets_in_lifecycle_config',
  title: 'SageMaker notebook instance runs a lifecycle script that contains secrets',
  severity: 'high',
  provider: 'aws',
  assetType: 'aws.sagemaker.notebook_instance',
  rationale:
    'The OnCreate / OnStart scripts of the lifecycle configuration the notebook runs hold credentials in clear ' +
    'text (access keys, tokens, passwords). Anyone allowed to describe lifecycle configurations reads them, and ' +
    'the notebook writes them to disk for every user of the instance: stolen keys work from anywhere until ' +
    'rotated.',
  reads: [
    'DescribeNotebookInstance.NotebookInstanceLifecycleConfigName',
    'DescribeNotebookInstanceLifecycleConfig.OnCreate',
    'DescribeNotebookInstanceLifecycleConfig.OnStart',
  ],
  remediation: lifecycleSecretsRemediation,
  controls: lifecycleSecretsControls,
  evaluate(asset, ctx) {
    const unknown = requireFields(asset, 'NotebookInstanceArn');
    if (unknown) return unknown;
    // DescribeNotebookInstance omits NotebookInstanceLifecycleConfigName when the notebook has no config.
    const name = asset.attributes.NotebookInstanceLifecycleConfigName;
    if (!isNonEmptyString(name)) {
      return { status: 'pass', evidence: { NotebookInstanceLifecycleConfigName: null } };
    }
    const ids = ctx.outgoingIds('uses_config');
    const configs = ctx.outgoing('uses_config');
    // The connector records the edge only once it found the config's ARN: without either, nothing to read.
    if (ids.length === 0) {
      return { status: 'unknown', missing: [`aws.sagemaker.notebook_lifecycle_config ${name}`] };
    }
    const absent = ids.filter((id) => !configs.some((c) => c.nativeId === id));
    const results = configs.map(lifecycleConfigSecrets);
    const failed = results.find((r) => r.status === 'fail');
    if (failed?.status === 'fail') {
      return { status: 'fail', evidence: { NotebookInstanceLifecycleConfigName: name, ...failed.evidence } };
    }
    const missing = [
      ...absent.map((id) => `aws.sagemaker.notebook_lifecycle_config ${id}`),
      ...results.flatMap((r) => (r.status === 'unknown' ? r.missing : [])),
    ];
    if (missing.length > 0) return { status: 'unknown', missing };
    const passed = results.find((r) => r.status === 'pass');
    return {
      status: 'pass',
      evidence: {
        NotebookInstanceLifecycleConfigName: name,
        ...(passed?.status === 'pass' && passed.evidence),
      },
    };
  },
});
