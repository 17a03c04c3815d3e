import { defineCheck } from '../../check';
import { armProperties, asObject, isManagedIdentityType, unknown, unlessOpenAiAccount, verdict } from './arm';

export const openAiAccountNoManagedIdentity = defineCheck({
  id: 'azure.openai.account.no_managed_identity',
  title: 'Azure OpenAI / AI Services account has no managed identity',
  severity: 'low',
  provider: 'azure',
  assetType: 'azure.cognitiveservices.account',
  rationale:
    'Without a managed identity the account cannot reach a customer-managed key in Key Vault, nor storage and ' +
    'search indexes used for "on your data", batch and fine-tuning files, without stored keys or SAS tokens: ' +
    'teams then hand it secrets that can leak and that grant more than the service needs.',
  reads: ['Microsoft.CognitiveServices/accounts.kind', 'Microsoft.CognitiveServices/accounts.identity.type'],
  remediation: {
    console: 'Open the account, Resource Management > Identity, set System assigned to On and save.',
    cli: 'az cognitiveservices account identity assign --name <account> --resource-group <rg>',
    terraform:
      'resource "azurerm_cognitive_account" "openai" {\n  identity {\n    type = "SystemAssigned"\n  }\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.T0055', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    const notConcerned = unlessOpenAiAccount(asset);
    if (notConcerned) return notConcerned;
    // ARM omits `identity` from an account that has none; that absence is only meaningful when the rest of the
    // account (its properties) came back.
    if (!armProperties(asset)) return unknown('properties');
    const identity = asObject(asset.attributes.identity);
    const type = identity?.type ?? null;
    return verdict(!isManagedIdentityType(type), { 'identity.type': type });
  },
});
