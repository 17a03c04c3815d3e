import {
  DescribeNotebookInstanceLifecycleConfigCommand,
  paginateListNotebookInstanceLifecycleConfigs,
  type DescribeNotebookInstanceLifecycleConfigCommandOutput,
} from '@aws-sdk/client-sagemaker';
import type { ServiceDiscoverer } from '../types';
import { toAssetAttributes } from './aws-attributes.mapper';
import { redactScriptSecrets, type DetectedSecret } from './sagemaker-lifecycle-secrets';
import { sageMakerResourceDiscoverer, listedVersion } from './sagemaker-resource.discoverer';

export const LIFECYCLE_CONFIG_ASSET_TYPE = 'aws.sagemaker.notebook_lifecycle_config';

type Hook = 'OnCreate' | 'OnStart';

/**
 * Notebook instance lifecycle configs of one region. Each hook's `Content` comes back base64-encoded; the
 * attributes hold the decoded script instead, so a check can read it, with every secret value replaced by
 * `[redacted:<kind>]` (see redactScriptSecrets), and `detectedSecrets: [{hook, kind, line}]` says what was
 * found where. The secret values themselves are never stored. A hook SageMaker did not return stays absent.
 */
export const sagemakerLifecycleConfigsDiscoverer: ServiceDiscoverer<'aws'> = sageMakerResourceDiscoverer({
  service: 'sagemaker.notebook_lifecycle_configs',
  assetType: LIFECYCLE_CONFIG_ASSET_TYPE,
  listOperation: 'ListNotebookInstanceLifecycleConfigs',
  describeOperation: 'DescribeNotebookInstanceLifecycleConfig',
  list: (client, pageSize, sendOptions) =>
    paginateListNotebookInstanceLifecycleConfigs({ client, pageSize }, {}, sendOptions),
  summaries: (page) => page.NotebookInstanceLifecycleConfigs,
  nameOf: (summary) => summary.NotebookInstanceLifecycleConfigName,
  describe: (client, name, sendOptions) =>
    client.send(
      new DescribeNotebookInstanceLifecycleConfigCommand({ NotebookInstanceLifecycleConfigName: name }),
      sendOptions,
    ),
  changeOf: (s) => listedVersion(s.NotebookInstanceLifecycleConfigArn, s.LastModifiedTime),
  arnOf: (described, summary) =>
    described.NotebookInstanceLifecycleConfigArn ?? summary.NotebookInstanceLifecycleConfigArn,
  displayName: (described) => described.NotebookInstanceLifecycleConfigName,
  attributes: lifecycleConfigAttributes,
});

/** The Describe output with decoded, redacted scripts and the secrets found in them. */
export function lifecycleConfigAttributes(
  described: DescribeNotebookInstanceLifecycleConfigCommandOutput,
): Record<string, unknown> {
  const attributes = toAssetAttributes(described);
  const detectedSecrets: (DetectedSecret & { hook: Hook })[] = [];
  for (const hook of ['OnCreate', 'OnStart'] as const) {
    const scripts = described[hook];
    if (!scripts) continue;
    attributes[hook] = scripts.map((s) => {
      if (s.Content === undefined) return {};
      const { text, detected } = redactScriptSecrets(Buffer.from(s.Content, 'base64').toString('utf8'));
      detectedSecrets.push(...detected.map((d) => ({ hook, ...d })));
      return { Content: text };
    });
  }
  attributes.detectedSecrets = detectedSecrets;
  return attributes;
}
