import { defineCheck } from '../../check';
import { workbenchMetadataVerdict } from './gcp-fields.util';

export const workbenchInstanceFileDownloadEnabled = defineCheck({
  id: 'gcp.vertex.workbench.file_download_enabled',
  title: 'Vertex AI Workbench instance lets users download files from JupyterLab',
  severity: 'medium',
  provider: 'gcp',
  assetType: 'gcp.notebooks.instance',
  rationale:
    'Unless the metadata key notebook-disable-downloads is "true", anyone who can open the notebook can download ' +
    'datasets, model weights and notebook outputs to their own machine from the JupyterLab file browser, where ' +
    'no bucket IAM policy, VPC Service Controls perimeter or data access log follows them.',
  reads: ['projects.locations.instances.gceSetup.metadata["notebook-disable-downloads"]'],
  remediation: {
    console:
      'In Vertex AI > Workbench open the instance, Software and security > Modify software and security ' +
      'settings, clear "Enable file downloading from JupyterLab UI" and save.',
    cli: 'gcloud workbench instances update <name> --location=<zone> --metadata=notebook-disable-downloads=true',
    terraform:
      'resource "google_workbench_instance" "this" {\n  gce_setup {\n' +
      '    metadata = {\n      notebook-disable-downloads = "true"\n    }\n  }\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.T0025', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0035', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.7.2', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.10', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.4', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate: (asset) => workbenchMetadataVerdict(asset, 'notebook-disable-downloads'),
});
