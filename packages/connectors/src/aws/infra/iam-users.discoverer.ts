import {
  ListServiceSpecificCredentialsCommand,
  paginateListAccessKeys,
  type AccessKeyMetadata,
  type ServiceSpecificCredentialMetadata,
  type UserDetail,
} from '@aws-sdk/client-iam';
import type { TAssetRecord } from '@aispm/contracts';
import { mapWithConcurrency } from '../../concurrency.util';
import type { ServiceDiscoverer } from '../../types';
import { maskAccessKeyId } from '../aws-error.mapper';
import { tagsToRecord, toAssetAttributes } from '../aws-attributes.mapper';
import { infraDiscoverer, isNamed, ITEM_CONCURRENCY, nonNull, type InfraRun } from './infra-discoverer.util';
import {
  attachedPolicies,
  authorizationDetailPages,
  iamClientFor,
  IAM_USER_ASSET_TYPE,
  inlinePolicies,
} from './iam-roles.discoverer';

/**
 * IAM users from GetAccountAuthorizationDetails (Filter=User) with their inline and attached policies, then
 * per user their long-term credentials: access keys (ListAccessKeys; the key id masked, the secret is never
 * readable) and service-specific credentials such as Bedrock API keys (ListServiceSpecificCredentials, kept as
 * returned: ExpirationDate is present only for keys created with an expiry). A user deleted since the listing
 * is skipped. Relation: `attached_policy` to every attached managed policy.
 */
export const iamUsersDiscoverer: ServiceDiscoverer<'aws'> = infraDiscoverer({
  service: 'iam.users',
  assetType: IAM_USER_ASSET_TYPE,
  scope: 'global',
  iamPrefix: 'iam',
  listOperation: 'GetAccountAuthorizationDetails',
  async *run(ctx) {
    for await (const page of authorizationDetailPages(ctx, 'User')) {
      const records = await mapWithConcurrency(page.UserDetailList ?? [], ITEM_CONCURRENCY, (user) =>
        userRecord(ctx, user),
      );
      yield nonNull(records);
    }
  },
});

async function userRecord(ctx: InfraRun, user: UserDetail): Promise<TAssetRecord | null> {
  const userName = user.UserName;
  if (!user.Arn || !userName) return null;
  const client = iamClientFor(ctx);
  const gone = (err: unknown) => isNamed(err, ['NoSuchEntity']);
  let keys: AccessKeyMetadata[];
  let credentials: ServiceSpecificCredentialMetadata[];
  try {
    keys = await ctx.limit(async () => {
      const out: AccessKeyMetadata[] = [];
      for await (const p of paginateListAccessKeys({ client }, { UserName: userName }, ctx.sendOptions)) {
        out.push(...(p.AccessKeyMetadata ?? []));
      }
      return out;
    });
  } catch (err) {
    if (gone(err)) return null;
    throw ctx.fail(err, 'ListAccessKeys');
  }
  try {
    credentials = await ctx.limit(async () => {
      // The SDK has no paginator for this one: follow Marker while IsTruncated.
      const out: ServiceSpecificCredentialMetadata[] = [];
      let marker: string | undefined;
      do {
        const p = await client.send(
          new ListServiceSpecificCredentialsCommand({
            UserName: userName,
            ...(marker && { Marker: marker }),
          }),
          ctx.sendOptions,
        );
        out.push(...(p.ServiceSpecificCredentials ?? []));
        marker = p.IsTruncated ? p.Marker : undefined;
      } while (marker);
      return out;
    });
  } catch (err) {
    if (gone(err)) return null;
    throw ctx.fail(err, 'ListServiceSpecificCredentials');
  }

  const { Tags, UserPolicyList, AttachedManagedPolicies, ...rest } = user;
  const { relations, ...attached } = attachedPolicies(AttachedManagedPolicies);
  return {
    assetType: IAM_USER_ASSET_TYPE,
    nativeId: user.Arn,
    name: userName,
    region: ctx.target.region,
    attributes: {
      ...toAssetAttributes(rest),
      ...attached,
      InlinePolicies: inlinePolicies(UserPolicyList),
      AccessKeys: keys.map(({ AccessKeyId, ...k }) => ({
        ...toAssetAttributes(k),
        ...(AccessKeyId !== undefined && { AccessKeyId: maskAccessKeyId(AccessKeyId) }),
      })),
      ServiceSpecificCredentials: credentials.map((c) => toAssetAttributes(c)),
    },
    tags: tagsToRecord(Tags),
    relations,
  };
}
