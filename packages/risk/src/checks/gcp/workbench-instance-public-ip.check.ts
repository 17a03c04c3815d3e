import { defineCheck } from '../../check';
import { asRecords, at, protoBoolVerdict } from './gcp-fields.util';

export const workbenchInstancePublicIp = defineCheck({
  id: 'gcp.vertex.workbench.public_ip',
  title: 'Vertex AI Workbench instance has a public IP address',
  severity: 'high',
  provider: 'gcp',
  assetType: 'gcp.notebooks.instance',
  rationale:
    'Without disablePublicIp the Workbench VM gets an external IP address: it is reachable from the internet ' +
    'wherever a firewall rule allows it (the default network allows SSH from anywhere), and code run in the ' +
    'notebook can send training data or the service account token from the metadata server straight out, past ' +
    'Cloud NAT logging and egress rules of your network.',
  reads: [
    'projects.locations.instances.gceSetup.disablePublicIp',
    'projects.locations.instances.gceSetup.networkInterfaces[].network',
  ],
  remediation: {
    console:
      'The external IP is chosen at creation. In Vertex AI > Workbench, create a replacement instance and under ' +
      'Networking clear "Assign external IP address", in a subnet with Private Google Access (and Cloud NAT if ' +
      'it needs package mirrors); move the notebooks over, then delete this instance.',
    cli:
      'gcloud workbench instances create <name> --location=<zone> --disable-public-ip ' +
      '--network=<network> --subnet=<subnet>',
    terraform:
      'resource "google_workbench_instance" "this" {\n  gce_setup {\n    disable_public_ip = true\n' +
      '    network_interfaces {\n      network = google_compute_network.ml.id\n' +
      '      subnet  = google_compute_subnetwork.notebooks.id\n    }\n  }\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.T0025', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0049', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM02', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    const networks = asRecords(at(asset.attributes, 'gceSetup.networkInterfaces')).map((n) => n.network);
    return protoBoolVerdict(asset, 'gceSetup', 'disablePublicIp', false, { networks });
  },
});
