import { defineCheck } from '../../check';
import { propertyVerdict, returnedProperties, unlessOpenAiAccount } from './arm';

export const openAiAccountOutboundNotRestricted = defineCheck({
  id: 'azure.openai.account.outbound_not_restricted',
  title: 'Azure OpenAI / AI Services account may call any outbound destination',
  severity: 'medium',
  provider: 'azure',
  assetType: 'azure.cognitiveservices.account',
  rationale:
    'Features such as "on your data", web grounding, agents with tools and batch jobs make the service itself ' +
    'fetch from and write to URLs. Without restrictOutboundNetworkAccess a prompt-injected or misconfigured ' +
    'request can make it send prompts, retrieved documents or completions to any host; with it, only the FQDNs ' +
    'in allowedFqdnList are reachable.',
  reads: [
    'Microsoft.CognitiveServices/accounts.kind',
    'Microsoft.CognitiveServices/accounts.properties.restrictOutboundNetworkAccess',
    'Microsoft.CognitiveServices/accounts.properties.allowedFqdnList',
  ],
  remediation: {
    console:
      'The portal does not expose this setting: list the hosts the account must reach (your storage, search ' +
      'and Key Vault endpoints) and apply them with the CLI or an ARM/Terraform update.',
    cli:
      'az resource update --ids <account-id> --set properties.restrictOutboundNetworkAccess=true ' +
      '\'properties.allowedFqdnList=["<storage>.blob.core.windows.net","<search>.search.windows.net"]\'',
    terraform:
      'resource "azurerm_cognitive_account" "openai" {\n  outbound_network_access_restricted = true\n' +
      '  fqdns = ["<storage>.blob.core.windows.net", "<search>.search.windows.net"]\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.T0025', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM06', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    return (
      unlessOpenAiAccount(asset) ??
      propertyVerdict(
        asset,
        ['restrictOutboundNetworkAccess'],
        (v) => v !== true,
        returnedProperties(asset, 'allowedFqdnList'),
      )
    );
  },
});
