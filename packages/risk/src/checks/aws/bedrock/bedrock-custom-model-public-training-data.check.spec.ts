import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import {
  ALL_USERS_READ,
  bucketArn,
  bucketAsset,
  customModelAsset,
  PUBLIC_READ_POLICY,
  rel,
  TRAINING_BUCKET,
} from './testing';
import { bedrockCustomModelPublicTrainingData as check } from './bedrock-custom-model-public-training-data.check';

const model = customModelAsset();
const edge = rel(model, 'reads_data', bucketArn(TRAINING_BUCKET));
const privateBucket = bucketAsset(TRAINING_BUCKET);

describe(check.id, () => {
  it('passes when the training bucket is private', () => {
    expect(run(check, model, { assets: [privateBucket], relations: [edge] })).toEqual({
      status: 'pass',
      evidence: {
        buckets: [
          {
            bucket: bucketArn(TRAINING_BUCKET),
            'PolicyStatus.IsPublic': null,
            PublicAccessBlock: privateBucket.attributes.PublicAccessBlock,
            publicAclGrants: [],
          },
        ],
      },
    });
  });

  it('fails when the bucket policy is public and no public access block restricts it', () => {
    const open = bucketAsset(TRAINING_BUCKET, {
      Policy: PUBLIC_READ_POLICY,
      PolicyStatus: { IsPublic: true },
      PublicAccessBlock: undefined,
    });
    expect(run(check, model, { assets: [open], relations: [edge] })).toEqual({
      status: 'fail',
      evidence: {
        publicBuckets: [
          {
            bucket: bucketArn(TRAINING_BUCKET),
            'PolicyStatus.IsPublic': true,
            PublicAccessBlock: null,
            publicAclGrants: [],
          },
        ],
      },
    });
  });

  it('fails when the ACL grants AllUsers and IgnorePublicAcls is off', () => {
    const acl = bucketAsset(TRAINING_BUCKET, {
      PublicAccessBlock: undefined,
      Acl: { Owner: { ID: 'o' }, Grants: [ALL_USERS_READ] },
    });
    expect(run(check, model, { assets: [acl], relations: [edge] }).status).toBe('fail');
  });

  it('passes when RestrictPublicBuckets and IgnorePublicAcls neutralise a public policy and ACL', () => {
    const neutralised = bucketAsset(TRAINING_BUCKET, {
      PolicyStatus: { IsPublic: true },
      Acl: { Owner: { ID: 'o' }, Grants: [ALL_USERS_READ] },
    });
    expect(run(check, model, { assets: [neutralised], relations: [edge] }).status).toBe('pass');
  });

  it('is unknown when the bucket is not in the inventory or its policy status was refused', () => {
    expect(run(check, model, { relations: [edge] })).toEqual({
      status: 'unknown',
      missing: [`aws.s3.bucket ${bucketArn(TRAINING_BUCKET)} (not in the inventory)`],
    });
    // Without a public access block, a policy status S3 refused to show leaves the exposure open.
    const refused = bucketAsset(TRAINING_BUCKET, {
      PublicAccessBlock: undefined,
      unreadable: [{ field: 'policyStatus', operation: 'GetBucketPolicyStatus', error: 'AccessDenied' }],
    });
    expect(run(check, model, { assets: [refused], relations: [edge] })).toEqual({
      status: 'unknown',
      missing: [`${bucketArn(TRAINING_BUCKET)} PolicyStatus`],
    });
    // With RestrictPublicBuckets on, no policy can make it public: the refused read does not matter.
    const blocked = bucketAsset(TRAINING_BUCKET, {
      unreadable: [{ field: 'policyStatus', operation: 'GetBucketPolicyStatus', error: 'AccessDenied' }],
    });
    expect(run(check, model, { assets: [blocked], relations: [edge] }).status).toBe('pass');
  });

  it('is unknown when the model was not described', () => {
    expect(run(check, customModelAsset({ modelName: 'x' }))).toEqual({
      status: 'unknown',
      missing: ['modelArn'],
    });
  });
});
