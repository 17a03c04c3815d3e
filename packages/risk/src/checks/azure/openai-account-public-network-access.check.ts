import { defineCheck } from '../../check';
import { propertyVerdict, returnedProperties, unlessOpenAiAccount } from './arm';

export const openAiAccountPublicNetworkAccess = defineCheck({
  id: 'azure.openai.account.public_network_access',
  title: 'Azure OpenAI / AI Services account accepts traffic from public networks',
  severity: 'high',
  provider: 'azure',
  assetType: 'azure.cognitiveservices.account',
  rationale:
    'With publicNetworkAccess other than Disabled the account endpoint answers from the internet (from every ' +
    'network, or from the IP ranges its network ACLs allow). Anyone holding a leaked API key or token can run ' +
    'the deployed models at your cost, probe them for prompt injection and extract their data, from anywhere; ' +
    'private endpoints keep calls inside networks you control.',
  reads: [
    'Microsoft.CognitiveServices/accounts.kind',
    'Microsoft.CognitiveServices/accounts.properties.publicNetworkAccess',
    'Microsoft.CognitiveServices/accounts.properties.networkAcls',
  ],
  remediation: {
    console:
      'Create a private endpoint for the account (Networking > Private endpoint connections), then under ' +
      'Networking > Firewalls and virtual networks choose "Disabled" so that only private endpoints reach it.',
    cli: 'az resource update --ids <account-id> --set properties.publicNetworkAccess=Disabled',
    terraform:
      'resource "azurerm_cognitive_account" "openai" {\n  kind                          = "OpenAI"\n' +
      '  custom_subdomain_name         = var.subdomain\n  public_network_access_enabled = false\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0019', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0040', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM10', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    return (
      unlessOpenAiAccount(asset) ??
      propertyVerdict(
        asset,
        ['publicNetworkAccess'],
        (v) => v !== 'Disabled',
        returnedProperties(asset, 'networkAcls'),
      )
    );
  },
});
