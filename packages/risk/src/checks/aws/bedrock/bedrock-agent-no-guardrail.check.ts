import { defineCheck, has } from '../../../check';
import { isRecord } from './attributes';

export const bedrockAgentNoGuardrail = defineCheck({
  id: 'aws.bedrock.agent.no_guardrail',
  title: 'Bedrock agent has no guardrail',
  severity: 'high',
  provider: 'aws',
  assetType: 'aws.bedrock.agent',
  rationale:
    'An agent turns model output into actions: it calls action groups (Lambda functions, APIs) and queries ' +
    "knowledge bases with its role's permissions. Without a guardrail nothing screens what users send it or " +
    'what it answers, so a prompt injection, typed or hidden in a document it retrieves, can make it leak ' +
    'data from its knowledge bases or invoke its tools for the attacker, and harmful output reaches users.',
  reads: [
    'GetAgent.agent.guardrailConfiguration.guardrailIdentifier',
    'GetAgent.agent.guardrailConfiguration.guardrailVersion',
  ],
  remediation: {
    console:
      'Create a guardrail (Amazon Bedrock console > Guardrails) with prompt-attack, content and sensitive ' +
      'information filters and publish a version. Then Agents > this agent > Edit in Agent builder > Guardrail ' +
      'details: select the guardrail and its version, save, and prepare the agent.',
    cli:
      'aws bedrock-agent update-agent --agent-id <id> --agent-name <name> --agent-resource-role-arn <role> ' +
      '--foundation-model <model> --guardrail-configuration guardrailIdentifier=<guardrail-id>,guardrailVersion=<n>\n' +
      'aws bedrock-agent prepare-agent --agent-id <id>',
    terraform:
      'resource "aws_bedrockagent_agent" "this" {\n  guardrail_configuration {\n' +
      '    guardrail_identifier = aws_bedrock_guardrail.this.guardrail_id\n' +
      '    guardrail_version    = aws_bedrock_guardrail_version.this.version\n  }\n}',
  },
  controls: [
    { ref: 'owasp-llm@2025:LLM01', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM06', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0020', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0033', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MANAGE 1.3', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.3', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.9.2', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    const a = asset.attributes;
    // GetAgent leaves guardrailConfiguration out when the agent has no guardrail; agentArn (always returned)
    // shows the answer itself is there.
    if (!has(a, 'agentArn')) return { status: 'unknown', missing: ['agentArn'] };
    const config = isRecord(a.guardrailConfiguration) ? a.guardrailConfiguration : undefined;
    const identifier = config?.guardrailIdentifier;
    if (typeof identifier !== 'string' || identifier === '') {
      return { status: 'fail', evidence: { guardrailConfiguration: config ?? null } };
    }
    return { status: 'pass', evidence: { guardrailConfiguration: config } };
  },
});
