import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  paginateListAliases,
  paginateListKeys,
  paginateListResourceTags,
  type KeyListEntry,
} from '@aws-sdk/client-kms';
import type { TAssetRecord } from '@aispm/contracts';
import { mapWithConcurrency } from '../../concurrency.util';
import type { ServiceDiscoverer } from '../../types';
import { toAssetAttributes } from '../aws-attributes.mapper';
import { awsClientFor, type AwsClientClass } from '../clients';
import {
  errorName,
  infraDiscoverer,
  isAccessDenied,
  isNamed,
  ITEM_CONCURRENCY,
  nonNull,
  parsePolicyDocument,
  type InfraRun,
  type UnreadableField,
} from './infra-discoverer.util';

export const KMS_KEY_ASSET_TYPE = 'aws.kms.key';

/**
 * KMS keys of one region: ListAliases once (to name keys), then ListKeys page by page and for each key
 * DescribeKey (KeyManager tells customer managed from AWS managed), GetKeyRotationStatus, GetKeyPolicy and,
 * for customer managed keys, ListResourceTags. A key deleted between the listing and DescribeKey is skipped.
 * A refused or unsupported sub-call (rotation of a key with imported material, a key policy that does not
 * grant the scanner) leaves its fields out and is listed in `attributes.unreadable`.
 */
export const kmsKeysDiscoverer: ServiceDiscoverer<'aws'> = infraDiscoverer({
  service: 'kms.keys',
  assetType: KMS_KEY_ASSET_TYPE,
  scope: 'regional',
  iamPrefix: 'kms',
  listOperation: 'ListKeys',
  async *run(ctx) {
    const client = awsClientFor(KMSClient as AwsClientClass<KMSClient>, ctx.target, {
      maxAttempts: ctx.opts.maxAttempts,
    });
    const aliases = new Map<string, string[]>();
    try {
      for await (const page of paginateListAliases({ client, pageSize: ctx.pageSize }, {}, ctx.sendOptions)) {
        for (const a of page.Aliases ?? []) {
          if (!a.TargetKeyId || !a.AliasName) continue;
          aliases.set(a.TargetKeyId, [...(aliases.get(a.TargetKeyId) ?? []), a.AliasName]);
        }
      }
    } catch (err) {
      throw ctx.fail(err, 'ListAliases');
    }
    for await (const page of paginateListKeys({ client, pageSize: ctx.pageSize }, {}, ctx.sendOptions)) {
      const records = await mapWithConcurrency(page.Keys ?? [], ITEM_CONCURRENCY, (key) =>
        describeKey(ctx, client, key, aliases),
      );
      yield nonNull(records);
    }
  },
});

async function describeKey(
  ctx: InfraRun,
  client: KMSClient,
  key: KeyListEntry,
  aliases: Map<string, string[]>,
): Promise<TAssetRecord | null> {
  const keyId = key.KeyArn ?? key.KeyId;
  if (!keyId) return null;
  const gone = (err: unknown) => isNamed(err, ['NotFoundException']);
  let metadata;
  try {
    metadata = (await ctx.limit(() => client.send(new DescribeKeyCommand({ KeyId: keyId }), ctx.sendOptions)))
      .KeyMetadata;
  } catch (err) {
    if (gone(err)) return null;
    throw ctx.fail(err, 'DescribeKey');
  }
  if (!metadata?.Arn) return null;

  const unreadable: UnreadableField[] = [];
  const optional = async <T>(
    field: string,
    operation: string,
    call: () => Promise<T>,
  ): Promise<T | undefined> => {
    try {
      return await ctx.limit(call);
    } catch (err) {
      if (gone(err)) throw err;
      if (
        isAccessDenied(err) ||
        isNamed(err, ['UnsupportedOperationException', 'KMSInvalidStateException'])
      ) {
        unreadable.push({ field, operation, error: errorName(err) ?? 'Error' });
        return undefined;
      }
      throw ctx.fail(err, operation);
    }
  };
  const customer = metadata.KeyManager === 'CUSTOMER';
  let rotation, policy, tags;
  try {
    [rotation, policy, tags] = await Promise.all([
      optional('KeyRotationEnabled', 'GetKeyRotationStatus', () =>
        client.send(new GetKeyRotationStatusCommand({ KeyId: keyId }), ctx.sendOptions),
      ),
      optional('KeyPolicy', 'GetKeyPolicy', () =>
        client.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default' }), ctx.sendOptions),
      ),
      customer
        ? optional('Tags', 'ListResourceTags', async () => {
            const all: Record<string, string> = {};
            for await (const p of paginateListResourceTags({ client }, { KeyId: keyId }, ctx.sendOptions)) {
              for (const t of p.Tags ?? []) if (t.TagKey !== undefined) all[t.TagKey] = t.TagValue ?? '';
            }
            return all;
          })
        : Promise.resolve(undefined),
    ]);
  } catch (err) {
    if (gone(err)) return null;
    throw err;
  }
  const alias = aliases.get(metadata.KeyId ?? '') ?? [];
  return {
    assetType: KMS_KEY_ASSET_TYPE,
    nativeId: metadata.Arn,
    name: alias[0] ?? metadata.KeyId ?? metadata.Arn,
    region: ctx.target.region,
    attributes: {
      ...toAssetAttributes(metadata),
      Aliases: alias,
      ...(rotation?.KeyRotationEnabled !== undefined && { KeyRotationEnabled: rotation.KeyRotationEnabled }),
      ...(rotation?.RotationPeriodInDays !== undefined && {
        RotationPeriodInDays: rotation.RotationPeriodInDays,
      }),
      ...(rotation?.NextRotationDate !== undefined && {
        NextRotationDate: rotation.NextRotationDate.toISOString(),
      }),
      ...(policy?.Policy !== undefined && { KeyPolicy: parsePolicyDocument(policy.Policy) }),
      ...(unreadable.length > 0 && { unreadable }),
    },
    tags: tags ?? {},
    relations: [],
  };
}
