import { defineCheck } from '../../check';
import { workbenchMetadataVerdict } from './gcp-fields.util';

export const workbenchInstanceTerminalEnabled = defineCheck({
  id: 'gcp.vertex.workbench.terminal_enabled',
  title: 'Vertex AI Workbench instance gives users a terminal',
  severity: 'low',
  provider: 'gcp',
  assetType: 'gcp.notebooks.instance',
  rationale:
    'Unless the metadata key notebook-disable-terminal is "true", JupyterLab opens a shell on the VM: anyone who ' +
    'can reach the notebook runs arbitrary commands as the instance, including gcloud with the token of its ' +
    'service account, outside the notebook history reviewers look at.',
  reads: ['projects.locations.instances.gceSetup.metadata["notebook-disable-terminal"]'],
  remediation: {
    console:
      'In Vertex AI > Workbench open the instance, Software and security > Modify software and security ' +
      'settings, clear "Terminal access" and save.',
    cli: 'gcloud workbench instances update <name> --location=<zone> --metadata=notebook-disable-terminal=true',
    terraform:
      'resource "google_workbench_instance" "this" {\n  gce_setup {\n' +
      '    metadata = {\n      notebook-disable-terminal = "true"\n    }\n  }\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.T0050', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.4', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM03', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate: (asset) => workbenchMetadataVerdict(asset, 'notebook-disable-terminal'),
});
