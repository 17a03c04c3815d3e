import { z, ZProvider, ZUuid, type TProvider } from './common';

/** Why an asset is shadow AI. Stable codes: the console and users' filters key on them. */
export const SHADOW_REASON_CODES = [
  'unsanctioned_service',
  'unsanctioned_account',
  'unsanctioned_model',
  'ai_api_enabled_unregistered',
  'unapproved_region',
  'self_hosted_model_server',
] as const;
export const ZShadowReasonCode = z.enum(SHADOW_REASON_CODES);
export type TShadowReasonCode = z.infer<typeof ZShadowReasonCode>;

/** What a register entry sanctions. */
export const SANCTIONED_AI_KINDS = ['service', 'model', 'account', 'region'] as const;
export const ZSanctionedAiKind = z.enum(SANCTIONED_AI_KINDS);
export type TSanctionedAiKind = z.infer<typeof ZSanctionedAiKind>;

/**
 * The AI services a register entry of kind `service` (or the service scope of a `region` entry) may name.
 * An umbrella sanctions what is under it: `azure.cognitiveservices` covers `azure.openai` and `azure.aiservices`,
 * `gcp.vertex` covers `gcp.notebooks` (Vertex AI Workbench). `<provider>.self_hosted` sanctions model servers the
 * organization runs itself on compute (vLLM, Ollama, Triton...).
 */
export const AI_SERVICES = {
  aws: ['aws.bedrock', 'aws.sagemaker', 'aws.self_hosted'],
  azure: ['azure.openai', 'azure.aiservices', 'azure.cognitiveservices', 'azure.ml', 'azure.self_hosted'],
  gcp: [
    'gcp.vertex',
    'gcp.gemini',
    'gcp.notebooks',
    'gcp.dialogflow',
    'gcp.discoveryengine',
    'gcp.documentai',
    'gcp.language',
    'gcp.speech',
    'gcp.texttospeech',
    'gcp.translate',
    'gcp.vision',
    'gcp.videointelligence',
    'gcp.self_hosted',
  ],
} as const satisfies Record<TProvider, readonly string[]>;
export type TAiService = (typeof AI_SERVICES)[TProvider][number];

const AWS_ACCOUNT = /^\d{12}$/;
const AZURE_SUBSCRIPTION = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A Google Cloud project id, or a project number (resource names often carry the number). */
const GCP_PROJECT = /^(?:[a-z][a-z0-9-]{4,28}[a-z0-9]|\d{1,20})$/;
/** A region or location name, or a glob over them (`eu-*`). */
const REGION = /^[a-z0-9*?-]{2,40}$/;
/** A model id, ARN or resource name, or a glob over them (`*` any run, `?` one character). */
const MODEL = /^[a-z0-9._:/@*?+-]{1,200}$/;

/**
 * Why `value` (already trimmed and lower-cased) cannot be a register entry of this kind and provider, or
 * undefined when it can. Region entries are `eu-west-1` (every AI service of the provider) or
 * `aws.bedrock:eu-west-1` (that service only).
 */
export function sanctionedValueProblem(
  kind: TSanctionedAiKind,
  provider: TProvider,
  value: string,
): string | undefined {
  const services: readonly string[] = AI_SERVICES[provider];
  switch (kind) {
    case 'service':
      return services.includes(value)
        ? undefined
        : `not an AI service of ${provider}: use one of ${services.join(', ')}`;
    case 'model':
      return MODEL.test(value)
        ? undefined
        : 'a model id or glob of letters, digits and . _ : / @ + - (with * and ?), at most 200 characters';
    case 'account':
      if (provider === 'aws') return AWS_ACCOUNT.test(value) ? undefined : 'an AWS account id is 12 digits';
      if (provider === 'azure')
        return AZURE_SUBSCRIPTION.test(value) ? undefined : 'an Azure subscription id is a UUID';
      return GCP_PROJECT.test(value) ? undefined : 'a Google Cloud project id (or project number)';
    case 'region': {
      const colon = value.indexOf(':');
      const service = colon >= 0 ? value.slice(0, colon) : undefined;
      const region = colon >= 0 ? value.slice(colon + 1) : value;
      if (service !== undefined && !services.includes(service))
        return `the service scope is not an AI service of ${provider}: use one of ${services.join(', ')}`;
      return REGION.test(region)
        ? undefined
        : 'a region name such as eu-west-1, optionally as <service>:<region>';
    }
  }
}

/** One entry of the organization's register of sanctioned AI. */
export const ZSanctionedAi = z
  .object({
    id: ZUuid,
    kind: ZSanctionedAiKind,
    provider: ZProvider,
    value: z.string(),
    note: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.iso.datetime(),
  })
  .openapi('SanctionedAi');
export type TSanctionedAi = z.infer<typeof ZSanctionedAi>;
export const ZSanctionedAiList = z.object({ items: z.array(ZSanctionedAi) }).openapi('SanctionedAiList');

export const ZCreateSanctionedAi = z
  .object({
    kind: ZSanctionedAiKind,
    provider: ZProvider,
    value: z
      .string()
      .trim()
      .toLowerCase()
      .min(1)
      .max(200)
      .openapi({
        description:
          'service: aws.bedrock, azure.openai, gcp.vertex, gcp.gemini...; model: id or glob (anthropic.claude-3-5-sonnet*, gpt-4o*); ' +
          'account: AWS account id, Azure subscription id or Google Cloud project; region: eu-west-1 or aws.bedrock:eu-west-1. Stored lower-cased.',
      }),
    note: z.string().trim().max(500).optional(),
  })
  .superRefine((v, ctx) => {
    const problem = sanctionedValueProblem(v.kind, v.provider, v.value);
    if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
  })
  .openapi('CreateSanctionedAi');
export type TCreateSanctionedAi = z.infer<typeof ZCreateSanctionedAi>;

/** A register entry the asset would need, or what the asset showed: field path and value as the cloud returned it. */
export const ZShadowEvidence = z
  .object({
    /** Where the asset shows it: `attributes.PrimaryContainer.Image`, `tags.Name`, `region`. */
    path: z.string().optional(),
    value: z.string().optional(),
    /** The register entry that would sanction it. */
    missing: z.object({ kind: ZSanctionedAiKind, provider: ZProvider, value: z.string() }).optional(),
    /** What the register holds for this question (the sanctioned regions, model patterns or accounts). */
    registered: z.array(z.string()).optional(),
  })
  .openapi('ShadowEvidence');
export type TShadowEvidence = z.infer<typeof ZShadowEvidence>;

export const ZShadowReason = z
  .object({ code: ZShadowReasonCode, title: z.string(), evidence: ZShadowEvidence })
  .openapi('ShadowReason');
export type TShadowReason = z.infer<typeof ZShadowReason>;

/** On each asset: why it is shadow AI, or null when it is sanctioned or not AI at all. */
export const ZAssetShadow = z.object({ reasons: z.array(ZShadowReason).min(1) }).nullable();
export type TAssetShadow = z.infer<typeof ZAssetShadow>;

/** What a register change did to the flags: the tenant's assets of that provider are re-evaluated at once. */
export const ZShadowEvaluation = z
  .object({
    assetsEvaluated: z.number().int(),
    /** Assets whose flags changed (flagged, cleared, or with other reasons). */
    assetsChanged: z.number().int(),
    shadowAssets: z.number().int(),
  })
  .openapi('ShadowEvaluation');
export type TShadowEvaluation = z.infer<typeof ZShadowEvaluation>;

export const ZSanctionedAiChange = z
  .object({ entry: ZSanctionedAi, evaluation: ZShadowEvaluation })
  .openapi('SanctionedAiChange');
export type TSanctionedAiChange = z.infer<typeof ZSanctionedAiChange>;

const byCode = z.object(
  Object.fromEntries(SHADOW_REASON_CODES.map((c) => [c, z.number().int()])) as Record<
    TShadowReasonCode,
    z.ZodNumber
  >,
);
const byProvider = z.object({ aws: z.number().int(), azure: z.number().int(), gcp: z.number().int() });

/** Shadow AI figures for the dashboard: current (not deleted) assets, an asset counted once per reason code. */
export const ZShadowAiSummary = z
  .object({
    shadowAssets: z.number().int(),
    byReason: byCode,
    byProvider,
    byReasonAndProvider: z.array(
      z.object({ code: ZShadowReasonCode, provider: ZProvider, assets: z.number().int() }),
    ),
    registerEntries: z.object({
      service: z.number().int(),
      model: z.number().int(),
      account: z.number().int(),
      region: z.number().int(),
    }),
  })
  .openapi('ShadowAiSummary');
export type TShadowAiSummary = z.infer<typeof ZShadowAiSummary>;
