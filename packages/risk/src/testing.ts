import type { CheckAsset, CheckDefinition, CheckResult } from './check';
import { InventoryGraph, type GraphRelation } from './check-context';

export const TEST_ACCOUNT_ID = '0190f6a0-0000-7000-8000-0000000000aa';

/**
 * Evaluates a check on an asset the way the engine does. Without a graph the asset stands alone; pass the
 * neighbours and relations a relation-reading check needs.
 */
export function run(
  check: CheckDefinition,
  asset: CheckAsset,
  graph: { assets?: CheckAsset[]; relations?: GraphRelation[] } = {},
): CheckResult {
  const g = new InventoryGraph([asset, ...(graph.assets ?? [])], graph.relations ?? []);
  return check.evaluate(asset, g.contextOf(asset));
}

/** An asset of any type for check tests; fields not given get plausible test values. */
export function testAsset(
  partial: Partial<CheckAsset> & Pick<CheckAsset, 'provider' | 'assetType' | 'nativeId'>,
): CheckAsset {
  return {
    id:
      partial.id ?? `0190f6a0-0000-7000-8000-${String(hash(partial.nativeId)).padStart(12, '0').slice(-12)}`,
    accountId: TEST_ACCOUNT_ID,
    name: partial.nativeId.split(/[/:]/).at(-1) ?? partial.nativeId,
    region: 'us-east-1',
    attributes: {},
    tags: {},
    ...partial,
  };
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) % 1_000_000_000_000;
  return h;
}

/** A notebook asset as the connector stores it, for check tests. */
export function notebookAsset(attributes: Record<string, unknown>): CheckAsset {
  return {
    id: '0190f6a0-0000-7000-8000-000000000001',
    accountId: TEST_ACCOUNT_ID,
    provider: 'aws',
    assetType: 'aws.sagemaker.notebook_instance',
    nativeId: 'arn:aws:sagemaker:us-east-1:123456789012:notebook-instance/test',
    name: 'test',
    region: 'us-east-1',
    attributes,
    tags: {},
  };
}

/** A complete DescribeNotebookInstance answer of a well-configured notebook. */
export const wellConfiguredNotebook: Record<string, unknown> = {
  NotebookInstanceArn: 'arn:aws:sagemaker:us-east-1:123456789012:notebook-instance/test',
  NotebookInstanceName: 'test',
  NotebookInstanceStatus: 'InService',
  InstanceType: 'ml.t3.medium',
  SubnetId: 'subnet-0a1b2c3d',
  SecurityGroups: ['sg-0a1b2c3d'],
  RoleArn: 'arn:aws:iam::123456789012:role/notebook',
  KmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/1111-2222',
  DirectInternetAccess: 'Disabled',
  RootAccess: 'Disabled',
  InstanceMetadataServiceConfiguration: { MinimumInstanceMetadataServiceVersion: '2' },
};
