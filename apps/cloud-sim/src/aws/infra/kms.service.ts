import {
  AwsJsonError,
  readAwsJsonCall,
  sendAwsJson,
  sendAwsJsonError,
  serializationError,
  validationError,
} from '../aws-json.protocol';
import { decodePageToken } from '../page-token.codec';
import type { AwsCall, AwsService } from '../services';
import type { AwsInfraEstate, SimKmsKey } from './estate';
import { linkAwsInfraReferences } from './links';
import { authorize, faults, pageOf, translateError, type ErrorDialect } from './xml.protocol';

export const KMS_OPERATIONS = [
  'ListKeys',
  'DescribeKey',
  'GetKeyRotationStatus',
  'ListAliases',
  'GetKeyPolicy',
  'ListResourceTags',
] as const;
export const KMS_LISTING_OPERATIONS = ['ListKeys', 'ListAliases', 'ListResourceTags'] as const;
type KmsOperation = (typeof KMS_OPERATIONS)[number];
type Input = Record<string, unknown>;

const KMS_DIALECT: ErrorDialect = {
  throttling: { status: 400, code: 'ThrottlingException', message: 'Rate exceeded' },
  internal: { status: 500, code: 'KMSInternalException' },
  unknownKey: {
    status: 400,
    code: 'UnrecognizedClientException',
    message: 'The security token included in the request is invalid.',
  },
  badSignature: { status: 400, code: 'InvalidSignatureException' },
  accessDenied: { status: 400, code: 'AccessDeniedException' },
};

const seconds = (ms: number) => ms / 1000;
const notFound = (id: string) => new AwsJsonError(400, 'NotFoundException', `Key '${id}' does not exist`);

interface Ctx {
  estate: AwsInfraEstate;
  region: string;
  accountId: string;
}

function str(input: Input, name: string): string | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw serializationError(`${name} must be a string`);
  return v;
}

function limit(input: Input): number {
  const v = input.Limit;
  if (v === undefined || v === null) return 100;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 1000) {
    throw validationError(
      `1 validation error detected: Value '${String(v)}' at 'limit' failed to satisfy constraint: Member must have value between 1 and 1000`,
    );
  }
  return v;
}

function page<T>(input: Input, items: readonly T[]) {
  return pageOf(
    items,
    str(input, 'Marker'),
    limit(input),
    () => new AwsJsonError(400, 'InvalidMarkerException', 'Invalid marker'),
  );
}

/** A key by id, key ARN, alias name or alias ARN, in the request's region only (as KMS does). */
function resolveKey(ctx: Ctx, input: Input): SimKmsKey {
  const id = str(input, 'KeyId');
  if (!id)
    throw validationError(
      "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null",
    );
  const keys = ctx.estate.keys[ctx.region] ?? [];
  let keyId = id;
  const arnPrefix = `arn:aws:kms:${ctx.region}:${ctx.accountId}:`;
  if (id.startsWith('arn:')) {
    if (!id.startsWith(arnPrefix)) throw notFound(id);
    keyId = id.slice(arnPrefix.length);
  }
  if (keyId.startsWith('alias/')) {
    const key = keys.find((k) => k.aliases.includes(keyId));
    if (!key || !ctx.estate.keysById.has(key.KeyId)) throw notFound(id);
    return key;
  }
  if (keyId.startsWith('key/')) keyId = keyId.slice('key/'.length);
  const key = ctx.estate.keysById.get(keyId);
  if (!key || key.region !== ctx.region) throw notFound(id);
  return key;
}

const aliasCache = new WeakMap<
  SimKmsKey[],
  { AliasName: string; AliasArn: string; TargetKeyId: string; CreationDateMs: number }[]
>();
function aliasesOf(ctx: Ctx) {
  const keys = ctx.estate.keys[ctx.region] ?? [];
  let aliases = aliasCache.get(keys);
  if (!aliases) {
    aliases = keys.flatMap((k) =>
      k.aliases.map((name) => ({
        AliasName: name,
        AliasArn: `arn:aws:kms:${ctx.region}:${ctx.accountId}:${name}`,
        TargetKeyId: k.KeyId,
        CreationDateMs: k.CreationDateMs,
      })),
    );
    aliases.sort((a, b) => (a.AliasName < b.AliasName ? -1 : a.AliasName > b.AliasName ? 1 : 0));
    aliasCache.set(keys, aliases);
  }
  return aliases;
}

const handlers: Record<KmsOperation, (input: Input, ctx: Ctx) => unknown> = {
  ListKeys: (input, ctx) => {
    const p = page(input, ctx.estate.keys[ctx.region] ?? []);
    return {
      Keys: p.items.map((k) => ({ KeyId: k.KeyId, KeyArn: k.Arn })),
      ...(p.next && { NextMarker: p.next }),
      Truncated: p.next !== undefined,
    };
  },
  DescribeKey: (input, ctx) => {
    const k = resolveKey(ctx, input);
    return {
      KeyMetadata: {
        AWSAccountId: ctx.accountId,
        KeyId: k.KeyId,
        Arn: k.Arn,
        CreationDate: seconds(k.CreationDateMs),
        Enabled: k.Enabled,
        Description: k.Description,
        KeyUsage: k.KeyUsage,
        KeyState: k.KeyState,
        ...(k.DeletionDateMs !== undefined && { DeletionDate: seconds(k.DeletionDateMs) }),
        Origin: k.Origin,
        KeyManager: k.KeyManager,
        CustomerMasterKeySpec: k.KeySpec,
        KeySpec: k.KeySpec,
        EncryptionAlgorithms: k.KeyUsage === 'ENCRYPT_DECRYPT' ? ['SYMMETRIC_DEFAULT'] : undefined,
        SigningAlgorithms: k.KeyUsage === 'SIGN_VERIFY' ? ['RSASSA_PSS_SHA_256'] : undefined,
        MultiRegion: k.MultiRegion,
      },
    };
  },
  GetKeyRotationStatus: (input, ctx) => {
    const k = resolveKey(ctx, input);
    if (k.Origin === 'EXTERNAL') {
      throw new AwsJsonError(
        400,
        'UnsupportedOperationException',
        `${k.Arn} origin is EXTERNAL which is not valid for this operation.`,
      );
    }
    const enabled = k.rotationEnabled && k.KeyState !== 'PendingDeletion';
    return {
      KeyRotationEnabled: enabled,
      KeyId: k.Arn,
      ...(enabled && { RotationPeriodInDays: 365 }),
    };
  },
  ListAliases: (input, ctx) => {
    const keyId = str(input, 'KeyId');
    const all = aliasesOf(ctx);
    const p = page(input, keyId ? all.filter((a) => a.TargetKeyId === resolveKey(ctx, input).KeyId) : all);
    return {
      Aliases: p.items.map((a) => ({
        AliasName: a.AliasName,
        AliasArn: a.AliasArn,
        TargetKeyId: a.TargetKeyId,
        CreationDate: seconds(a.CreationDateMs),
        LastUpdatedDate: seconds(a.CreationDateMs),
      })),
      ...(p.next && { NextMarker: p.next }),
      Truncated: p.next !== undefined,
    };
  },
  GetKeyPolicy: (input, ctx) => {
    const k = resolveKey(ctx, input);
    const name = str(input, 'PolicyName') ?? 'default';
    if (name !== 'default') throw notFound(`${k.KeyId} policy ${name}`);
    return { Policy: k.policyText, PolicyName: 'default' };
  },
  ListResourceTags: (input, ctx) => {
    const k = resolveKey(ctx, input);
    const p = page(input, k.tags);
    return {
      Tags: p.items.map((t) => ({ TagKey: t.Key, TagValue: t.Value })),
      ...(p.next && { NextMarker: p.next }),
      Truncated: p.next !== undefined,
    };
  },
};

const isKmsOperation = (op: string): op is KmsOperation => (KMS_OPERATIONS as readonly string[]).includes(op);

/** AWS Key Management Service: awsJson1_1, `X-Amz-Target: TrentService.<Operation>`. */
export const kmsService: AwsService = {
  signingName: 'kms',
  sendError: (res, err) => sendAwsJsonError(res, translateError(err, KMS_DIALECT)),
  async handle(call: AwsCall) {
    const { op, input } = readAwsJsonCall(call, {
      name: 'KMS',
      targetPrefix: 'TrentService',
      isOperation: isKmsOperation,
    });
    const keyId = typeof input.KeyId === 'string' ? input.KeyId : undefined;
    authorize(
      call,
      `kms:${op}`,
      keyId?.startsWith('arn:')
        ? keyId
        : `arn:aws:kms:${call.region}:${call.estate.accountId}:key/${keyId ?? '*'}`,
    );
    const marker = typeof input.Marker === 'string' ? input.Marker : undefined;
    const listing = (KMS_LISTING_OPERATIONS as readonly string[]).includes(op);
    await faults(
      call,
      'kms',
      op,
      listing ? (marker ? (decodePageToken(marker)?.page ?? 1) : 1) : undefined,
      KMS_DIALECT,
    );
    const ctx: Ctx = {
      estate: linkAwsInfraReferences(call.estate),
      region: call.region,
      accountId: call.estate.accountId,
    };
    sendAwsJson(call.res, 200, handlers[op](input, ctx));
  },
};
