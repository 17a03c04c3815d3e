import { defineCheck, has } from '../../../check';
import { s3DataSourceConfiguration } from './attributes';

/** The account id of a Bedrock ARN (`arn:aws:bedrock:<region>:<account>:...`). */
function accountOf(arn: string): string | undefined {
  const account = arn.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

export const bedrockKnowledgeBaseDataSourceCrossAccountBucket = defineCheck({
  id: 'aws.bedrock.knowledge_base.data_source_cross_account_bucket',
  title: 'Bedrock knowledge base ingests documents from a bucket owned by another AWS account',
  severity: 'medium',
  provider: 'aws',
  assetType: 'aws.bedrock.data_source',
  rationale:
    'When a data source reads a bucket of another account, that account decides which documents your ' +
    'assistant learns from: anyone with write access there (a partner, a vendor, an attacker who compromised ' +
    'them) can plant documents with injected instructions or false facts that your model will retrieve and ' +
    'present to your users, and your own bucket policies and logging do not cover it.',
  reads: [
    'GetDataSource.dataSource.dataSourceConfiguration.s3Configuration.bucketOwnerAccountId',
    'GetDataSource.dataSource.dataSourceConfiguration.s3Configuration.bucketArn',
  ],
  remediation: {
    console:
      'Copy the documents you need into a bucket of your own account with a reviewed ingestion process ' +
      '(for example S3 replication into a quarantine prefix, then approval). Amazon Bedrock console > ' +
      'Knowledge bases > this knowledge base > Data source > Edit: point it at your bucket and remove the ' +
      'bucket owner account id, then sync.',
    cli:
      'aws bedrock-agent update-data-source --knowledge-base-id <kb-id> --data-source-id <id> --name <name> ' +
      '--data-source-configuration \'{"type":"S3","s3Configuration":{"bucketArn":"arn:aws:s3:::<own-bucket>"}}\'\n' +
      'aws bedrock-agent start-ingestion-job --knowledge-base-id <kb-id> --data-source-id <id>',
    terraform:
      'resource "aws_bedrockagent_data_source" "this" {\n  data_source_configuration {\n    type = "S3"\n' +
      '    s3_configuration {\n      bucket_arn = aws_s3_bucket.kb_docs.arn  # a bucket of this account\n' +
      '    }\n  }\n}',
  },
  controls: [
    { ref: 'owasp-llm@2025:LLM04', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0070', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0025', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.7.5', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:GOVERN 6.1', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.12', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    const read = s3DataSourceConfiguration(asset.attributes);
    if ('verdict' in read) return read.verdict;
    const s3 = read.s3;
    const account = accountOf(asset.nativeId);
    if (!account) return { status: 'unknown', missing: ['knowledgeBaseArn (account id)'] };
    // bucketOwnerAccountId is optional and only set for a bucket of another account; its absence, in an answer
    // whose s3Configuration is there, means the bucket belongs to this account.
    if (!has(s3, 'bucketArn'))
      return { status: 'unknown', missing: ['dataSourceConfiguration.s3Configuration'] };
    const owner = typeof s3.bucketOwnerAccountId === 'string' ? s3.bucketOwnerAccountId : null;
    const evidence = { bucketArn: s3.bucketArn, bucketOwnerAccountId: owner, account };
    return owner !== null && owner !== account ? { status: 'fail', evidence } : { status: 'pass', evidence };
  },
});
