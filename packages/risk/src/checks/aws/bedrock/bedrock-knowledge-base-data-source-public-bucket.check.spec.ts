import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import {
  ALL_USERS_READ,
  bucketArn,
  bucketAsset,
  dataSourceAsset,
  KB_BUCKET,
  rel,
  webDataSource,
} from './testing';
import { bedrockKnowledgeBaseDataSourcePublicBucket as check } from './bedrock-knowledge-base-data-source-public-bucket.check';

const ds = dataSourceAsset();
const edge = rel(ds, 'reads_data', bucketArn(KB_BUCKET));

describe(check.id, () => {
  it('passes when the bucket blocks public access', () => {
    expect(run(check, ds, { assets: [bucketAsset(KB_BUCKET)], relations: [edge] }).status).toBe('pass');
  });

  it('fails when the bucket ACL grants AllUsers READ without a public access block', () => {
    const open = bucketAsset(KB_BUCKET, {
      PublicAccessBlock: undefined,
      Acl: { Owner: { ID: 'o' }, Grants: [ALL_USERS_READ] },
    });
    expect(run(check, ds, { assets: [open], relations: [edge] })).toEqual({
      status: 'fail',
      evidence: {
        publicBuckets: [
          {
            bucket: bucketArn(KB_BUCKET),
            'PolicyStatus.IsPublic': null,
            PublicAccessBlock: null,
            publicAclGrants: [
              `${(ALL_USERS_READ as { Grantee: { URI: string } }).Grantee.URI} ${(ALL_USERS_READ as { Permission: string }).Permission}`,
            ],
          },
        ],
      },
    });
  });

  it('is unknown for a bucket of another account that is not in the inventory', () => {
    expect(run(check, ds, { relations: [edge] })).toEqual({
      status: 'unknown',
      missing: [`aws.s3.bucket ${bucketArn(KB_BUCKET)} (not in the inventory)`],
    });
  });

  it('is unknown when the bucket ACL was not read', () => {
    // IgnorePublicAcls off: an ACL that was not read could grant anyone access.
    const { Acl: _acl, ...noAcl } = bucketAsset(KB_BUCKET, { PublicAccessBlock: undefined }).attributes;
    const bucket = { ...bucketAsset(KB_BUCKET), attributes: noAcl };
    expect(run(check, ds, { assets: [bucket], relations: [edge] })).toEqual({
      status: 'unknown',
      missing: [`${bucketArn(KB_BUCKET)} Acl`],
    });
  });

  it('does not apply to a web crawler data source', () => {
    expect(run(check, dataSourceAsset(webDataSource))).toEqual({
      status: 'not_applicable',
      reason: 'The data source is of type WEB, not S3.',
    });
  });
});
