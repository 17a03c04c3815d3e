import { defineCheck } from '../../check';
import { propertyVerdict } from './arm';

/** Credential types that hand the workspace a storage secret instead of an identity. */
const STORAGE_SECRETS = new Set(['AccountKey', 'Sas']);

export const mlDatastoreKeyCredentials = defineCheck({
  id: 'azure.ml.datastore.key_credentials',
  title: 'Azure Machine Learning datastore reaches storage with an account key or SAS token',
  severity: 'medium',
  provider: 'azure',
  assetType: 'azure.ml.datastore',
  rationale:
    'A datastore of credential type AccountKey or Sas keeps a storage secret in the workspace key vault and ' +
    'uses it for every workspace user and job. An account key grants full read and write over the whole ' +
    'storage account, so anyone who can use the datastore can read all training data or poison it, outside ' +
    'the data-plane RBAC and audit that identity-based access (credentials None) gives.',
  reads: ['Microsoft.MachineLearningServices/workspaces/datastores.properties.credentials.credentialsType'],
  remediation: {
    console:
      'Grant the workspace identity (and the users or compute identities that read the data) "Storage Blob ' +
      'Data Reader/Contributor" on the account, then edit the datastore and choose identity-based access ' +
      '(no credentials); rotate the storage keys afterwards.',
    cli:
      'az ml datastore create --resource-group <rg> --workspace-name <workspace> --file datastore.yml  ' +
      '# same name and target, no credentials section',
    terraform:
      'resource "azurerm_machine_learning_datastore_blobstorage" "this" {\n' +
      '  storage_container_id       = azurerm_storage_container.data.id\n' +
      '  service_data_auth_identity = "WorkspaceSystemAssignedIdentity"\n' +
      '  # no account_key, no shared_access_signature\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.T0055', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0005', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM04', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.7.2', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    return propertyVerdict(
      asset,
      ['credentials', 'credentialsType'],
      (v) => typeof v === 'string' && STORAGE_SECRETS.has(v),
    );
  },
});
