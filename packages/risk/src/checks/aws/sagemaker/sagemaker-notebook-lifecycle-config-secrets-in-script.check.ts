import { defineCheck } from '../../../check';
import {
  lifecycleConfigSecrets,
  lifecycleSecretsControls,
  lifecycleSecretsRemediation,
} from './lifecycle-secrets.util';
import { requireFields } from './sagemaker-fields.util';

export const sagemakerNotebookLifecycleConfigSecretsInScript = defineCheck({
  id: 'aws.sagemaker.notebook_lifecycle_config.secrets_in_script',
  title: 'SageMaker notebook lifecycle configuration script contains secrets',
  severity: 'high',
  provider: 'aws',
  assetType: 'aws.sagemaker.notebook_lifecycle_config',
  rationale:
    'A lifecycle configuration is readable in full by anyone allowed ' +
    'sagemaker:DescribeNotebookInstanceLifecycleConfig, whether or not a notebook uses it today. Credentials ' +
    'pasted into its OnCreate / OnStart scripts (access keys, Hugging Face tokens, database passwords) are ' +
    'exposed to all of them and to every notebook that attaches it later.',
  reads: [
    'DescribeNotebookInstanceLifecycleConfig.OnCreate',
    'DescribeNotebookInstanceLifecycleConfig.OnStart',
  ],
  remediation: lifecycleSecretsRemediation,
  controls: lifecycleSecretsControls,
  evaluate(asset) {
    return requireFields(asset, 'NotebookInstanceLifecycleConfigArn') ?? lifecycleConfigSecrets(asset);
  },
});
