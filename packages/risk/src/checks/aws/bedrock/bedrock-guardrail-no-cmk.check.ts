import { defineCheck } from '../../../check';
import { evaluateGuardrailVersions, type GuardrailBody } from './guardrail-versions';

// GetGuardrail omits kmsKeyArn when the guardrail is encrypted with an AWS owned key; the rest of the answer
// being there (guardrailVersions checks guardrailArn and version) makes the absence meaningful.
function customerKey(body: GuardrailBody) {
  const key = typeof body.kmsKeyArn === 'string' && body.kmsKeyArn !== '' ? body.kmsKeyArn : null;
  return { weak: key === null, evidence: { kmsKeyArn: key } };
}

export const bedrockGuardrailNoCmk = defineCheck({
  id: 'aws.bedrock.guardrail.no_cmk',
  title: 'Bedrock guardrail is not encrypted with a customer managed KMS key',
  severity: 'low',
  provider: 'aws',
  assetType: 'aws.bedrock.guardrail',
  rationale:
    "A guardrail's definition (denied topics and their sample phrases, custom word lists, regexes for your " +
    'internal identifiers) describes exactly what the application is built to refuse, a map for anyone ' +
    'looking for a way around it. With an AWS owned key you cannot restrict or audit who reads it through KMS, ' +
    'nor revoke access by disabling the key.',
  reads: ['GetGuardrail.kmsKeyArn', 'ListGuardrails(guardrailIdentifier).guardrails.version'],
  remediation: {
    console:
      'Amazon Bedrock console > Guardrails > this guardrail > Working draft > Edit: under KMS key selection ' +
      'choose "Customize encryption settings" and a customer managed key, save, create a version and use it.',
    cli:
      'aws bedrock update-guardrail --guardrail-identifier <id> --name <name> --blocked-input-messaging <msg> ' +
      '--blocked-outputs-messaging <msg> --kms-key-id <key-arn>\n' +
      'aws bedrock create-guardrail-version --guardrail-identifier <id>',
    terraform: 'resource "aws_bedrock_guardrail" "this" {\n  kms_key_arn = aws_kms_key.guardrails.arn\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0012', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate: (asset) => evaluateGuardrailVersions(asset, customerKey),
});
