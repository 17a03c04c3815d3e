import { defineCheck, has } from '../../check';
import { armProperties, asObject, unknown, unlessOpenAiAccount, verdict } from './arm';

export const openAiAccountNoCmk = defineCheck({
  id: 'azure.openai.account.no_cmk',
  title: 'Azure OpenAI / AI Services account data is not encrypted with a customer-managed key',
  severity: 'medium',
  provider: 'azure',
  assetType: 'azure.cognitiveservices.account',
  rationale:
    'The account stores fine-tuning and batch files, fine-tuned model weights, stored completions and assistant ' +
    'threads. With Microsoft-managed keys you cannot restrict or audit who decrypts them, nor make them ' +
    'unreadable by revoking your key when the account or a tenant is compromised or decommissioned.',
  reads: [
    'Microsoft.CognitiveServices/accounts.kind',
    'Microsoft.CognitiveServices/accounts.properties.encryption.keySource',
    'Microsoft.CognitiveServices/accounts.properties.encryption.keyVaultProperties',
  ],
  remediation: {
    console:
      'Give the account a managed identity with "Key Vault Crypto User" on a vault with purge protection, then ' +
      'under Resource Management > Encryption choose "Customer-managed keys" and select the key.',
    cli:
      'az resource update --ids <account-id> --set \'properties.encryption={"keySource":"Microsoft.KeyVault",' +
      '"keyVaultProperties":{"keyVaultUri":"https://<vault>.vault.azure.net/","keyName":"<key>",' +
      '"keyVersion":"<version>"}}\'',
    terraform:
      'resource "azurerm_cognitive_account_customer_managed_key" "openai" {\n' +
      '  cognitive_account_id = azurerm_cognitive_account.openai.id\n' +
      '  key_vault_key_id     = azurerm_key_vault_key.openai.id\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0012', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0005', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.4', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.7.2', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    const notConcerned = unlessOpenAiAccount(asset);
    if (notConcerned) return notConcerned;
    const props = armProperties(asset);
    if (!props) return unknown('properties');
    // ARM leaves `encryption` out of an account encrypted with Microsoft-managed keys, so with the rest of the
    // properties present its absence means no customer-managed key.
    const encryption = asObject(props.encryption);
    if (!has(props, 'encryption') || props.encryption === null) {
      return verdict(true, { 'properties.encryption': null });
    }
    if (!encryption || !has(encryption, 'keySource')) return unknown('properties.encryption.keySource');
    const evidence = {
      'properties.encryption.keySource': encryption.keySource,
      ...(encryption.keyVaultProperties !== undefined && {
        'properties.encryption.keyVaultProperties': encryption.keyVaultProperties,
      }),
    };
    return verdict(encryption.keySource !== 'Microsoft.KeyVault', evidence);
  },
});
