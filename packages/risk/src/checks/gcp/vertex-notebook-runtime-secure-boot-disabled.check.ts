import { defineCheck } from '../../check';
import { protoBoolVerdict } from './gcp-fields.util';

export const vertexNotebookRuntimeSecureBootDisabled = defineCheck({
  id: 'gcp.vertex.notebook_runtime.secure_boot_disabled',
  title: 'Colab Enterprise notebook runtime runs without Shielded VM secure boot',
  severity: 'low',
  provider: 'gcp',
  assetType: 'gcp.vertex.notebook_runtime',
  rationale:
    'Without secure boot the runtime VM boots components whose signatures were never verified, so malware that ' +
    'a notebook session installs at boot level survives restarts and keeps reading the data and credentials of ' +
    'every later session on that runtime.',
  reads: ['projects.locations.notebookRuntimes.shieldedVmConfig.enableSecureBoot'],
  remediation: {
    console:
      'In Colab Enterprise > Runtime templates create a template with Shielded VM "Secure Boot" turned on, then ' +
      'delete this runtime and create new ones from that template.',
    cli: 'gcloud colab runtime-templates create --region=<region> --display-name=<name> --enable-secure-boot',
    terraform:
      'resource "google_colab_runtime_template" "this" {\n  shielded_vm_config {\n' +
      '    enable_secure_boot = true\n  }\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.T0112', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM03', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate: (asset) => protoBoolVerdict(asset, 'shieldedVmConfig', 'enableSecureBoot', false),
});
