import { randomBytes, randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { AwsJsonError } from '../aws-json.protocol';
import { decodePageToken } from '../page-token.codec';
import type { AwsCall, AwsService } from '../services';
import { SIM_CANONICAL_USER_ID, type AclGrant, type BucketSubResource, type SimBucket } from './estate';
import { linkAwsInfraReferences } from './links';
import {
  authorize,
  el,
  esc,
  faults,
  isoMs,
  leaf,
  pageOf,
  pageSize,
  translateError,
  type ErrorDialect,
} from './xml.protocol';

const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** Bucket operations by the sub-resource query key that selects them, with the IAM action each needs. */
const BUCKET_OPERATIONS = {
  location: { op: 'GetBucketLocation', action: 's3:GetBucketLocation' },
  policy: { op: 'GetBucketPolicy', action: 's3:GetBucketPolicy' },
  policyStatus: { op: 'GetBucketPolicyStatus', action: 's3:GetBucketPolicyStatus' },
  publicAccessBlock: { op: 'GetPublicAccessBlock', action: 's3:GetBucketPublicAccessBlock' },
  encryption: { op: 'GetBucketEncryption', action: 's3:GetEncryptionConfiguration' },
  versioning: { op: 'GetBucketVersioning', action: 's3:GetBucketVersioning' },
  logging: { op: 'GetBucketLogging', action: 's3:GetBucketLogging' },
  tagging: { op: 'GetBucketTagging', action: 's3:GetBucketTagging' },
  acl: { op: 'GetBucketAcl', action: 's3:GetBucketAcl' },
} as const;
type SubResource = keyof typeof BUCKET_OPERATIONS;

export const S3_OPERATIONS = ['ListBuckets', ...Object.values(BUCKET_OPERATIONS).map((o) => o.op)];
export const S3_LISTING_OPERATIONS = ['ListBuckets'];

const S3_DIALECT: ErrorDialect = {
  throttling: { status: 503, code: 'SlowDown', message: 'Please reduce your request rate.' },
  internal: { status: 500, code: 'InternalError' },
  unknownKey: {
    status: 403,
    code: 'InvalidAccessKeyId',
    message: 'The AWS Access Key Id you provided does not exist in our records.',
  },
  badSignature: { status: 403, code: 'SignatureDoesNotMatch' },
  accessDenied: { status: 403, code: 'AccessDenied' },
};

/** An S3 error with the extra members S3 puts in its `<Error>` body. */
class S3Error extends AwsJsonError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly extra: Record<string, string> = {},
  ) {
    super(status, code, message);
  }
}

const notFound = (code: string, message: string, bucket: string) =>
  new S3Error(404, code, message, { BucketName: bucket });

function sendS3(res: ServerResponse, status: number, body: string, contentType = 'application/xml'): void {
  if (res.destroyed || res.headersSent) return;
  const payload =
    contentType === 'application/xml' ? `<?xml version="1.0" encoding="UTF-8"?>\n${body}` : body;
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(payload),
    'x-amz-request-id': randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase(),
    'x-amz-id-2': randomBytes(48).toString('base64'),
  });
  res.end(payload);
}

function sendS3Error(res: ServerResponse, raw: AwsJsonError): void {
  const err = translateError(raw, S3_DIALECT);
  const extra = raw instanceof S3Error ? raw.extra : {};
  const body = el(
    'Error',
    leaf('Code', err.type),
    leaf('Message', err.message),
    ...Object.entries(extra).map(([k, v]) => leaf(k, v)),
    leaf('RequestId', randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase()),
  );
  sendS3(res, err.status, body);
}

const xmlns = (name: string, ...children: string[]) =>
  `<${name} xmlns="${S3_XMLNS}">${children.join('')}</${name}>`;

function grantXml(g: AclGrant): string {
  const grantee =
    g.grantee.type === 'CanonicalUser'
      ? leaf('ID', g.grantee.id) + leaf('DisplayName', g.grantee.displayName)
      : leaf('URI', g.grantee.uri);
  return el(
    'Grant',
    `<Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="${g.grantee.type}">${grantee}</Grantee>`,
    leaf('Permission', g.permission),
  );
}

const bool = (v: boolean) => String(v);

function answer(sub: SubResource, bucket: SimBucket): { body: string; contentType?: string } {
  switch (sub) {
    case 'location':
      return {
        body:
          bucket.region === 'us-east-1'
            ? `<LocationConstraint xmlns="${S3_XMLNS}"/>`
            : xmlns('LocationConstraint', esc(bucket.region)),
      };
    case 'policy':
      if (bucket.policyText === undefined) {
        throw notFound('NoSuchBucketPolicy', 'The bucket policy does not exist', bucket.name);
      }
      return { body: bucket.policyText, contentType: 'application/json' };
    case 'policyStatus':
      if (bucket.policyText === undefined) {
        throw notFound('NoSuchBucketPolicy', 'The bucket policy does not exist', bucket.name);
      }
      return { body: xmlns('PolicyStatus', leaf('IsPublic', bucket.policyIsPublic ?? false)) };
    case 'publicAccessBlock': {
      const b = bucket.publicAccessBlock;
      if (!b) {
        throw notFound(
          'NoSuchPublicAccessBlockConfiguration',
          'The public access block configuration was not found',
          bucket.name,
        );
      }
      return {
        body: xmlns(
          'PublicAccessBlockConfiguration',
          leaf('BlockPublicAcls', bool(b.BlockPublicAcls)),
          leaf('IgnorePublicAcls', bool(b.IgnorePublicAcls)),
          leaf('BlockPublicPolicy', bool(b.BlockPublicPolicy)),
          leaf('RestrictPublicBuckets', bool(b.RestrictPublicBuckets)),
        ),
      };
    }
    case 'encryption': {
      const e = bucket.encryption;
      if (!e) {
        throw notFound(
          'ServerSideEncryptionConfigurationNotFoundError',
          'The server side encryption configuration was not found',
          bucket.name,
        );
      }
      return {
        body: xmlns(
          'ServerSideEncryptionConfiguration',
          el(
            'Rule',
            el(
              'ApplyServerSideEncryptionByDefault',
              leaf('SSEAlgorithm', e.SSEAlgorithm),
              leaf('KMSMasterKeyID', e.KMSMasterKeyID),
            ),
            leaf('BucketKeyEnabled', e.BucketKeyEnabled),
          ),
        ),
      };
    }
    case 'versioning':
      // Never configured: an empty element, no Status.
      return {
        body: bucket.versioning
          ? xmlns(
              'VersioningConfiguration',
              leaf('Status', bucket.versioning.Status),
              leaf('MfaDelete', bucket.versioning.MfaDelete),
            )
          : `<VersioningConfiguration xmlns="${S3_XMLNS}"/>`,
      };
    case 'logging':
      return {
        body: bucket.logging
          ? xmlns(
              'BucketLoggingStatus',
              el(
                'LoggingEnabled',
                leaf('TargetBucket', bucket.logging.TargetBucket),
                leaf('TargetPrefix', bucket.logging.TargetPrefix),
              ),
            )
          : `<BucketLoggingStatus xmlns="${S3_XMLNS}"/>`,
      };
    case 'tagging':
      if (!bucket.tags || bucket.tags.length === 0)
        throw notFound('NoSuchTagSet', 'The TagSet does not exist', bucket.name);
      return {
        body: xmlns(
          'Tagging',
          el('TagSet', ...bucket.tags.map((t) => el('Tag', leaf('Key', t.Key), leaf('Value', t.Value)))),
        ),
      };
    case 'acl':
      return {
        body: xmlns(
          'AccessControlPolicy',
          el('Owner', leaf('ID', SIM_CANONICAL_USER_ID), leaf('DisplayName', 'aispm-sim')),
          el('AccessControlList', ...bucket.grants.map(grantXml)),
        ),
      };
  }
}

const DENIABLE: Partial<Record<SubResource, BucketSubResource>> = {
  policy: 'policy',
  policyStatus: 'policyStatus',
  publicAccessBlock: 'publicAccessBlock',
  encryption: 'encryption',
  tagging: 'tagging',
};

async function listBuckets(call: AwsCall): Promise<void> {
  const q = call.url.searchParams;
  authorize(call, 's3:ListAllMyBuckets');
  const token = q.get('continuation-token');
  await faults(call, 's3', 'ListBuckets', token ? (decodePageToken(token)?.page ?? 1) : 1, S3_DIALECT);
  const estate = linkAwsInfraReferences(call.estate);
  const invalid = (message: string) => new S3Error(400, 'InvalidArgument', message);
  const max = pageSize(q.get('max-buckets'), 10_000, 10_000, invalid);
  const page = pageOf(estate.buckets, token, max, () =>
    invalid('The continuation token provided is incorrect'),
  );
  const body = xmlns(
    'ListAllMyBucketsResult',
    el('Owner', leaf('ID', SIM_CANONICAL_USER_ID), leaf('DisplayName', 'aispm-sim')),
    el(
      'Buckets',
      ...page.items.map((b) =>
        el(
          'Bucket',
          leaf('Name', b.name),
          leaf('CreationDate', isoMs(b.CreationDateMs)),
          leaf('BucketRegion', b.region),
        ),
      ),
    ),
    page.next ? leaf('ContinuationToken', page.next) : '',
  );
  sendS3(call.res, 200, body);
}

/** Amazon S3 control of buckets (no objects): REST-XML with path-style addressing (`/bucket?policy`). */
export const s3Service: AwsService = {
  signingName: 's3',
  sendError: sendS3Error,
  async handle(call) {
    const { req, url } = call;
    const segments = url.pathname.split('/').filter((s) => s !== '');
    if (req.method !== 'GET' || segments.length > 1) {
      throw new S3Error(
        405,
        'MethodNotAllowed',
        `The simulator serves bucket reads only, not ${req.method} ${url.pathname}`,
      );
    }
    if (segments.length === 0) {
      call.note.target = 's3.ListBuckets';
      return listBuckets(call);
    }
    const name = decodeURIComponent(segments[0]!);
    const sub = (Object.keys(BUCKET_OPERATIONS) as SubResource[]).find((k) => url.searchParams.has(k));
    if (!sub) {
      throw new S3Error(
        405,
        'MethodNotAllowed',
        'The simulator serves bucket sub-resources only (e.g. ?policy)',
      );
    }
    const { op, action } = BUCKET_OPERATIONS[sub];
    call.note.target = `s3.${op}`;
    authorize(call, action, `arn:aws:s3:::${name}`);
    await faults(call, 's3', op, undefined, S3_DIALECT);
    const bucket = linkAwsInfraReferences(call.estate).bucketsByName.get(name);
    if (!bucket) throw notFound('NoSuchBucket', 'The specified bucket does not exist', name);
    // GetBucketLocation answers from any region; everything else must be signed for the bucket's region.
    if (sub !== 'location' && call.region !== bucket.region) {
      throw new S3Error(
        400,
        'AuthorizationHeaderMalformed',
        `The authorization header is malformed; the region '${call.region}' is wrong; expecting '${bucket.region}'`,
        { Region: bucket.region },
      );
    }
    const deniable = DENIABLE[sub];
    if (deniable && bucket.denied?.includes(deniable)) {
      throw new S3Error(
        403,
        'AccessDenied',
        `User: ${call.identity.userArn} is not authorized to perform: ${action} on resource: "arn:aws:s3:::${name}" with an explicit deny in a resource-based policy`,
      );
    }
    const { body, contentType } = answer(sub, bucket);
    sendS3(call.res, 200, body, contentType);
  },
};
