import { defineCheck } from '../../check';
import { armProperties, unknown } from './arm';
import { assessFilters, deploymentPolicy } from './content-filters';

export const openAiDeploymentContentFilterWeak = defineCheck({
  id: 'azure.openai.deployment.content_filter_weak',
  title: 'Azure OpenAI model deployment runs a weak content filter',
  severity: 'high',
  provider: 'azure',
  assetType: 'azure.cognitiveservices.deployment',
  rationale:
    "The deployment's content filter (RAI policy) is the guardrail between users and the model. A hate, sexual, " +
    'violence or self-harm filter that is disabled, only annotates instead of blocking, or blocks only High ' +
    'severity lets the model take in and return harmful content under your name; with the Jailbreak (Prompt ' +
    'Shields) filter off, jailbreak prompts that override the system prompt and its safety rules go through.',
  reads: [
    'Microsoft.CognitiveServices/accounts/deployments.properties.raiPolicyName',
    'Microsoft.CognitiveServices/accounts/raiPolicies.properties.contentFilters',
    'Microsoft.CognitiveServices/accounts/raiPolicies.properties.basePolicyName',
  ],
  remediation: {
    console:
      'In Azure AI Foundry open Guardrails + controls > Content filters, create (or edit) a filter with Hate, ' +
      'Sexual, Violence and Self-harm blocking at Medium or Low on both prompts and completions and Prompt ' +
      'Shields for jailbreak attacks set to Annotate and block, then apply it to this deployment.',
    cli:
      'az rest --method put --url "https://management.azure.com<account-id>/raiPolicies/<policy>?api-version=' +
      '2025-09-01" --body @rai-policy.json && az rest --method put --url "https://management.azure.com' +
      '<deployment-id>?api-version=2025-09-01" --body @deployment.json  # the GET body with ' +
      'properties.raiPolicyName set to <policy>',
    terraform:
      'resource "azurerm_cognitive_account_rai_policy" "strict" {\n  name                 = "strict"\n' +
      '  cognitive_account_id = azurerm_cognitive_account.openai.id\n  base_policy_name     = "Microsoft.DefaultV2"\n' +
      '  content_filter {\n    name               = "Hate"\n    filter_enabled     = true\n' +
      '    block_enabled      = true\n    severity_threshold = "Medium"\n    source             = "Prompt"\n  }\n' +
      '  # ... the same for Sexual, Violence, Selfharm on Prompt and Completion, and Jailbreak on Prompt\n}\n' +
      'resource "azurerm_cognitive_deployment" "this" {\n  rai_policy_name = azurerm_cognitive_account_rai_policy.strict.name\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0020', relationship: 'subset-of' },
    { ref: 'mitre-atlas@5.6.0:AML.T0054', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM01', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.3', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MANAGE 1.3', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.9.2', relationship: 'intersects-with' },
  ],
  evaluate(asset, ctx) {
    const props = armProperties(asset);
    if (!props) return unknown('properties');
    // A deployment naming no policy runs whatever the service applies by default: not an answer to judge.
    const name = props.raiPolicyName;
    if (typeof name !== 'string' || name === '') return unknown('properties.raiPolicyName');
    const { policy, policyId } = deploymentPolicy(asset, ctx, name);
    if (!policy) return unknown(policyId);
    const { weak, missing, checked } = assessFilters(policy, ctx);
    const evidence = { 'properties.raiPolicyName': name, raiPolicy: policy.nativeId };
    if (weak.length > 0) return { status: 'fail', evidence: { ...evidence, weakFilters: weak } };
    if (missing.length > 0) return unknown(...missing);
    return { status: 'pass', evidence: { ...evidence, contentFilters: checked } };
  },
});
