import { defineCheck } from '../../check';
import { protoBoolVerdict } from './gcp-fields.util';

export const vertexCustomJobWebAccessEnabled = defineCheck({
  id: 'gcp.vertex.custom_job.web_access_enabled',
  title: 'Vertex AI custom training job allows interactive shell access',
  severity: 'medium',
  provider: 'gcp',
  assetType: 'gcp.vertex.custom_job',
  rationale:
    'With enableWebAccess every training node serves an interactive shell (webAccessUris) while the job runs: ' +
    "whoever can open it runs commands inside the training container as the job's service account, reads the " +
    'training data and can alter the model being trained, outside the reviewed training code.',
  reads: ['projects.locations.customJobs.jobSpec.enableWebAccess'],
  remediation: {
    console:
      'Submit the job again without "Enable web access for training debugging" (Training > Advanced options); ' +
      'use it only for short debugging runs on non-production data.',
    cli:
      'gcloud ai custom-jobs create --region=<region> --display-name=<name> --config=job.yaml ' +
      '# without --enable-web-access, and enableWebAccess removed from job.yaml',
    terraform:
      '# Custom jobs are submitted by code (the SDK, pipelines), not declared in Terraform: remove\n' +
      '# enable_web_access from the CustomJob spec the pipeline submits (unset is false).',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.T0050', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0020', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.4.4', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM04', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate: (asset) => protoBoolVerdict(asset, 'jobSpec', 'enableWebAccess', true),
});
