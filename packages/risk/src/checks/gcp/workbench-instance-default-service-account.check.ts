import { defineCheck } from '../../check';
import { asRecords, at, isDefaultComputeServiceAccount, requireFields } from './gcp-fields.util';

export const workbenchInstanceDefaultServiceAccount = defineCheck({
  id: 'gcp.vertex.workbench.default_service_account',
  title: 'Vertex AI Workbench instance runs as the Compute Engine default service account',
  severity: 'high',
  provider: 'gcp',
  assetType: 'gcp.notebooks.instance',
  rationale:
    'The Compute Engine default service account is an Editor of the project unless an organization policy ' +
    'stopped that grant, and Workbench gives it the cloud-platform scope: every notebook user, and any code or ' +
    'package a notebook runs, can read the token from the metadata server and change almost anything in the ' +
    'project, including the buckets and models other teams rely on.',
  reads: ['projects.locations.instances.gceSetup.serviceAccounts[].email'],
  remediation: {
    console:
      'The service account is set at creation. Create a user-managed service account with only the roles the ' +
      'notebooks need, create a replacement instance that runs as it (IAM and security > Service account), move ' +
      'the work over and delete this instance.',
    cli:
      'gcloud iam service-accounts create notebook-runner && gcloud workbench instances create <name> ' +
      '--location=<zone> --service-account-email=notebook-runner@<project>.iam.gserviceaccount.com',
    terraform:
      'resource "google_workbench_instance" "this" {\n  gce_setup {\n    service_accounts {\n' +
      '      email = google_service_account.notebook_runner.email\n    }\n  }\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.T0055', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0012', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM06', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    const unknown = requireFields(asset, 'gceSetup.serviceAccounts');
    if (unknown) return unknown;
    const emails = asRecords(at(asset.attributes, 'gceSetup.serviceAccounts')).map((sa) => sa.email ?? null);
    const evidence = { 'gceSetup.serviceAccounts[].email': emails };
    return emails.some(isDefaultComputeServiceAccount)
      ? { status: 'fail', evidence }
      : { status: 'pass', evidence };
  },
});
