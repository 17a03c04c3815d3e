import { defineCheck } from '../../../check';
import { isRecord } from './attributes';
import { evaluateGuardrailVersions, type GuardrailBody } from './guardrail-versions';

/**
 * Whether a PII entity or regex entry masks or blocks anything: on a side not switched off (`inputEnabled` /
 * `outputEnabled` false), its action for that side (or the entry's `action` when the API returned no
 * per-side action) is BLOCK or ANONYMIZE. NONE only reports a detection.
 */
function protects(entry: Record<string, unknown>): boolean {
  return (['input', 'output'] as const).some((side) => {
    if (entry[`${side}Enabled`] === false) return false;
    const action = entry[`${side}Action`] ?? entry.action;
    return action === 'BLOCK' || action === 'ANONYMIZE';
  });
}

function sensitiveInformation(body: GuardrailBody) {
  const policy = body.sensitiveInformationPolicy;
  if (!isRecord(policy)) return { weak: true, evidence: { sensitiveInformationPolicy: null } };
  const entries = (list: unknown, key: string) =>
    (Array.isArray(list) ? list.filter(isRecord) : []).filter(protects).map((e) => String(e[key]));
  const piiEntities = entries(policy.piiEntities, 'type');
  const regexes = entries(policy.regexes, 'name');
  return { weak: piiEntities.length + regexes.length === 0, evidence: { piiEntities, regexes } };
}

export const bedrockGuardrailNoSensitiveInformationFilter = defineCheck({
  id: 'aws.bedrock.guardrail.no_sensitive_information_filter',
  title: 'Bedrock guardrail has no sensitive information (PII) filter',
  severity: 'medium',
  provider: 'aws',
  assetType: 'aws.bedrock.guardrail',
  rationale:
    'Without a sensitive information policy that blocks or masks PII, the guardrail lets personal data (e-mail ' +
    'addresses, card and social security numbers, account numbers) pass in both directions: users paste it ' +
    'into prompts that end up in logs and model providers, and the model repeats it from its context or ' +
    'knowledge base to whoever asks. Entries set to detect only (action NONE) do not count.',
  reads: [
    'GetGuardrail.sensitiveInformationPolicy.piiEntities',
    'GetGuardrail.sensitiveInformationPolicy.regexes',
    'ListGuardrails(guardrailIdentifier).guardrails.version',
  ],
  remediation: {
    console:
      'Amazon Bedrock console > Guardrails > this guardrail > Working draft > Add sensitive information filters: ' +
      'add the PII types your application handles (Block or Mask) and regex patterns for internal identifiers, ' +
      'save, create a version and move agents and applications to it.',
    cli:
      'aws bedrock update-guardrail --guardrail-identifier <id> --name <name> --blocked-input-messaging <msg> ' +
      '--blocked-outputs-messaging <msg> --sensitive-information-policy-config ' +
      '\'{"piiEntitiesConfig":[{"type":"EMAIL","action":"ANONYMIZE"},{"type":"CREDIT_DEBIT_CARD_NUMBER",' +
      '"action":"BLOCK"}]}\'\naws bedrock create-guardrail-version --guardrail-identifier <id>',
    terraform:
      'resource "aws_bedrock_guardrail" "this" {\n  sensitive_information_policy_config {\n' +
      '    pii_entities_config {\n      type   = "EMAIL"\n      action = "ANONYMIZE"\n    }\n' +
      '    pii_entities_config {\n      type   = "CREDIT_DEBIT_CARD_NUMBER"\n      action = "BLOCK"\n    }\n  }\n}',
  },
  controls: [
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0020', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0057', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.4', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.10', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.9.2', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 9', relationship: 'intersects-with' },
  ],
  evaluate: (asset) => evaluateGuardrailVersions(asset, sensitiveInformation),
});
