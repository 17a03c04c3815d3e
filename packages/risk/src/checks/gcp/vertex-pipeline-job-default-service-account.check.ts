import { defineCheck } from '../../check';
import { at, isDefaultComputeServiceAccount, isNonEmptyString, requireFields } from './gcp-fields.util';

export const vertexPipelineJobDefaultServiceAccount = defineCheck({
  id: 'gcp.vertex.pipeline_job.default_service_account',
  title: 'Vertex AI pipeline job runs as the Compute Engine default service account',
  severity: 'high',
  provider: 'gcp',
  assetType: 'gcp.vertex.pipeline_job',
  rationale:
    'A pipeline job without serviceAccount, or with the Compute Engine default one, runs every step as that ' +
    'account, an Editor of the project unless an organization policy stopped the grant: a compromised ' +
    'component image or a poisoned pipeline parameter runs with rights to change models, endpoints and buckets ' +
    'far beyond what the pipeline needs, and anyone allowed to act as that account can launch such a run.',
  reads: ['projects.locations.pipelineJobs.serviceAccount'],
  remediation: {
    console:
      'Create a user-managed service account with only the roles the pipeline needs (read its inputs, write its ' +
      'pipeline root, create Vertex AI jobs and models) and select it under Advanced options > Service account ' +
      'for the next run; update schedules that start the pipeline.',
    cli:
      'gcloud iam service-accounts create pipeline-runner && gcloud projects add-iam-policy-binding <project> ' +
      '--member=serviceAccount:pipeline-runner@<project>.iam.gserviceaccount.com --role=roles/aiplatform.user',
    terraform:
      '# Pipeline runs are submitted by code (the SDK sets service_account on PipelineJob); Terraform provides\n' +
      '# the scoped account:\nresource "google_service_account" "pipeline_runner" {\n' +
      '  account_id = "pipeline-runner"\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.T0012', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0055', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM06', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    // PipelineJob.serviceAccount is documented as "if not specified, the Compute Engine default service account
    // in the project will be used", and proto3 JSON leaves an unset string out: with the job body there, its
    // absence is the default account.
    const unknown = requireFields(asset, 'name');
    if (unknown) return unknown;
    const sa = at(asset.attributes, 'serviceAccount');
    const evidence = { serviceAccount: sa ?? null };
    return isNonEmptyString(sa) && !isDefaultComputeServiceAccount(sa)
      ? { status: 'pass', evidence }
      : { status: 'fail', evidence };
  },
});
