import { defineCheck } from '../../../check';
import { customerKeyVerdict } from './neighbours';

export const bedrockKnowledgeBaseDataSourceNoCmk = defineCheck({
  id: 'aws.bedrock.knowledge_base.data_source_no_cmk',
  title: 'Bedrock knowledge base data source ingestion is not encrypted with a customer managed KMS key',
  severity: 'low',
  provider: 'aws',
  assetType: 'aws.bedrock.data_source',
  rationale:
    'While a knowledge base ingests a data source, Bedrock keeps the parsed documents and chunks as transient ' +
    'data. Without serverSideEncryptionConfiguration that copy of your documents is encrypted with an AWS ' +
    'owned key, outside your key policies and KMS audit trail. The exposure is limited to ingestion time, ' +
    'hence the low severity, but regulated content should stay under your own key end to end.',
  reads: ['GetDataSource.dataSource.serverSideEncryptionConfiguration.kmsKeyArn'],
  remediation: {
    console:
      'Amazon Bedrock console > Knowledge bases > this knowledge base > Data source > Edit > Advanced settings: ' +
      'under KMS key for transient data storage choose a customer managed key, save, and sync.',
    cli:
      'aws bedrock-agent update-data-source --knowledge-base-id <kb-id> --data-source-id <id> --name <name> ' +
      '--data-source-configuration file://data-source.json --server-side-encryption-configuration kmsKeyArn=<key-arn>',
    terraform:
      'resource "aws_bedrockagent_data_source" "this" {\n  server_side_encryption_configuration {\n' +
      '    kms_key_arn = aws_kms_key.knowledge_base.arn\n  }\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0012', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM08', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.4', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'iso-42001@2023:A.4.3', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  // GetDataSource omits serverSideEncryptionConfiguration when ingestion uses an AWS owned key.
  evaluate: (asset) =>
    customerKeyVerdict(asset.attributes, 'dataSourceId', ['serverSideEncryptionConfiguration', 'kmsKeyArn']),
});
