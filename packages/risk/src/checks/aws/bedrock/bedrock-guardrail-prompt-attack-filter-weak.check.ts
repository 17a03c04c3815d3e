import { defineCheck } from '../../../check';
import { evaluateGuardrailVersions, promptAttackFinding } from './guardrail-versions';

export const bedrockGuardrailPromptAttackFilterWeak = defineCheck({
  id: 'aws.bedrock.guardrail.prompt_attack_filter_weak',
  title: 'Bedrock guardrail does not block prompt attacks at HIGH strength',
  severity: 'high',
  provider: 'aws',
  assetType: 'aws.bedrock.guardrail',
  rationale:
    'The PROMPT_ATTACK content filter is what stops jailbreaks and prompt injections (including instructions ' +
    'hidden in retrieved documents) before they reach the model. Below HIGH, off, or in detect-only mode, ' +
    'crafted input can make the model or agent behind this guardrail ignore its instructions, disclose its ' +
    "system prompt or data, or call tools on the attacker's behalf. Every version is read: agents and " +
    'applications call pinned versions, and an old weak version stays callable.',
  reads: [
    'GetGuardrail.contentPolicy.filters[type=PROMPT_ATTACK].inputStrength',
    'GetGuardrail.contentPolicy.filters[type=PROMPT_ATTACK].inputAction',
    'GetGuardrail.contentPolicy.filters[type=PROMPT_ATTACK].inputEnabled',
    'ListGuardrails(guardrailIdentifier).guardrails.version',
  ],
  remediation: {
    console:
      'Amazon Bedrock console > Guardrails > this guardrail > Working draft > Edit content filters: enable ' +
      '"Prompt attacks", set the strength to High with the action Block, save, then Create version and move ' +
      'agents and applications to the new version. Delete old versions that are weaker.',
    cli:
      'aws bedrock update-guardrail --guardrail-identifier <id> --name <name> --blocked-input-messaging <msg> ' +
      '--blocked-outputs-messaging <msg> --content-policy-config \'{"filtersConfig":[{"type":"PROMPT_ATTACK",' +
      '"inputStrength":"HIGH","outputStrength":"NONE"}]}\'\naws bedrock create-guardrail-version ' +
      '--guardrail-identifier <id>\naws bedrock delete-guardrail --guardrail-identifier <id> --guardrail-version <old>',
    terraform:
      'resource "aws_bedrock_guardrail" "this" {\n  content_policy_config {\n    filters_config {\n' +
      '      type            = "PROMPT_ATTACK"\n      input_strength  = "HIGH"\n      output_strength = "NONE"\n' +
      '    }\n  }\n}\n\nresource "aws_bedrock_guardrail_version" "this" {\n' +
      '  guardrail_arn = aws_bedrock_guardrail.this.guardrail_arn\n}',
  },
  controls: [
    { ref: 'owasp-llm@2025:LLM01', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0020', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0051', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0054', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.6.2.6', relationship: 'intersects-with' },
  ],
  evaluate: (asset) => evaluateGuardrailVersions(asset, promptAttackFinding),
});
