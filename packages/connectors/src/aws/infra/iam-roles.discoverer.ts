import {
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  paginateListAttachedRolePolicies,
  paginateListRolePolicies,
  paginateListRoles,
  type AttachedPolicy,
  type Role,
} from '@aws-sdk/client-iam';
import type { TAssetRecord } from '@aispm/contracts';
import { mapWithConcurrency } from '../../concurrency.util';
import type { ServiceDiscoverer } from '../../types';
import { tagsToRecord, toAssetAttributes } from '../aws-attributes.mapper';
import { awsClientFor, type AwsClientClass } from '../clients';
import {
  infraDiscoverer,
  isNamed,
  ITEM_CONCURRENCY,
  nonNull,
  parsePolicyDocument,
  type InfraRun,
} from './infra-discoverer.util';

export const IAM_ROLE_ASSET_TYPE = 'aws.iam.role';
export const IAM_POLICY_ASSET_TYPE = 'aws.iam.policy';

/** IAM is global and signs for us-east-1 whatever region the task names (`global`). */
export function iamClientFor(ctx: InfraRun): IAMClient {
  return awsClientFor(IAMClient as AwsClientClass<IAMClient>, ctx.target, {
    signingRegion: 'us-east-1',
    maxAttempts: ctx.opts.maxAttempts,
  });
}

/**
 * IAM roles of the account: ListRoles page by page, then for each role GetRole (last use, boundary, tags),
 * its attached managed policies and its inline policies with their documents. Trust and inline policy
 * documents, which IAM returns URL-encoded, are stored decoded and parsed. A role deleted between the listing
 * and GetRole is skipped. Relation: `attached_policy` to every attached managed policy ARN (AWS managed ones
 * included, which no listing of the account returns).
 */
export const iamRolesDiscoverer: ServiceDiscoverer<'aws'> = infraDiscoverer({
  service: 'iam.roles',
  assetType: IAM_ROLE_ASSET_TYPE,
  scope: 'global',
  iamPrefix: 'iam',
  listOperation: 'ListRoles',
  async *run(ctx) {
    const client = iamClientFor(ctx);
    const pages = paginateListRoles({ client, pageSize: ctx.pageSize }, {}, ctx.sendOptions);
    for await (const page of pages) {
      const records = await mapWithConcurrency(page.Roles ?? [], ITEM_CONCURRENCY, (role) =>
        describeRole(ctx, client, role),
      );
      yield nonNull(records);
    }
  },
});

async function describeRole(ctx: InfraRun, client: IAMClient, listed: Role): Promise<TAssetRecord | null> {
  const roleName = listed.RoleName;
  if (!roleName) return null;
  const gone = (err: unknown) => isNamed(err, ['NoSuchEntity']);
  let role: Role | undefined;
  try {
    role = (await ctx.limit(() => client.send(new GetRoleCommand({ RoleName: roleName }), ctx.sendOptions)))
      .Role;
  } catch (err) {
    if (gone(err)) return null;
    throw ctx.fail(err, 'GetRole');
  }
  if (!role?.Arn) return null;

  const attached: AttachedPolicy[] = [];
  const inlineNames: string[] = [];
  try {
    await ctx.limit(async () => {
      attached.length = 0;
      for await (const p of paginateListAttachedRolePolicies(
        { client },
        { RoleName: roleName },
        ctx.sendOptions,
      )) {
        attached.push(...(p.AttachedPolicies ?? []));
      }
    });
  } catch (err) {
    if (gone(err)) return null;
    throw ctx.fail(err, 'ListAttachedRolePolicies');
  }
  try {
    await ctx.limit(async () => {
      inlineNames.length = 0;
      for await (const p of paginateListRolePolicies({ client }, { RoleName: roleName }, ctx.sendOptions)) {
        inlineNames.push(...(p.PolicyNames ?? []));
      }
    });
  } catch (err) {
    if (gone(err)) return null;
    throw ctx.fail(err, 'ListRolePolicies');
  }
  const inline = await Promise.all(
    inlineNames.map(async (policyName) => {
      try {
        const out = await ctx.limit(() =>
          client.send(
            new GetRolePolicyCommand({ RoleName: roleName, PolicyName: policyName }),
            ctx.sendOptions,
          ),
        );
        return {
          PolicyName: policyName,
          ...(out.PolicyDocument !== undefined && {
            PolicyDocument: parsePolicyDocument(out.PolicyDocument),
          }),
        };
      } catch (err) {
        // Deleted since ListRolePolicies: the role no longer has it.
        if (gone(err)) return null;
        throw ctx.fail(err, 'GetRolePolicy');
      }
    }),
  );

  const { Tags, AssumeRolePolicyDocument, ...rest } = role;
  const policyArns = attached.map((p) => p.PolicyArn).filter((arn): arn is string => arn !== undefined);
  return {
    assetType: IAM_ROLE_ASSET_TYPE,
    nativeId: role.Arn,
    name: role.RoleName ?? roleName,
    region: ctx.target.region,
    attributes: {
      ...toAssetAttributes(rest),
      ...(AssumeRolePolicyDocument !== undefined && {
        AssumeRolePolicyDocument: parsePolicyDocument(AssumeRolePolicyDocument),
      }),
      AttachedManagedPolicies: attached.map((p) => toAssetAttributes(p)),
      AttachedPolicyArns: policyArns,
      InlinePolicies: nonNull(inline),
    },
    tags: tagsToRecord(Tags),
    relations: policyArns.map((arn) => ({
      kind: 'attached_policy',
      toAssetType: IAM_POLICY_ASSET_TYPE,
      toNativeId: arn,
    })),
  };
}
