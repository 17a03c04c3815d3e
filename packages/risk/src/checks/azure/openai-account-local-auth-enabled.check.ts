import { defineCheck } from '../../check';
import { propertyVerdict, unlessOpenAiAccount } from './arm';

export const openAiAccountLocalAuthEnabled = defineCheck({
  id: 'azure.openai.account.local_auth_enabled',
  title: 'Azure OpenAI / AI Services account accepts API keys (local authentication)',
  severity: 'high',
  provider: 'azure',
  assetType: 'azure.cognitiveservices.account',
  rationale:
    'Unless disableLocalAuth is true the account accepts its two static API keys. A key pasted into a notebook, ' +
    'a repository or a client app gives whoever finds it full use of every deployment (cost harvesting, data ' +
    'sent through your models) until someone rotates it, and calls made with it name no identity in the logs. ' +
    'With local authentication off only Microsoft Entra tokens, scoped by RBAC and revocable per principal, work.',
  reads: [
    'Microsoft.CognitiveServices/accounts.kind',
    'Microsoft.CognitiveServices/accounts.properties.disableLocalAuth',
  ],
  remediation: {
    console:
      'Move every client to Microsoft Entra ID authentication (assign them "Cognitive Services OpenAI User"), ' +
      'then disable key access: the portal has no switch for it, use the CLI or an ARM/Terraform update.',
    cli: 'az resource update --ids <account-id> --set properties.disableLocalAuth=true',
    terraform:
      'resource "azurerm_cognitive_account" "openai" {\n  kind                  = "OpenAI"\n' +
      '  custom_subdomain_name = var.subdomain\n  local_auth_enabled    = false\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.T0055', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0034', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM10', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    // ARM leaves disableLocalAuth out of accounts where it was never set; keys then work, but that is the
    // documented default, not the answer: unknown.
    return unlessOpenAiAccount(asset) ?? propertyVerdict(asset, ['disableLocalAuth'], (v) => v !== true);
  },
});
