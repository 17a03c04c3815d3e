import { defineCheck } from '../../../check';
import { pick } from './attributes';
import {
  contentFilter,
  evaluateGuardrailVersions,
  notBlocking,
  type GuardrailBody,
} from './guardrail-versions';

/** The harmful-content categories of Bedrock content filters (PROMPT_ATTACK has its own check). */
const CATEGORIES = ['SEXUAL', 'VIOLENCE', 'HATE', 'INSULTS', 'MISCONDUCT'] as const;
const STRONG = ['MEDIUM', 'HIGH'];

function harmfulContent(body: GuardrailBody) {
  const filters: Record<string, unknown> = {};
  const weakCategories: string[] = [];
  for (const category of CATEGORIES) {
    const f = contentFilter(body, category);
    filters[category] = f
      ? pick(f, [
          'inputStrength',
          'outputStrength',
          'inputAction',
          'outputAction',
          'inputEnabled',
          'outputEnabled',
        ])
      : null;
    const strong =
      f !== undefined &&
      STRONG.includes(String(f.inputStrength)) &&
      STRONG.includes(String(f.outputStrength)) &&
      !notBlocking(f, 'input') &&
      !notBlocking(f, 'output');
    if (!strong) weakCategories.push(category);
  }
  return { weak: weakCategories.length > 0, evidence: { filters, weakCategories } };
}

export const bedrockGuardrailContentFilterWeak = defineCheck({
  id: 'aws.bedrock.guardrail.content_filter_weak',
  title: 'Bedrock guardrail content filters are missing or weak for some harm categories',
  severity: 'medium',
  provider: 'aws',
  assetType: 'aws.bedrock.guardrail',
  rationale:
    'Each content filter category (sexual, violence, hate, insults, misconduct) that is missing, at NONE or ' +
    'LOW strength, switched off or in detect-only mode on input or output lets that kind of content through: ' +
    "users can ask for it and the model can produce it, in your brand's name (harassment of customers, " +
    'instructions for crimes). MEDIUM or HIGH in both directions with the Block action is the expected floor.',
  reads: [
    'GetGuardrail.contentPolicy.filters.type',
    'GetGuardrail.contentPolicy.filters.inputStrength',
    'GetGuardrail.contentPolicy.filters.outputStrength',
    'GetGuardrail.contentPolicy.filters.inputAction',
    'GetGuardrail.contentPolicy.filters.outputAction',
    'ListGuardrails(guardrailIdentifier).guardrails.version',
  ],
  remediation: {
    console:
      'Amazon Bedrock console > Guardrails > this guardrail > Working draft > Configure content filters: enable ' +
      'every harmful category for prompts and responses at Medium or High with the Block action, save, create ' +
      'a version and move agents and applications to it.',
    cli:
      'aws bedrock update-guardrail --guardrail-identifier <id> --name <name> --blocked-input-messaging <msg> ' +
      '--blocked-outputs-messaging <msg> --content-policy-config \'{"filtersConfig":[{"type":"SEXUAL",' +
      '"inputStrength":"HIGH","outputStrength":"HIGH"},{"type":"VIOLENCE","inputStrength":"HIGH",' +
      '"outputStrength":"HIGH"},{"type":"HATE","inputStrength":"HIGH","outputStrength":"HIGH"},{"type":"INSULTS",' +
      '"inputStrength":"HIGH","outputStrength":"HIGH"},{"type":"MISCONDUCT","inputStrength":"HIGH",' +
      '"outputStrength":"HIGH"},{"type":"PROMPT_ATTACK","inputStrength":"HIGH","outputStrength":"NONE"}]}\'\n' +
      'aws bedrock create-guardrail-version --guardrail-identifier <id>',
    terraform:
      'resource "aws_bedrock_guardrail" "this" {\n  content_policy_config {\n    dynamic "filters_config" {\n' +
      '      for_each = ["SEXUAL", "VIOLENCE", "HATE", "INSULTS", "MISCONDUCT"]\n      content {\n' +
      '        type            = filters_config.value\n        input_strength  = "HIGH"\n' +
      '        output_strength = "HIGH"\n      }\n    }\n  }\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0020', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.3', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.11', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM05', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MANAGE 1.3', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.9.2', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 9', relationship: 'intersects-with' },
  ],
  evaluate: (asset) => evaluateGuardrailVersions(asset, harmfulContent),
});
