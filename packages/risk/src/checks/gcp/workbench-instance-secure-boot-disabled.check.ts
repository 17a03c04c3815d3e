import { defineCheck } from '../../check';
import { protoBoolVerdict } from './gcp-fields.util';

export const workbenchInstanceSecureBootDisabled = defineCheck({
  id: 'gcp.vertex.workbench.secure_boot_disabled',
  title: 'Vertex AI Workbench instance runs without Shielded VM secure boot',
  severity: 'low',
  provider: 'gcp',
  assetType: 'gcp.notebooks.instance',
  rationale:
    'Without secure boot the VM boots components whose signatures were never verified: someone who gets root on ' +
    'the instance (root access is on by default) can install a bootkit or unsigned kernel module that survives ' +
    'restarts and keeps reading notebooks and the service account token after the notebook is cleaned up.',
  reads: ['projects.locations.instances.gceSetup.shieldedInstanceConfig.enableSecureBoot'],
  remediation: {
    console:
      'Stop the instance; in Vertex AI > Workbench open it, Software and security > Modify, turn on ' +
      '"Secure Boot" under Shielded VM and start it again.',
    cli:
      'gcloud workbench instances stop <name> --location=<zone> && ' +
      'gcloud workbench instances update <name> --location=<zone> --shielded-secure-boot=true',
    terraform:
      'resource "google_workbench_instance" "this" {\n  gce_setup {\n    shielded_instance_config {\n' +
      '      enable_secure_boot          = true\n      enable_vtpm                 = true\n' +
      '      enable_integrity_monitoring = true\n    }\n  }\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.T0112', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM03', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate: (asset) => protoBoolVerdict(asset, 'gceSetup.shieldedInstanceConfig', 'enableSecureBoot', false),
});
