import { describe, expect, it } from 'vitest';
import { buildEstate } from '../../estate';
import {
  AWS_INFRA_COUNTS,
  buildAwsInfraEstate,
  SIM_SCANNER_EXTERNAL_ID,
  SIM_SCANNER_ROLE_ARN,
} from './estate';
import { linkAwsInfraReferences } from './links';

const total = (e: ReturnType<typeof buildAwsInfraEstate>) =>
  e.roles.length +
  e.policies.length +
  e.buckets.length +
  Object.values(e.keys).flat().length +
  Object.values(e.vpcEndpoints).flat().length +
  Object.values(e.instances).flat().length;

describe('buildAwsInfraEstate', () => {
  it('builds the same estate from the same seed', () => {
    expect(JSON.stringify(buildAwsInfraEstate(7, undefined))).toBe(
      JSON.stringify(buildAwsInfraEstate(7, undefined)),
    );
    expect(JSON.stringify(buildAwsInfraEstate(7, 5000))).toBe(JSON.stringify(buildAwsInfraEstate(7, 5000)));
  });

  it('holds the documented default counts', () => {
    const e = buildAwsInfraEstate(42, undefined);
    expect(e.roles).toHaveLength(AWS_INFRA_COUNTS.roles);
    expect(e.policies).toHaveLength(AWS_INFRA_COUNTS.policies);
    expect(e.buckets).toHaveLength(AWS_INFRA_COUNTS.buckets);
    for (const region of ['us-east-1', 'eu-west-1'] as const) {
      expect(e.keys[region]).toHaveLength(AWS_INFRA_COUNTS.keys[region]);
      expect(e.vpcEndpoints[region]).toHaveLength(AWS_INFRA_COUNTS.vpcEndpoints[region]);
      expect(e.instances[region]).toHaveLength(AWS_INFRA_COUNTS.instances[region]);
    }
  });

  it('plants every promised problem in the default estate, for any seed', () => {
    for (const seed of [0, 1, 42, 4294967295]) {
      const e = buildAwsInfraEstate(seed, undefined);
      const attached = (arn: string) => e.roles.filter((r) => r.attachedPolicyArns.includes(arn));
      expect(attached('arn:aws:iam::aws:policy/AdministratorAccess').length).toBeGreaterThanOrEqual(1);
      expect(attached('arn:aws:iam::aws:policy/AmazonSageMakerFullAccess').length).toBeGreaterThanOrEqual(1);
      expect(attached('arn:aws:iam::aws:policy/AmazonBedrockFullAccess').length).toBeGreaterThanOrEqual(1);
      expect(e.policies.some((p) => p.versions.some((v) => v.text.includes('"Action": "*"')))).toBe(true);
      expect(e.policies.some((p) => p.versions.some((v) => v.text.includes('"sagemaker:*"')))).toBe(true);
      expect(e.roles.find((r) => r.Arn === SIM_SCANNER_ROLE_ARN)?.trustPolicyText).toContain(
        SIM_SCANNER_EXTERNAL_ID,
      );
      expect(e.buckets.some((b) => b.policyIsPublic)).toBe(true);
      expect(e.buckets.some((b) => b.grants.some((g) => g.grantee.type === 'Group'))).toBe(true);
      expect(e.buckets.some((b) => !b.publicAccessBlock)).toBe(true);
      expect(e.buckets.some((b) => !b.encryption)).toBe(true);
      expect(e.buckets.some((b) => b.encryption?.SSEAlgorithm === 'AES256')).toBe(true);
      expect(e.buckets.some((b) => b.encryption?.SSEAlgorithm === 'aws:kms')).toBe(true);
      const keys = Object.values(e.keys).flat();
      expect(keys.some((k) => k.KeyManager === 'AWS') && keys.some((k) => !k.rotationEnabled)).toBe(true);
      const instances = Object.values(e.instances).flat();
      expect(instances.some((i) => i.MetadataOptions?.HttpTokens === 'optional')).toBe(true);
      expect(instances.some((i) => !i.MetadataOptions)).toBe(true);
      expect(e.vpcEndpoints['eu-west-1']!.some((v) => /sagemaker|bedrock/.test(v.ServiceName))).toBe(false);
    }
  });

  it('builds about the asked size, with O(1) lookups', () => {
    const e = buildAwsInfraEstate(3, 14_000);
    expect(Math.abs(total(e) - 14_000)).toBeLessThanOrEqual(700);
    expect(e.rolesByName.size).toBe(e.roles.length);
    expect(e.keysById.size).toBe(Object.values(e.keys).flat().length);
  });
});

describe('linkAwsInfraReferences', () => {
  it('adds the roles, keys and buckets other AWS families name, once', () => {
    const estate = buildEstate();
    const before = estate.awsInfra.buckets.length;
    linkAwsInfraReferences(estate);
    const infra = estate.awsInfra;
    for (const nb of estate.notebooks) {
      if (nb.describe.KmsKeyId) expect(infra.keysById.has(nb.describe.KmsKeyId.split('/').pop()!)).toBe(true);
      expect(infra.roles.some((r) => r.Arn === nb.describe.RoleArn)).toBe(true);
    }
    for (const job of estate.trainingJobs) {
      const bucket = /^s3:\/\/([^/]+)/.exec(job.describe.OutputDataConfig.S3OutputPath)![1]!;
      expect(infra.bucketsByName.has(bucket)).toBe(true);
    }
    expect(infra.buckets.length).toBeGreaterThanOrEqual(before);
    const size = infra.roles.length + infra.buckets.length;
    linkAwsInfraReferences(estate);
    expect(infra.roles.length + infra.buckets.length).toBe(size);
  });

  it('leaves a sized estate at its size', () => {
    const estate = buildEstate({ assets: 2000 });
    const roles = estate.awsInfra.roles.length;
    linkAwsInfraReferences(estate);
    expect(estate.awsInfra.roles.length).toBe(roles);
  });
});
