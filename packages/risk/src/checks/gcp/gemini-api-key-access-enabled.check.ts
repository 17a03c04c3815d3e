import { defineCheck } from '../../check';
import { at } from './gcp-fields.util';

const GEMINI_API = 'generativelanguage.googleapis.com';

export const geminiApiKeyAccessEnabled = defineCheck({
  id: 'gcp.gemini.api.key_access_enabled',
  title: 'Gemini API (Generative Language API) is enabled, so API keys can call Gemini in this project',
  severity: 'medium',
  provider: 'gcp',
  assetType: 'gcp.serviceusage.service',
  rationale:
    'The Generative Language API serves Gemini to API keys, which are bearer secrets tied to no identity: any ' +
    'unrestricted key of the project (keys are unrestricted unless someone restricts them) or one leaked from a ' +
    "notebook or repository lets anyone run Gemini at the project's cost and read the files and cached " +
    'contents uploaded through the API, with no IAM policy, VPC Service Controls perimeter or per-user audit ' +
    'trail between them and the model. Vertex AI serves the same models with IAM authentication.',
  reads: ['services.state', 'services.config.name'],
  remediation: {
    console:
      'If the project uses Gemini through Vertex AI, disable the Generative Language API in APIs & Services. ' +
      'If an application needs it, in APIs & Services > Credentials restrict every key to the Generative ' +
      'Language API and to the servers or apps that use it, delete unused keys and rotate any that were shared.',
    cli:
      'gcloud services disable generativelanguage.googleapis.com --project=<project>  # or restrict keys: ' +
      'gcloud services api-keys update <key> --api-target=service=generativelanguage.googleapis.com ' +
      '--allowed-ips=<egress-ip>',
    terraform:
      '# Remove the google_project_service for generativelanguage.googleapis.com, or restrict its keys:\n' +
      'resource "google_apikeys_key" "gemini" {\n  name    = "gemini-backend"\n  project = var.project_id\n' +
      '  restrictions {\n    api_targets {\n      service = "generativelanguage.googleapis.com"\n    }\n' +
      '    server_key_restrictions {\n      allowed_ips = [var.egress_ip]\n    }\n  }\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.T0034', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0055', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM10', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    const api =
      at(asset.attributes, 'config.name') ?? asset.nativeId.slice(asset.nativeId.lastIndexOf('/') + 1);
    if (api !== GEMINI_API)
      return { status: 'not_applicable', reason: `${String(api)} is not the Gemini API` };
    const state = at(asset.attributes, 'state');
    if (state === undefined) return { status: 'unknown', missing: ['state'] };
    const evidence = { 'config.name': api, state };
    return state === 'ENABLED' ? { status: 'fail', evidence } : { status: 'pass', evidence };
  },
});
