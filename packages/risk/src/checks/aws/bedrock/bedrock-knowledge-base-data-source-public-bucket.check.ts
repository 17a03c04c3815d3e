import { defineCheck } from '../../../check';
import { s3DataSourceConfiguration } from './attributes';
import { publicBucketVerdict } from './neighbours';

export const bedrockKnowledgeBaseDataSourcePublicBucket = defineCheck({
  id: 'aws.bedrock.knowledge_base.data_source_public_bucket',
  title: 'Bedrock knowledge base ingests documents from a public S3 bucket',
  severity: 'high',
  provider: 'aws',
  assetType: 'aws.bedrock.data_source',
  rationale:
    'A knowledge base answers from the documents of its data sources. When their bucket is public through ' +
    'its policy or ACL, the internal documents behind the assistant can be downloaded by anyone, and a ' +
    'publicly writable bucket lets anyone plant documents with injected instructions or false facts that the ' +
    'model will retrieve and repeat to users (RAG poisoning).',
  reads: [
    'GetDataSource.dataSource.dataSourceConfiguration.s3Configuration.bucketArn',
    'GetBucketPolicyStatus.PolicyStatus.IsPublic',
    'GetPublicAccessBlock.PublicAccessBlockConfiguration',
    'GetBucketAcl.Grants',
  ],
  remediation: {
    console:
      'S3 console > the data source bucket > Permissions: turn on Block public access (all four settings), ' +
      'remove public bucket policy statements and ACL grants to Everyone / Authenticated users. Check the ' +
      'bucket for documents nobody in your team added, then sync the knowledge base again.',
    cli:
      'aws s3api put-public-access-block --bucket <bucket> --public-access-block-configuration ' +
      'BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true\n' +
      'aws bedrock-agent start-ingestion-job --knowledge-base-id <kb-id> --data-source-id <id>',
    terraform:
      'resource "aws_s3_bucket_public_access_block" "kb_docs" {\n  bucket                  = aws_s3_bucket.kb_docs.id\n' +
      '  block_public_acls       = true\n  ignore_public_acls      = true\n  block_public_policy     = true\n' +
      '  restrict_public_buckets = true\n}',
  },
  controls: [
    { ref: 'owasp-llm@2025:LLM08', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM04', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0070', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0005', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.8', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'iso-42001@2023:A.7.5', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset, ctx) {
    const read = s3DataSourceConfiguration(asset.attributes);
    if ('verdict' in read) return read.verdict;
    return publicBucketVerdict(ctx, {
      status: 'unknown',
      missing: ['dataSourceConfiguration.s3Configuration.bucketArn'],
    });
  },
});
