import type { ManagedPolicyDetail } from '@aws-sdk/client-iam';
import type { TAssetRecord } from '@aispm/contracts';
import type { ServiceDiscoverer } from '../../types';
import { toAssetAttributes } from '../aws-attributes.mapper';
import { infraDiscoverer, parsePolicyDocument, type InfraRun } from './infra-discoverer.util';
import { authorizationDetailPages, IAM_POLICY_ASSET_TYPE } from './iam-roles.discoverer';

/**
 * Customer managed IAM policies from GetAccountAuthorizationDetails (Filter=LocalManagedPolicy), each with the
 * document of its default version decoded and parsed: the default version is the one IAM enforces, which is
 * not always the newest. The other versions' documents are not kept.
 */
export const iamPoliciesDiscoverer: ServiceDiscoverer<'aws'> = infraDiscoverer({
  service: 'iam.policies',
  assetType: IAM_POLICY_ASSET_TYPE,
  scope: 'global',
  iamPrefix: 'iam',
  listOperation: 'GetAccountAuthorizationDetails',
  async *run(ctx) {
    for await (const page of authorizationDetailPages(ctx, 'LocalManagedPolicy')) {
      yield (page.Policies ?? []).flatMap((policy) => policyRecord(ctx, policy));
    }
  },
});

function policyRecord(ctx: InfraRun, policy: ManagedPolicyDetail): TAssetRecord[] {
  if (!policy.Arn) return [];
  const { PolicyVersionList, ...rest } = policy;
  const current = PolicyVersionList?.find((v) => v.IsDefaultVersion === true);
  let defaultVersion: Record<string, unknown> | undefined;
  if (current) {
    const { Document, ...version } = current;
    defaultVersion = {
      ...toAssetAttributes(version),
      ...(Document !== undefined && { Document: parsePolicyDocument(Document) }),
    };
  }
  return [
    {
      assetType: IAM_POLICY_ASSET_TYPE,
      nativeId: policy.Arn,
      name: policy.PolicyName ?? policy.Arn,
      region: ctx.target.region,
      attributes: { ...toAssetAttributes(rest), ...(defaultVersion && { DefaultVersion: defaultVersion }) },
      // Neither this nor ListPolicies carries tags (ListPolicyTags would be one more call per policy).
      tags: {},
      relations: [],
    },
  ];
}
