import { describe, expect, it } from 'vitest';
import { awsInfraDiscoverers, AWS_INFRA_READ_ACTIONS } from './index';
import { isNamed, mapAwsError, parsePolicyDocument } from './infra-discoverer.util';
import { regionOfLocation } from './s3-buckets.discoverer';

describe('parsePolicyDocument', () => {
  const policy = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::a/*' }],
  };

  it('decodes a URL-encoded IAM document, layout and all', () => {
    const encoded = encodeURIComponent(JSON.stringify(policy, null, 2));
    expect(encoded).toContain('%7B%0A%20%20%22Version');
    expect(parsePolicyDocument(encoded)).toEqual(policy);
  });

  it('parses a plain JSON document (S3, KMS, EC2) whose text holds a literal percent sign', () => {
    const withPercent = { ...policy, Statement: [{ ...policy.Statement[0], Sid: 'a%20b' }] };
    expect(parsePolicyDocument(JSON.stringify(withPercent))).toEqual(withPercent);
  });

  it('keeps a document that is not JSON as text rather than dropping it', () => {
    expect(parsePolicyDocument('%7Bnot%20json')).toBe('{not json');
    expect(parsePolicyDocument('%E0%A4%A')).toBe('%E0%A4%A');
  });
});

describe('S3 bucket location', () => {
  it('reads an empty LocationConstraint as us-east-1 and the legacy EU as eu-west-1', () => {
    expect(regionOfLocation(undefined)).toBe('us-east-1');
    expect(regionOfLocation('')).toBe('us-east-1');
    expect(regionOfLocation('EU')).toBe('eu-west-1');
    expect(regionOfLocation('ap-south-1')).toBe('ap-south-1');
  });
});

describe('error helpers', () => {
  it('matches IAM error names with and without the Exception suffix the SDK adds', () => {
    expect(isNamed(Object.assign(new Error('x'), { name: 'NoSuchEntityException' }), ['NoSuchEntity'])).toBe(
      true,
    );
    expect(isNamed(Object.assign(new Error('x'), { name: 'NoSuchEntity' }), ['NoSuchEntity'])).toBe(true);
    expect(isNamed(new Error('x'), ['NoSuchEntity'])).toBe(false);
  });

  it('maps EC2 AuthFailure to InvalidCredentials with the masked key', () => {
    const err = mapAwsError(
      Object.assign(new Error('AWS was not able to validate'), { name: 'AuthFailure' }),
      {
        service: 'ec2.instances',
        iamPrefix: 'ec2',
        operation: 'DescribeInstances',
        target: {
          provider: 'aws',
          accountId: '123456789012',
          region: 'us-east-1',
          credentials: {
            kind: 'access_key',
            accessKeyId: 'AKIAEXAMPLEKEY0001',
            secretAccessKey: 'secret-secret-0000',
          },
        },
      },
    );
    expect(err).toMatchObject({ code: 'InvalidCredentials', retryable: false });
    expect(err.message).toContain('AKIA...0001');
    expect(err.message).not.toContain('secret-secret');
  });
});

describe('infra registry', () => {
  it('registers one discoverer per asset type, global for IAM and S3', () => {
    expect(awsInfraDiscoverers.map((d) => [d.service, d.scope, d.assetTypes[0]])).toEqual([
      ['iam.roles', 'global', 'aws.iam.role'],
      ['iam.policies', 'global', 'aws.iam.policy'],
      ['iam.users', 'global', 'aws.iam.user'],
      ['s3.buckets', 'global', 'aws.s3.bucket'],
      ['kms.keys', 'regional', 'aws.kms.key'],
      ['ec2.vpc_endpoints', 'regional', 'aws.ec2.vpc_endpoint'],
      ['ec2.instances', 'regional', 'aws.ec2.instance'],
    ]);
  });

  it('declares read-only actions only, each once', () => {
    expect(new Set(AWS_INFRA_READ_ACTIONS).size).toBe(AWS_INFRA_READ_ACTIONS.length);
    for (const action of AWS_INFRA_READ_ACTIONS)
      expect(action).toMatch(/^(iam|s3|kms|ec2):(List|Get|Describe)/);
  });
});
