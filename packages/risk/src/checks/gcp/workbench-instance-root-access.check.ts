import { defineCheck } from '../../check';
import { workbenchMetadataVerdict } from './gcp-fields.util';

export const workbenchInstanceRootAccess = defineCheck({
  id: 'gcp.vertex.workbench.root_access',
  title: 'Vertex AI Workbench instance gives notebook users root access',
  severity: 'medium',
  provider: 'gcp',
  assetType: 'gcp.notebooks.instance',
  rationale:
    'Unless the metadata key notebook-disable-root is "true", the Jupyter user can sudo to root on the VM: ' +
    'change its networking and firewall, install kernel modules or backdoored libraries other users load, read ' +
    "other users' files and tamper with the agent that reports the instance's health.",
  reads: ['projects.locations.instances.gceSetup.metadata["notebook-disable-root"]'],
  remediation: {
    console:
      'In Vertex AI > Workbench open the instance, Software and security > Modify software and security ' +
      'settings, clear "Root access to the instance" and save; install the system packages users need in a ' +
      'post-startup script instead.',
    cli: 'gcloud workbench instances update <name> --location=<zone> --metadata=notebook-disable-root=true',
    terraform:
      'resource "google_workbench_instance" "this" {\n  gce_setup {\n' +
      '    metadata = {\n      notebook-disable-root = "true"\n    }\n  }\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.T0055', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0011', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.4', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM03', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate: (asset) => workbenchMetadataVerdict(asset, 'notebook-disable-root'),
});
