import { defineCheck, has } from '../../check';
import { armProperties, asObject, unknown, unlessOpenAiAccount, verdict } from './arm';

export const openAiAccountNetworkAclAllowsAll = defineCheck({
  id: 'azure.openai.account.network_acl_allows_all',
  title: 'Azure OpenAI / AI Services account is reachable from every network',
  severity: 'high',
  provider: 'azure',
  assetType: 'azure.cognitiveservices.account',
  rationale:
    'A publicly reachable account whose network ACL default action is Allow (or that has no network ACL at all) ' +
    "answers requests from any IP address on the internet, so a stolen key or token works from an attacker's " +
    'own machine. A default action of Deny limits the public endpoint to the IP ranges and virtual networks you ' +
    'list, which contains a leaked credential to your own networks.',
  reads: [
    'Microsoft.CognitiveServices/accounts.kind',
    'Microsoft.CognitiveServices/accounts.properties.publicNetworkAccess',
    'Microsoft.CognitiveServices/accounts.properties.networkAcls.defaultAction',
  ],
  remediation: {
    console:
      'Open the account, Resource Management > Networking > Firewalls and virtual networks, choose "Selected ' +
      'networks and private endpoints", add the client IP ranges and subnets that need access, and save.',
    cli:
      'az cognitiveservices account network-rule add --name <account> --resource-group <rg> --ip-address <cidr> && ' +
      'az resource update --ids <account-id> --set properties.networkAcls.defaultAction=Deny',
    terraform:
      'resource "azurerm_cognitive_account" "openai" {\n  custom_subdomain_name = var.subdomain\n' +
      '  network_acls {\n    default_action = "Deny"\n    ip_rules       = var.allowed_cidrs\n  }\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0019', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0040', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM10', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    const notConcerned = unlessOpenAiAccount(asset);
    if (notConcerned) return notConcerned;
    const props = armProperties(asset);
    if (!props) return unknown('properties');
    if (!has(props, 'publicNetworkAccess')) return unknown('properties.publicNetworkAccess');
    const access = { 'properties.publicNetworkAccess': props.publicNetworkAccess };
    // With public access disabled only private endpoints reach the account: the ACL governs nothing.
    if (props.publicNetworkAccess === 'Disabled') return verdict(false, access);
    // ARM leaves networkAcls out of an account that has none, which then accepts every network.
    if (props.networkAcls === undefined || props.networkAcls === null) {
      return verdict(true, { ...access, 'properties.networkAcls': null });
    }
    const acls = asObject(props.networkAcls);
    if (!acls || !has(acls, 'defaultAction')) return unknown('properties.networkAcls.defaultAction');
    return verdict(acls.defaultAction !== 'Deny', {
      ...access,
      'properties.networkAcls.defaultAction': acls.defaultAction,
      'properties.networkAcls.ipRules': acls.ipRules ?? null,
      'properties.networkAcls.virtualNetworkRules': acls.virtualNetworkRules ?? null,
    });
  },
});
