import {
  IAMClient,
  paginateGetAccountAuthorizationDetails,
  type AttachedPolicy,
  type EntityType,
  type GetAccountAuthorizationDetailsCommandOutput,
  type PolicyDetail,
  type RoleDetail,
} from '@aws-sdk/client-iam';
import type { TAssetRecord } from '@aispm/contracts';
import type { ServiceDiscoverer } from '../../types';
import { tagsToRecord, toAssetAttributes } from '../aws-attributes.mapper';
import { awsClientFor, type AwsClientClass } from '../clients';
import {
  infraDiscoverer,
  parsePolicyDocument,
  type InfraRun,
  type TAssetRelation,
} from './infra-discoverer.util';

export const IAM_ROLE_ASSET_TYPE = 'aws.iam.role';
export const IAM_POLICY_ASSET_TYPE = 'aws.iam.policy';
export const IAM_USER_ASSET_TYPE = 'aws.iam.user';

/** IAM is global and signs for us-east-1 whatever region the task names (`global`). */
export function iamClientFor(ctx: InfraRun): IAMClient {
  return awsClientFor(IAMClient as AwsClientClass<IAMClient>, ctx.target, {
    signingRegion: 'us-east-1',
    maxAttempts: ctx.opts.maxAttempts,
  });
}

/**
 * The pages of GetAccountAuthorizationDetails for one entity type: each page carries up to `pageSize` roles,
 * users or policies with their inline policy documents and attached policies, so an account of thousands of
 * roles is read in tens of calls instead of four or five per role.
 */
export async function* authorizationDetailPages(
  ctx: InfraRun,
  filter: EntityType,
): AsyncGenerator<GetAccountAuthorizationDetailsCommandOutput> {
  const client = iamClientFor(ctx);
  yield* paginateGetAccountAuthorizationDetails(
    { client, pageSize: ctx.pageSize },
    { Filter: [filter] },
    ctx.sendOptions,
  );
}

/** Inline policies as `{PolicyName, PolicyDocument}` with the URL-encoded documents decoded and parsed. */
export function inlinePolicies(list: readonly PolicyDetail[] | undefined): Record<string, unknown>[] {
  return (list ?? []).map((p) => ({
    ...(p.PolicyName !== undefined && { PolicyName: p.PolicyName }),
    ...(p.PolicyDocument !== undefined && { PolicyDocument: parsePolicyDocument(p.PolicyDocument) }),
  }));
}

/** Attached managed policies as returned, their ARNs, and an `attached_policy` edge to each. */
export function attachedPolicies(list: readonly AttachedPolicy[] | undefined): {
  AttachedManagedPolicies: Record<string, unknown>[];
  AttachedPolicyArns: string[];
  relations: TAssetRelation[];
} {
  const arns = (list ?? []).map((p) => p.PolicyArn).filter((arn): arn is string => arn !== undefined);
  return {
    AttachedManagedPolicies: (list ?? []).map((p) => toAssetAttributes(p)),
    AttachedPolicyArns: arns,
    relations: arns.map((arn) => ({
      kind: 'attached_policy',
      toAssetType: IAM_POLICY_ASSET_TYPE,
      toNativeId: arn,
    })),
  };
}

/**
 * IAM roles of the account from GetAccountAuthorizationDetails (Filter=Role): trust policy, inline policies
 * (documents decoded and parsed), attached managed policies, permissions boundary, tags and last use, a page
 * of roles per call. Relation: `attached_policy` to every attached managed policy ARN (AWS managed ones
 * included, which no listing of the account's own policies returns).
 */
export const iamRolesDiscoverer: ServiceDiscoverer<'aws'> = infraDiscoverer({
  service: 'iam.roles',
  assetType: IAM_ROLE_ASSET_TYPE,
  scope: 'global',
  iamPrefix: 'iam',
  listOperation: 'GetAccountAuthorizationDetails',
  async *run(ctx) {
    for await (const page of authorizationDetailPages(ctx, 'Role')) {
      yield (page.RoleDetailList ?? []).flatMap((role) => roleRecord(ctx, role));
    }
  },
});

function roleRecord(ctx: InfraRun, role: RoleDetail): TAssetRecord[] {
  if (!role.Arn) return [];
  const { Tags, AssumeRolePolicyDocument, RolePolicyList, AttachedManagedPolicies, ...rest } = role;
  const { relations, ...attached } = attachedPolicies(AttachedManagedPolicies);
  return [
    {
      assetType: IAM_ROLE_ASSET_TYPE,
      nativeId: role.Arn,
      name: role.RoleName ?? role.Arn,
      region: ctx.target.region,
      attributes: {
        ...toAssetAttributes(rest),
        ...(AssumeRolePolicyDocument !== undefined && {
          AssumeRolePolicyDocument: parsePolicyDocument(AssumeRolePolicyDocument),
        }),
        ...attached,
        InlinePolicies: inlinePolicies(RolePolicyList),
      },
      tags: tagsToRecord(Tags),
      relations,
    },
  ];
}
