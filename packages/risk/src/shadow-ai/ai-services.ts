import type { TProvider } from '@aispm/contracts';
import type { FieldValue, ShadowAssetInput } from './types';

/**
 * Which AI service an asset belongs to, most specific first: any one of `services` in the register sanctions
 * it (an umbrella such as `azure.cognitiveservices` covers `azure.openai`). `api` is set when the asset is an
 * AI API turned on for an account rather than a resource built with it (reported as ai_api_enabled_unregistered).
 */
export interface AiServiceOf {
  services: readonly string[];
  api?: FieldValue;
}

/** Google APIs that are AI services, by service name, and the register service that sanctions each. */
export const GCP_AI_APIS: Readonly<Record<string, string>> = {
  'aiplatform.googleapis.com': 'gcp.vertex',
  // The legacy AI Platform (Cloud ML Engine) API, superseded by Vertex AI.
  'ml.googleapis.com': 'gcp.vertex',
  'notebooks.googleapis.com': 'gcp.notebooks',
  'generativelanguage.googleapis.com': 'gcp.gemini',
  'dialogflow.googleapis.com': 'gcp.dialogflow',
  'discoveryengine.googleapis.com': 'gcp.discoveryengine',
  'documentai.googleapis.com': 'gcp.documentai',
  'language.googleapis.com': 'gcp.language',
  'speech.googleapis.com': 'gcp.speech',
  'texttospeech.googleapis.com': 'gcp.texttospeech',
  'translate.googleapis.com': 'gcp.translate',
  'vision.googleapis.com': 'gcp.vision',
  'videointelligence.googleapis.com': 'gcp.videointelligence',
};

/** Register services that also sanction another one (umbrellas). */
const UMBRELLA: Readonly<Record<string, string>> = {
  'gcp.notebooks': 'gcp.vertex',
  'azure.openai': 'azure.cognitiveservices',
  'azure.aiservices': 'azure.cognitiveservices',
};

function withUmbrella(service: string): string[] {
  const up = UMBRELLA[service];
  return up ? [service, up] : [service];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function record(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;
}

/** The AI service of an asset, or undefined when the asset is not an AI service resource. */
export function aiServiceOf(
  asset: Pick<ShadowAssetInput, 'assetType' | 'attributes' | 'nativeId' | 'name'>,
): AiServiceOf | undefined {
  const t = asset.assetType;
  if (t.startsWith('aws.sagemaker.')) return { services: ['aws.sagemaker'] };
  if (t.startsWith('aws.bedrock.')) return { services: ['aws.bedrock'] };
  if (t.startsWith('azure.ml.')) return { services: ['azure.ml'] };
  if (t.startsWith('gcp.vertex.')) return { services: ['gcp.vertex'] };
  if (t === 'gcp.notebooks.instance') return { services: withUmbrella('gcp.notebooks') };
  if (t === 'azure.cognitiveservices.account') {
    // ARM returns the account's kind at the top level: OpenAI, AIServices, TextAnalytics, ComputerVision...
    const kind = str(asset.attributes.kind);
    const k = kind?.toLowerCase();
    if (k === 'openai' || k === 'aiservices') {
      return {
        services: withUmbrella(k === 'openai' ? 'azure.openai' : 'azure.aiservices'),
        api: { path: 'attributes.kind', value: kind! },
      };
    }
    return { services: ['azure.cognitiveservices'] };
  }
  if (t.startsWith('azure.cognitiveservices.')) {
    // Deployments and content filters exist only under OpenAI and AIServices accounts; the parent's kind is not
    // on the child, so any of the three sanctions them.
    return { services: ['azure.openai', 'azure.aiservices', 'azure.cognitiveservices'] };
  }
  if (t === 'gcp.serviceusage.service') return gcpApi(asset);
  return undefined;
}

const DISABLED = new Set<unknown>(['DISABLED', 1]);

function gcpApi(asset: Pick<ShadowAssetInput, 'attributes' | 'nativeId' | 'name'>): AiServiceOf | undefined {
  // Service Usage answers `projects/123/services/aiplatform.googleapis.com` with config.name and state.
  const fromConfig = str(record(asset.attributes.config)?.name);
  const fromName = asset.nativeId.split('/services/').at(-1) ?? asset.name;
  const api = (fromConfig ?? fromName).toLowerCase();
  const service = GCP_AI_APIS[api];
  if (!service) return undefined;
  // A listed API that is explicitly disabled is not in use; a missing state (lists filtered to enabled
  // services do not need it) counts as enabled.
  if (DISABLED.has(asset.attributes.state)) return undefined;
  return {
    services: withUmbrella(service),
    api: { path: fromConfig ? 'attributes.config.name' : 'nativeId', value: fromConfig ?? asset.nativeId },
  };
}

/** The register service that sanctions self-hosted model servers on a provider's compute. */
export function selfHostedService(provider: TProvider): string {
  return `${provider}.self_hosted`;
}
