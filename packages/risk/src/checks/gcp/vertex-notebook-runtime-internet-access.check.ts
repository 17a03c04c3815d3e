import { defineCheck } from '../../check';
import { at, protoBoolVerdict } from './gcp-fields.util';

export const vertexNotebookRuntimeInternetAccess = defineCheck({
  id: 'gcp.vertex.notebook_runtime.internet_access',
  title: 'Colab Enterprise notebook runtime has public internet access',
  severity: 'high',
  provider: 'gcp',
  assetType: 'gcp.vertex.notebook_runtime',
  rationale:
    'With networkSpec.enableInternetAccess the runtime reaches the internet directly, outside your VPC ' +
    'controls: notebook code can install untrusted packages and models, and send the data it reads from ' +
    'BigQuery or Cloud Storage, or the credentials it runs with, to any host without your egress rules or ' +
    'logs seeing it.',
  reads: [
    'projects.locations.notebookRuntimes.networkSpec.enableInternetAccess',
    'projects.locations.notebookRuntimes.networkSpec.network',
  ],
  remediation: {
    console:
      'Runtimes take their network from their template. In Colab Enterprise > Runtime templates create a ' +
      'template on your VPC subnet with "Enable public internet access" cleared (egress through Cloud NAT you ' +
      'control), then delete this runtime and let users create new ones from that template.',
    cli:
      'gcloud colab runtime-templates create --region=<region> --display-name=<name> ' +
      '--network=<vpc> --subnetwork=<subnet> --no-enable-internet-access',
    terraform:
      'resource "google_colab_runtime_template" "this" {\n  network_spec {\n' +
      '    enable_internet_access = false\n    network                = google_compute_network.ml.id\n' +
      '    subnetwork             = google_compute_subnetwork.notebooks.id\n  }\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.T0025', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.M0019', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM03', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate: (asset) =>
    protoBoolVerdict(asset, 'networkSpec', 'enableInternetAccess', true, {
      'networkSpec.network': at(asset.attributes, 'networkSpec.network') ?? null,
    }),
});
