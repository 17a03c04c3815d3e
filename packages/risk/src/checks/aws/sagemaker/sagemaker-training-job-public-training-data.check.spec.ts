import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { sagemakerTrainingJobPublicTrainingData as check } from './sagemaker-training-job-public-training-data.check';
import {
  TRAINING_BUCKET_ARN,
  TRAINING_JOB_ARN,
  bucketAsset,
  privateBucket,
  trainingJobAsset,
  wellConfiguredTrainingJob,
  without,
} from './testing';

const job = trainingJobAsset(wellConfiguredTrainingJob);
const reads = (...arns: string[]) =>
  arns.map((toNativeId) => ({ fromNativeId: TRAINING_JOB_ARN, kind: 'reads_data', toNativeId }));
const graphWith = (bucket: Record<string, unknown>) => ({
  assets: [bucketAsset(bucket)],
  relations: reads(TRAINING_BUCKET_ARN),
});
const noBlock = without(privateBucket, 'PublicAccessBlock');
const allUsersRead = {
  Owner: { ID: 'owner' },
  Grants: [
    { Grantee: { Type: 'CanonicalUser', ID: 'owner' }, Permission: 'FULL_CONTROL' },
    {
      Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' },
      Permission: 'READ',
    },
  ],
};

describe(check.id, () => {
  it('passes when every input bucket is private', () => {
    const r = run(check, job, graphWith(privateBucket));
    expect(r.status).toBe('pass');
    expect(r.status === 'pass' && r.evidence.inputBuckets).toHaveLength(1);
  });

  it('fails for a bucket whose policy is public', () => {
    const r = run(check, job, graphWith({ ...noBlock, PolicyStatus: { IsPublic: true } }));
    expect(r).toEqual({
      status: 'fail',
      evidence: {
        publicInputBuckets: [
          {
            bucket: TRAINING_BUCKET_ARN,
            'PolicyStatus.IsPublic': true,
            PublicAccessBlock: null,
            publicAclGrants: [],
          },
        ],
      },
    });
  });

  it('fails for a bucket whose ACL grants AllUsers, unless public ACLs are ignored', () => {
    const acl = { ...noBlock, Acl: allUsersRead };
    expect(run(check, job, graphWith(acl)).status).toBe('fail');
    const ignored = { ...acl, PublicAccessBlock: { IgnorePublicAcls: true, RestrictPublicBuckets: true } };
    expect(run(check, job, graphWith(ignored)).status).toBe('pass');
  });

  it('passes for a public policy that RestrictPublicBuckets neutralises', () => {
    const restricted = { ...privateBucket, PolicyStatus: { IsPublic: true } };
    expect(run(check, job, graphWith(restricted)).status).toBe('pass');
  });

  it('passes for a bucket without any policy (no PolicyStatus, nothing refused)', () => {
    expect(run(check, job, graphWith(without(noBlock, 'PolicyStatus'))).status).toBe('pass');
  });

  it('is unknown when the bucket is not in the inventory', () => {
    expect(run(check, job, { relations: reads(TRAINING_BUCKET_ARN) })).toEqual({
      status: 'unknown',
      missing: [`aws.s3.bucket ${TRAINING_BUCKET_ARN}`],
    });
  });

  it('is unknown when S3 refused the policy status or the ACL', () => {
    const refused = {
      ...without(noBlock, 'PolicyStatus', 'Acl'),
      unreadable: [
        { field: 'policyStatus', operation: 'GetBucketPolicyStatus', error: 'AccessDenied' },
        { field: 'acl', operation: 'GetBucketAcl', error: 'AccessDenied' },
      ],
    };
    expect(run(check, job, graphWith(refused))).toEqual({
      status: 'unknown',
      missing: [`${TRAINING_BUCKET_ARN} PolicyStatus`, `${TRAINING_BUCKET_ARN} Acl`],
    });
  });

  it('is unknown when a public grant might be blocked by a block S3 refused to show', () => {
    const hidden = {
      ...noBlock,
      PolicyStatus: { IsPublic: true },
      unreadable: [{ field: 'publicAccessBlock', operation: 'GetPublicAccessBlock', error: 'AccessDenied' }],
    };
    expect(run(check, job, graphWith(hidden))).toEqual({
      status: 'unknown',
      missing: [`${TRAINING_BUCKET_ARN} PublicAccessBlock`],
    });
  });

  it('fails on one public bucket even when another is not in the inventory', () => {
    const other = 'arn:aws:s3:::public-benchmark';
    const r = run(check, job, {
      assets: [bucketAsset({ ...noBlock, PolicyStatus: { IsPublic: true } }, other)],
      relations: reads(TRAINING_BUCKET_ARN, other),
    });
    expect(r.status).toBe('fail');
  });

  it('is unknown when the graph holds no edge for the bucket of an S3 channel', () => {
    expect(run(check, job)).toEqual({ status: 'unknown', missing: [`aws.s3.bucket ${TRAINING_BUCKET_ARN}`] });
  });

  it('passes for a job without S3 input channels', () => {
    const r = run(check, trainingJobAsset(without(wellConfiguredTrainingJob, 'InputDataConfig')));
    expect(r).toEqual({ status: 'pass', evidence: { inputBuckets: [] } });
  });

  it('is unknown when the job was never described', () => {
    expect(run(check, trainingJobAsset({}))).toEqual({ status: 'unknown', missing: ['TrainingJobArn'] });
  });
});
