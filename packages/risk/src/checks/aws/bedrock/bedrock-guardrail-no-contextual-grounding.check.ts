import { defineCheck } from '../../../check';
import { isRecord, pick } from './attributes';
import { evaluateGuardrailVersions, type GuardrailBody } from './guardrail-versions';

/** A GROUNDING filter that blocks: enabled, threshold above 0, and not in detect-only mode (action NONE). */
function grounding(body: GuardrailBody) {
  const policy = body.contextualGroundingPolicy;
  if (!isRecord(policy)) return { weak: true, evidence: { contextualGroundingPolicy: null } };
  const filters = (Array.isArray(policy.filters) ? policy.filters : []).filter(isRecord);
  const active = filters.some(
    (f) =>
      f.type === 'GROUNDING' &&
      typeof f.threshold === 'number' &&
      f.threshold > 0 &&
      f.enabled !== false &&
      f.action !== 'NONE',
  );
  return {
    weak: !active,
    evidence: { filters: filters.map((f) => pick(f, ['type', 'threshold', 'action', 'enabled'])) },
  };
}

export const bedrockGuardrailNoContextualGrounding = defineCheck({
  id: 'aws.bedrock.guardrail.no_contextual_grounding',
  title: 'Bedrock guardrail has no contextual grounding check',
  severity: 'low',
  provider: 'aws',
  assetType: 'aws.bedrock.guardrail',
  rationale:
    'The contextual grounding check blocks answers that are not supported by the source documents given to ' +
    'the model (retrieval-augmented applications and agents with knowledge bases). Without it, invented ' +
    'facts, citations or policy statements reach users as if they came from your documents, and content ' +
    'planted in a retrieved document can steer answers unchecked.',
  reads: [
    'GetGuardrail.contextualGroundingPolicy.filters[type=GROUNDING].threshold',
    'GetGuardrail.contextualGroundingPolicy.filters.action',
    'GetGuardrail.contextualGroundingPolicy.filters.enabled',
    'ListGuardrails(guardrailIdentifier).guardrails.version',
  ],
  remediation: {
    console:
      'Amazon Bedrock console > Guardrails > this guardrail > Working draft > Add contextual grounding check: ' +
      'enable Grounding (and Relevance) with a threshold such as 0.75, save, create a version and move agents ' +
      'and applications to it.',
    cli:
      'aws bedrock update-guardrail --guardrail-identifier <id> --name <name> --blocked-input-messaging <msg> ' +
      '--blocked-outputs-messaging <msg> --contextual-grounding-policy-config ' +
      '\'{"filtersConfig":[{"type":"GROUNDING","threshold":0.75},{"type":"RELEVANCE","threshold":0.5}]}\'\n' +
      'aws bedrock create-guardrail-version --guardrail-identifier <id>',
    terraform:
      'resource "aws_bedrock_guardrail" "this" {\n  contextual_grounding_policy_config {\n    filters_config {\n' +
      '      type      = "GROUNDING"\n      threshold = 0.75\n    }\n    filters_config {\n' +
      '      type      = "RELEVANCE"\n      threshold = 0.5\n    }\n  }\n}',
  },
  controls: [
    { ref: 'owasp-llm@2025:LLM09', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.2', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0020', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.5', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.6.2.6', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate: (asset) => evaluateGuardrailVersions(asset, grounding),
});
