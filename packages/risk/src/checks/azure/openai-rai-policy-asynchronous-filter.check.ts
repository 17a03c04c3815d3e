import { defineCheck } from '../../check';
import { propertyVerdict } from './arm';

/** Modes in which completions stream to the caller before the filters have judged them. */
const ASYNCHRONOUS_MODES = new Set(['Asynchronous_filter', 'Deferred']);

export const openAiRaiPolicyAsynchronousFilter = defineCheck({
  id: 'azure.openai.rai_policy.asynchronous_filter',
  title: 'Content filter used by a model deployment runs asynchronously',
  severity: 'medium',
  provider: 'azure',
  assetType: 'azure.cognitiveservices.rai_policy',
  rationale:
    'In Asynchronous_filter (formerly Deferred) mode the service streams completion tokens to the caller ' +
    'immediately and runs the content filters afterwards: harmful or protected content reaches users and ' +
    'downstream applications before any filter can stop it, and is only annotated after the fact.',
  reads: [
    'Microsoft.CognitiveServices/accounts/raiPolicies.properties.mode',
    'Microsoft.CognitiveServices/accounts/deployments.properties.raiPolicyName',
  ],
  remediation: {
    console:
      'In Azure AI Foundry open Guardrails + controls > Content filters, edit the filter, and under Output ' +
      'filter set Streaming mode to Default (synchronous) instead of Asynchronous Filter; save.',
    cli:
      'az rest --method put --url "https://management.azure.com<rai-policy-id>?api-version=2025-09-01" ' +
      '--body @rai-policy.json  # the GET body with properties.mode set to "Blocking"',
    terraform: 'resource "azurerm_cognitive_account_rai_policy" "this" {\n  mode = "Blocking"\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0020', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM05', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.3', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MANAGE 1.3', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.9.2', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 9', relationship: 'intersects-with' },
  ],
  evaluate(asset, ctx) {
    const users = ctx.incoming('uses_guardrail').map((d) => d.nativeId);
    if (users.length === 0) {
      return { status: 'not_applicable', reason: 'no inventoried model deployment uses this content filter' };
    }
    return propertyVerdict(asset, ['mode'], (v) => typeof v === 'string' && ASYNCHRONOUS_MODES.has(v), {
      usedBy: users,
    });
  },
});
