import { defineCheck, type Evidence } from '../../../check';
import { bucketExposure } from '../s3-bucket-exposure';
import { asRecords, at, requireFields } from './sagemaker-fields.util';

export const sagemakerTrainingJobPublicTrainingData = defineCheck({
  id: 'aws.sagemaker.training_job.public_training_data',
  title: 'SageMaker training job reads training data from a public S3 bucket',
  severity: 'high',
  provider: 'aws',
  assetType: 'aws.sagemaker.training_job',
  rationale:
    'A bucket that grants access to everyone (by bucket policy or ACL) exposes the training data to anyone on ' +
    'the internet, and when the grant includes writes, anyone can plant poisoned or backdoored samples that ' +
    'the next training run learns from. Models trained on it inherit both problems.',
  reads: [
    'DescribeTrainingJob.InputDataConfig[].DataSource.S3DataSource.S3Uri',
    'GetBucketPolicyStatus.PolicyStatus.IsPublic',
    'GetPublicAccessBlock.PublicAccessBlockConfiguration',
    'GetBucketAcl.Grants',
  ],
  remediation: {
    console:
      'In S3 open the bucket, turn on "Block all public access" under Permissions, remove the public statements ' +
      'from the bucket policy and the AllUsers / AuthenticatedUsers grants from the ACL. Then check what was ' +
      'uploaded while it was public before training on it again.',
    cli:
      'aws s3api put-public-access-block --bucket <bucket> --public-access-block-configuration ' +
      'BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    terraform:
      'resource "aws_s3_bucket_public_access_block" "training_data" {\n  bucket                  = aws_s3_bucket.training_data.id\n' +
      '  block_public_acls       = true\n  ignore_public_acls      = true\n' +
      '  block_public_policy     = true\n  restrict_public_buckets = true\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.T0020', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0005', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM04', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.7.3', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 10', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.8', relationship: 'intersects-with' },
  ],
  evaluate(asset, ctx) {
    const unknown = requireFields(asset, 'TrainingJobArn');
    if (unknown) return unknown;
    // The buckets of the S3 channels, as the connector names them in its `reads_data` edges: a channel whose
    // bucket the graph does not hold makes the answer unknown, never a pass.
    const channels = asRecords(asset.attributes.InputDataConfig).map((c) =>
      at(c, 'DataSource.S3DataSource.S3Uri'),
    );
    const fromChannels = channels.flatMap((uri) => {
      const bucket = typeof uri === 'string' ? /^s3:\/\/([^/]+)/.exec(uri)?.[1] : undefined;
      return bucket ? [`arn:aws:s3:::${bucket}`] : [];
    });
    const ids = [...new Set([...fromChannels, ...ctx.outgoingIds('reads_data')])];
    const buckets = ctx.outgoing('reads_data').filter((b) => b.assetType === 'aws.s3.bucket');
    const missing = ids
      .filter((id) => !buckets.some((b) => b.nativeId === id))
      .map((id) => `aws.s3.bucket ${id}`);
    const publicOnes: Evidence[] = [];
    const privateOnes: Evidence[] = [];
    for (const bucket of buckets) {
      const exposure = bucketExposure(bucket);
      if (exposure.public === true) publicOnes.push(exposure.evidence);
      else if (exposure.public === false) privateOnes.push(exposure.evidence);
      else missing.push(...exposure.missing);
    }
    if (publicOnes.length > 0) return { status: 'fail', evidence: { publicInputBuckets: publicOnes } };
    if (missing.length > 0) return { status: 'unknown', missing };
    return { status: 'pass', evidence: { inputBuckets: privateOnes } };
  },
});
