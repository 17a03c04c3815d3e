import { GetPolicyVersionCommand, paginateListPolicies, type Policy } from '@aws-sdk/client-iam';
import type { TAssetRecord } from '@aispm/contracts';
import { mapWithConcurrency } from '../../concurrency.util';
import type { ServiceDiscoverer } from '../../types';
import { tagsToRecord, toAssetAttributes } from '../aws-attributes.mapper';
import { iamClientFor, IAM_POLICY_ASSET_TYPE } from './iam-roles.discoverer';
import {
  infraDiscoverer,
  isNamed,
  ITEM_CONCURRENCY,
  nonNull,
  parsePolicyDocument,
  type InfraRun,
} from './infra-discoverer.util';

/**
 * Customer managed IAM policies (ListPolicies with Scope=Local), each with the document of its default
 * version (GetPolicyVersion), decoded and parsed. The default version is the one IAM enforces, which is not
 * always the newest. A policy deleted between the listing and GetPolicyVersion is skipped.
 */
export const iamPoliciesDiscoverer: ServiceDiscoverer<'aws'> = infraDiscoverer({
  service: 'iam.policies',
  assetType: IAM_POLICY_ASSET_TYPE,
  scope: 'global',
  iamPrefix: 'iam',
  listOperation: 'ListPolicies',
  async *run(ctx) {
    const client = iamClientFor(ctx);
    const pages = paginateListPolicies(
      { client, pageSize: ctx.pageSize },
      { Scope: 'Local' },
      ctx.sendOptions,
    );
    for await (const page of pages) {
      const records = await mapWithConcurrency(page.Policies ?? [], ITEM_CONCURRENCY, (policy) =>
        describePolicy(ctx, policy),
      );
      yield nonNull(records);
    }
  },
});

async function describePolicy(ctx: InfraRun, policy: Policy): Promise<TAssetRecord | null> {
  const { Arn: arn, DefaultVersionId: versionId } = policy;
  if (!arn) return null;
  const client = iamClientFor(ctx);
  let defaultVersion: Record<string, unknown> | undefined;
  if (versionId) {
    try {
      const out = await ctx.limit(() =>
        client.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: versionId }), ctx.sendOptions),
      );
      const { Document, ...version } = out.PolicyVersion ?? {};
      defaultVersion = {
        ...toAssetAttributes(version),
        ...(Document !== undefined && { Document: parsePolicyDocument(Document) }),
      };
    } catch (err) {
      if (isNamed(err, ['NoSuchEntity'])) return null;
      throw ctx.fail(err, 'GetPolicyVersion');
    }
  }
  const { Tags, ...rest } = policy;
  return {
    assetType: IAM_POLICY_ASSET_TYPE,
    nativeId: arn,
    name: policy.PolicyName ?? arn,
    region: ctx.target.region,
    attributes: { ...toAssetAttributes(rest), ...(defaultVersion && { DefaultVersion: defaultVersion }) },
    tags: tagsToRecord(Tags),
    relations: [],
  };
}
