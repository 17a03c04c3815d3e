import { defineCheck } from '../../../check';
import { customerKeyVerdict } from './neighbours';

export const bedrockAgentNoCmk = defineCheck({
  id: 'aws.bedrock.agent.no_cmk',
  title: 'Bedrock agent is not encrypted with a customer managed KMS key',
  severity: 'medium',
  provider: 'aws',
  assetType: 'aws.bedrock.agent',
  rationale:
    "The agent's key encrypts its instructions, its session state and memory, that is the conversations " +
    'users had with it and what it retrieved for them. With the AWS owned key you cannot limit or audit ' +
    'decryption in a key policy, or cut off access to that history by disabling the key.',
  reads: ['GetAgent.agent.customerEncryptionKeyArn'],
  remediation: {
    console:
      'Agents > this agent > Edit in Agent builder > Additional settings > KMS key selection: choose ' +
      '"Customize encryption settings" and a customer managed key whose key policy allows the agent\'s role, ' +
      'save, and prepare the agent.',
    cli:
      'aws bedrock-agent update-agent --agent-id <id> --agent-name <name> --agent-resource-role-arn <role> ' +
      '--foundation-model <model> --customer-encryption-key-arn <key-arn>\naws bedrock-agent prepare-agent --agent-id <id>',
    terraform:
      'resource "aws_bedrockagent_agent" "this" {\n  customer_encryption_key_arn = aws_kms_key.agents.arn\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0012', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0031', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.4', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  // GetAgent omits customerEncryptionKeyArn when the agent uses an AWS owned key.
  evaluate: (asset) => customerKeyVerdict(asset.attributes, 'agentArn', ['customerEncryptionKeyArn']),
});
