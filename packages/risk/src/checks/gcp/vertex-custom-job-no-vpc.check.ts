import { defineCheck } from '../../check';
import { at, isNonEmptyString, requireFields } from './gcp-fields.util';

export const vertexCustomJobNoVpc = defineCheck({
  id: 'gcp.vertex.custom_job.no_vpc',
  title: 'Vertex AI custom training job runs outside your VPC network',
  severity: 'medium',
  provider: 'gcp',
  assetType: 'gcp.vertex.custom_job',
  rationale:
    'A job with neither a peered network nor a Private Service Connect interface runs in a Google-managed ' +
    "network: its containers reach the internet through Google's gateway, past your firewall rules, Cloud NAT " +
    'and flow logs, so a compromised training image or dependency can send the training data out unseen; and ' +
    'the private data sources it needs must be exposed publicly for it to reach them.',
  reads: [
    'projects.locations.customJobs.jobSpec.network',
    'projects.locations.customJobs.jobSpec.pscInterfaceConfig.networkAttachment',
  ],
  remediation: {
    console:
      'The network is part of the job request. Set up private services access (VPC peering) or a network ' +
      'attachment for a PSC interface, then submit the job again with that network (Advanced options > ' +
      'Networking) and egress through Cloud NAT you control.',
    cli:
      'gcloud ai custom-jobs create --region=<region> --display-name=<name> --config=job.yaml ' +
      '--network=projects/<project-number>/global/networks/<vpc>',
    terraform:
      '# Jobs are submitted by code, not Terraform: set job_spec.network on the CustomJob. Terraform provides\n' +
      '# the peering it needs:\nresource "google_service_networking_connection" "vertex" {\n' +
      '  network                 = google_compute_network.ml.id\n  service                 = ' +
      '"servicenetworking.googleapis.com"\n  reserved_peering_ranges = [google_compute_global_address.vertex.name]\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.T0025', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM03', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    // Unset strings and messages are left out of proto3 JSON: with jobSpec returned, no network is no network.
    const unknown = requireFields(asset, 'jobSpec');
    if (unknown) return unknown;
    const network = at(asset.attributes, 'jobSpec.network');
    const attachment = at(asset.attributes, 'jobSpec.pscInterfaceConfig.networkAttachment');
    const evidence = {
      'jobSpec.network': network ?? null,
      'jobSpec.pscInterfaceConfig.networkAttachment': attachment ?? null,
    };
    return isNonEmptyString(network) || isNonEmptyString(attachment)
      ? { status: 'pass', evidence }
      : { status: 'fail', evidence };
  },
});
