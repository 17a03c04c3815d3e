import { defineCheck } from '../../../check';
import { isRecord } from './attributes';
import { evaluateGuardrailVersions, type GuardrailBody } from './guardrail-versions';

const names = (list: unknown, key: string): string[] =>
  (Array.isArray(list) ? list.filter(isRecord) : [])
    .filter((e) => e.inputEnabled !== false || e.outputEnabled !== false)
    .map((e) => String(e[key]));

/** Denied topics and word filters (custom words or the managed profanity list) of one version. */
function deniedTopicsOrWords(body: GuardrailBody) {
  const topics = isRecord(body.topicPolicy) ? names(body.topicPolicy.topics, 'name') : [];
  const words = isRecord(body.wordPolicy) ? names(body.wordPolicy.words, 'text') : [];
  const managedWordLists = isRecord(body.wordPolicy) ? names(body.wordPolicy.managedWordLists, 'type') : [];
  return {
    weak: topics.length + words.length + managedWordLists.length === 0,
    evidence: { topics, words: words.length, managedWordLists },
  };
}

export const bedrockGuardrailNoDeniedTopicOrWordPolicy = defineCheck({
  id: 'aws.bedrock.guardrail.no_denied_topic_or_word_policy',
  title: 'Bedrock guardrail denies no topic and filters no word',
  severity: 'low',
  provider: 'aws',
  assetType: 'aws.bedrock.guardrail',
  rationale:
    'Denied topics and word filters are how a guardrail keeps an application to its purpose: a support bot ' +
    'that must not give investment, legal or medical advice, name competitors, or use profanity. With neither, ' +
    'the model answers whatever it is asked, and users can steer it into advice or statements the business is ' +
    'liable for.',
  reads: [
    'GetGuardrail.topicPolicy.topics',
    'GetGuardrail.wordPolicy.words',
    'GetGuardrail.wordPolicy.managedWordLists',
    'ListGuardrails(guardrailIdentifier).guardrails.version',
  ],
  remediation: {
    console:
      'Amazon Bedrock console > Guardrails > this guardrail > Working draft > Add denied topics (a name, a ' +
      'definition and sample phrases for each subject the application must refuse) and Add word filters ' +
      '(enable the profanity filter and add custom words), save, create a version and use it.',
    cli:
      'aws bedrock update-guardrail --guardrail-identifier <id> --name <name> --blocked-input-messaging <msg> ' +
      '--blocked-outputs-messaging <msg> --topic-policy-config \'{"topicsConfig":[{"name":"InvestmentAdvice",' +
      '"definition":"Recommendations to buy, sell or hold financial products.","type":"DENY"}]}\' ' +
      '--word-policy-config \'{"managedWordListsConfig":[{"type":"PROFANITY"}]}\'\n' +
      'aws bedrock create-guardrail-version --guardrail-identifier <id>',
    terraform:
      'resource "aws_bedrock_guardrail" "this" {\n  topic_policy_config {\n    topics_config {\n' +
      '      name       = "InvestmentAdvice"\n      definition = "Recommendations to buy, sell or hold financial products."\n' +
      '      type       = "DENY"\n      examples   = ["Which stocks should I buy?"]\n    }\n  }\n' +
      '  word_policy_config {\n    managed_word_lists_config {\n      type = "PROFANITY"\n    }\n  }\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0020', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0021', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.9.4', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MAP 3.3', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM01', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.3', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 9', relationship: 'intersects-with' },
  ],
  evaluate: (asset) => evaluateGuardrailVersions(asset, deniedTopicsOrWords),
});
