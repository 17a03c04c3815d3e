import { deriveSeed, seededRandom, type SeededRandom } from '../../seeded-random.util';
import { SIM_BUCKETS } from '../infra/estate';

/**
 * The simulated Amazon Bedrock estate: custom and imported models, provisioned throughput, guardrails (with
 * versions), agents, knowledge bases with their data sources, and the model invocation logging setting of
 * each region. Bodies are stored exactly as the REST-JSON API sends them: timestamps are RFC 3339 strings,
 * and optional members are absent from the object (never `undefined`-valued), as real Bedrock leaves them out.
 */
export interface BedrockEstate {
  regions: Record<BedrockRegion, BedrockRegionEstate>;
}

export const BEDROCK_REGIONS = ['us-east-1', 'eu-west-1'] as const;
export type BedrockRegion = (typeof BEDROCK_REGIONS)[number];

const ACCOUNT_ID = '123456789012';
/** Fixed "now" of the estate (as in estate.ts): timestamps never come from the clock. */
const ESTATE_NOW_MS = Date.UTC(2025, 5, 1, 12, 0, 0);
const DAY_MS = 86_400_000;

/** One region's Bedrock resources, in listing order. */
export interface BedrockRegionEstate {
  customModels: SimCustomModel[];
  importedModels: SimImportedModel[];
  provisionedThroughputs: SimProvisionedThroughput[];
  guardrails: SimGuardrail[];
  agents: SimAgent[];
  knowledgeBases: SimKnowledgeBase[];
  /** GetModelInvocationLoggingConfiguration's `loggingConfig`; absent when logging is disabled. */
  loggingConfig?: LoggingConfig;
  /** Get lookups by every identifier the API accepts (id, name or ARN), built once. */
  index: BedrockIndex;
}

export interface BedrockIndex {
  customModels: Map<string, SimCustomModel>;
  importedModels: Map<string, SimImportedModel>;
  provisionedThroughputs: Map<string, SimProvisionedThroughput>;
  guardrails: Map<string, SimGuardrail>;
  agents: Map<string, SimAgent>;
  knowledgeBases: Map<string, SimKnowledgeBase>;
  /** Every taggable resource by ARN, for ListTagsForResource. */
  taggable: Map<string, SimBedrockResource>;
}

/** Shared by every resource: `gone` simulates a deletion that raced a listing. */
export interface SimBedrockResource {
  region: BedrockRegion;
  arn: string;
  name: string;
  /** Tags by key (ListTagsForResource); empty for about one resource in six, as in real accounts. */
  tags: Record<string, string>;
  /**
   * Set (by tests) when the resource was deleted right after a listing showed it: listings still show it,
   * Get calls answer 404 ResourceNotFoundException.
   */
  gone?: boolean;
}

export interface GetCustomModelBody {
  modelArn: string;
  modelName: string;
  jobName: string;
  jobArn: string;
  baseModelArn: string;
  customizationType: 'FINE_TUNING' | 'CONTINUED_PRE_TRAINING';
  /** Absent when the model is encrypted with an AWS-owned key. */
  modelKmsKeyArn?: string;
  hyperParameters: Record<string, string>;
  trainingDataConfig: { s3Uri: string };
  validationDataConfig?: { validators: { s3Uri: string }[] };
  outputDataConfig: { s3Uri: string };
  trainingMetrics?: { trainingLoss: number };
  validationMetrics?: { validationLoss: number }[];
  creationTime: string;
  modelStatus: 'Active' | 'Creating' | 'Failed';
}

export interface SimCustomModel extends SimBedrockResource {
  get: GetCustomModelBody;
  summary: Record<string, unknown>;
}

export interface GetImportedModelBody {
  modelArn: string;
  modelName: string;
  jobName: string;
  jobArn: string;
  modelDataSource: { s3DataSource: { s3Uri: string } };
  creationTime: string;
  modelArchitecture: string;
  /** Absent when no customer managed key was chosen. */
  modelKmsKeyArn?: string;
  instructSupported: boolean;
  customModelUnits: { customModelUnitsPerModelCopy: number; customModelUnitsVersion: string };
}

export interface SimImportedModel extends SimBedrockResource {
  get: GetImportedModelBody;
  summary: Record<string, unknown>;
}

export interface GetProvisionedModelThroughputBody {
  modelUnits: number;
  desiredModelUnits: number;
  provisionedModelName: string;
  provisionedModelArn: string;
  modelArn: string;
  desiredModelArn: string;
  foundationModelArn: string;
  status: 'InService' | 'Creating' | 'Updating' | 'Failed';
  creationTime: string;
  lastModifiedTime: string;
  commitmentDuration?: 'OneMonth' | 'SixMonths';
  commitmentExpirationTime?: string;
}

export interface SimProvisionedThroughput extends SimBedrockResource {
  get: GetProvisionedModelThroughputBody;
}

export type FilterStrength = 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH';

export interface GetGuardrailBody {
  name: string;
  guardrailId: string;
  guardrailArn: string;
  version: string;
  status: 'READY';
  description?: string;
  topicPolicy?: { topics: { name: string; definition: string; examples: string[]; type: 'DENY' }[] };
  /** Absent when the guardrail has no content filters at all. */
  contentPolicy?: {
    filters: { type: string; inputStrength: FilterStrength; outputStrength: FilterStrength }[];
  };
  /** Absent when the guardrail filters no words. */
  wordPolicy?: { words?: { text: string }[]; managedWordLists?: { type: 'PROFANITY' }[] };
  /** Absent when the guardrail does not filter PII. */
  sensitiveInformationPolicy?: {
    piiEntities: { type: string; action: 'BLOCK' | 'ANONYMIZE' }[];
    regexes?: { name: string; pattern: string; action: 'BLOCK' | 'ANONYMIZE'; description?: string }[];
  };
  /** Absent when grounding checks are off. */
  contextualGroundingPolicy?: { filters: { type: 'GROUNDING' | 'RELEVANCE'; threshold: number }[] };
  createdAt: string;
  updatedAt: string;
  blockedInputMessaging: string;
  blockedOutputsMessaging: string;
  /** Absent when the guardrail is encrypted with an AWS-owned key. */
  kmsKeyArn?: string;
}

export interface SimGuardrail extends SimBedrockResource {
  id: string;
  /** DRAFT first, then the numbered versions in order ("1", "2", ...). */
  versions: GetGuardrailBody[];
}

export interface GuardrailConfiguration {
  guardrailIdentifier: string;
  guardrailVersion: string;
}

export interface AgentBody {
  agentId: string;
  agentName: string;
  agentArn: string;
  agentVersion: 'DRAFT';
  instruction: string;
  agentStatus: 'PREPARED' | 'NOT_PREPARED' | 'FAILED';
  /** A foundation model id, or the ARN of a provisioned throughput / inference profile. */
  foundationModel: string;
  description?: string;
  orchestrationType: 'DEFAULT';
  idleSessionTTLInSeconds: number;
  agentResourceRoleArn: string;
  /** Absent when the agent's sessions are encrypted with an AWS-owned key. */
  customerEncryptionKeyArn?: string;
  createdAt: string;
  updatedAt: string;
  preparedAt?: string;
  /** Absent when the agent has no guardrail. */
  guardrailConfiguration?: GuardrailConfiguration;
  agentCollaboration: 'DISABLED';
}

export interface AgentKnowledgeBaseSummary {
  knowledgeBaseId: string;
  description: string;
  knowledgeBaseState: 'ENABLED' | 'DISABLED';
  updatedAt: string;
}

export interface SimAgent extends SimBedrockResource {
  id: string;
  get: { agent: AgentBody };
  summary: Record<string, unknown>;
  /** The knowledge bases associated with the agent's working draft (ListAgentKnowledgeBases). */
  knowledgeBases: AgentKnowledgeBaseSummary[];
}

export interface KnowledgeBaseBody {
  knowledgeBaseId: string;
  name: string;
  knowledgeBaseArn: string;
  description?: string;
  roleArn: string;
  knowledgeBaseConfiguration: {
    type: 'VECTOR';
    vectorKnowledgeBaseConfiguration: {
      embeddingModelArn: string;
      embeddingModelConfiguration?: { bedrockEmbeddingModelConfiguration: { dimensions: number } };
    };
  };
  storageConfiguration: Record<string, unknown> & { type: string };
  status: 'ACTIVE' | 'CREATING' | 'FAILED';
  createdAt: string;
  updatedAt: string;
}

export interface DataSourceBody {
  knowledgeBaseId: string;
  dataSourceId: string;
  name: string;
  status: 'AVAILABLE' | 'DELETING' | 'DELETE_UNSUCCESSFUL';
  description?: string;
  dataSourceConfiguration:
    | {
        type: 'S3';
        s3Configuration: { bucketArn: string; inclusionPrefixes?: string[]; bucketOwnerAccountId?: string };
      }
    | {
        type: 'WEB';
        webConfiguration: {
          sourceConfiguration: { urlConfiguration: { seedUrls: { url: string }[] } };
          crawlerConfiguration: { crawlerLimits: { rateLimit: number }; scope: 'HOST_ONLY' | 'SUBDOMAINS' };
        };
      };
  /** Absent when the transient ingestion data is encrypted with an AWS-owned key. */
  serverSideEncryptionConfiguration?: { kmsKeyArn: string };
  vectorIngestionConfiguration?: Record<string, unknown>;
  dataDeletionPolicy: 'RETAIN' | 'DELETE';
  createdAt: string;
  updatedAt: string;
}

export interface SimDataSource {
  id: string;
  name: string;
  gone?: boolean;
  get: { dataSource: DataSourceBody };
  summary: Record<string, unknown>;
}

export interface SimKnowledgeBase extends SimBedrockResource {
  id: string;
  get: { knowledgeBase: KnowledgeBaseBody };
  summary: Record<string, unknown>;
  dataSources: SimDataSource[];
}

export interface LoggingConfig {
  cloudWatchConfig?: {
    logGroupName: string;
    roleArn: string;
    largeDataDeliveryS3Config?: { bucketName: string; keyPrefix?: string };
  };
  s3Config?: { bucketName: string; keyPrefix?: string };
  textDataDeliveryEnabled: boolean;
  imageDataDeliveryEnabled: boolean;
  embeddingDataDeliveryEnabled: boolean;
  videoDataDeliveryEnabled?: boolean;
}

/** Per-region counts of the default estate (seed-independent); every count below is planted on purpose. */
export interface BedrockRegionCounts {
  customModels: number;
  importedModels: number;
  provisionedThroughputs: number;
  guardrails: number;
  agents: number;
  knowledgeBases: number;
  dataSources: number;
  /** Whether the region's invocation logging is enabled (one logging asset per region either way). */
  loggingEnabled: boolean;
}

/**
 * The default estate (31 assets). us-east-1: 3 custom models (one without modelKmsKeyArn and trained from the
 * infra estate's public training bucket, one still Creating), 2 imported models (one without modelKmsKeyArn),
 * 2 provisioned throughputs (one for a custom model with a commitment, one for a foundation model without),
 * 4 guardrails (PROMPT_ATTACK HIGH with versions 1-2 where version 1 is weaker (NONE); PROMPT_ATTACK MEDIUM
 * without PII or grounding policy nor CMK, nor denied topics or words; PROMPT_ATTACK LOW with a word policy and
 * INSULTS / MISCONDUCT responses filtered at LOW; one with no content policy at all), 4 agents (two sharing one
 * role; one pinned to the weak guardrail version 1; two without guardrail; two with customerEncryptionKeyArn;
 * one on a provisioned throughput ARN), 2 knowledge bases with 4 data sources (S3 with KMS, S3 without KMS in
 * the infra estate's KB support docs bucket that is public through its ACL, a web crawler, and an S3 bucket of
 * another account), invocation logging enabled to S3 (INVOCATION_LOGS_BUCKET) and CloudWatch. eu-west-1: 1 of
 * each model kind (no CMK), 1 guardrail (PROMPT_ATTACK HIGH in every version, no PII policy), 2 agents (one
 * without guardrail), 1 knowledge base with 1 data source without KMS, and invocation logging disabled (no
 * loggingConfig).
 */
export const BEDROCK_COUNTS: Record<BedrockRegion, BedrockRegionCounts> = {
  'us-east-1': {
    customModels: 3,
    importedModels: 2,
    provisionedThroughputs: 2,
    guardrails: 4,
    agents: 4,
    knowledgeBases: 2,
    dataSources: 4,
    loggingEnabled: true,
  },
  'eu-west-1': {
    customModels: 1,
    importedModels: 1,
    provisionedThroughputs: 1,
    guardrails: 1,
    agents: 2,
    knowledgeBases: 1,
    dataSources: 1,
    loggingEnabled: false,
  },
};

/** Buckets the estate's URIs name, for the S3 simulation to hold (suffix per region). */
export function bedrockBucketNames(region: BedrockRegion): {
  trainingData: string;
  modelOutput: string;
  importedWeights: string;
  knowledgeDocs: string;
} {
  const suffix = region === 'us-east-1' ? 'use1' : 'euw1';
  return {
    trainingData: `aispm-sim-training-data-${suffix}`,
    modelOutput: `aispm-sim-model-output-${suffix}`,
    importedWeights: `aispm-sim-imported-weights-${suffix}`,
    knowledgeDocs: `aispm-sim-kb-docs-${suffix}`,
  };
}

/**
 * Where invocation logs go: the infra estate's central access-log bucket in us-east-1 (SSE-S3, no customer
 * key). Logging names its bucket by bare name, which the infra links (URIs and ARNs) would not add to S3.
 */
export const INVOCATION_LOGS_BUCKET = `aispm-sim-access-logs-${ACCOUNT_ID}`;

/** A bucket of another account that a data source reads (cross-account data source). */
export const FOREIGN_BUCKET = 'partner-shared-knowledge-exports';
const FOREIGN_ACCOUNT_ID = '210987654321';

interface CustomModelProfile {
  kms: boolean;
  validation: boolean;
  /** Trained from the infra estate's training bucket, which is public through its bucket policy. */
  publicData: boolean;
  status: GetCustomModelBody['modelStatus'];
  type: GetCustomModelBody['customizationType'];
}
interface ImportedModelProfile {
  kms: boolean;
}
interface ThroughputProfile {
  target: 'custom' | 'foundation';
  commitment: boolean;
}
interface GuardrailProfile {
  /** PROMPT_ATTACK input strength; null: no content policy at all. */
  promptAttack: FilterStrength | null;
  sensitive: boolean;
  grounding: boolean;
  kms: boolean;
  versions: number;
  /** Version 1 was published before the prompt-attack filter and grounding were tightened. */
  weakV1: boolean;
  topics: boolean;
  /** A word policy: custom words and the managed profanity list. */
  words: boolean;
  /** INSULTS and MISCONDUCT filter responses at LOW only. */
  weakCategories: boolean;
}
interface AgentProfile {
  guardrail: { index: number; version: number | 'DRAFT' } | null;
  sharedRole: boolean;
  cmk: boolean;
  knowledgeBases: number[];
  status: AgentBody['agentStatus'];
  /** Runs on the first provisioned throughput of the region instead of an on-demand model id. */
  provisioned: boolean;
}
interface DataSourceProfile {
  /** `public-s3`: the infra estate's KB support docs bucket, public through its ACL. */
  kind: 's3' | 'public-s3' | 'web' | 'foreign-s3';
  kms: boolean;
}
interface KnowledgeBaseProfile {
  storage: 'OPENSEARCH_SERVERLESS' | 'RDS';
  dataSources: DataSourceProfile[];
}

interface RegionProfiles {
  customModels: CustomModelProfile[];
  importedModels: ImportedModelProfile[];
  throughputs: ThroughputProfile[];
  guardrails: GuardrailProfile[];
  agents: AgentProfile[];
  knowledgeBases: KnowledgeBaseProfile[];
  logging: boolean;
}

const PROFILES: Record<BedrockRegion, RegionProfiles> = {
  'us-east-1': {
    customModels: [
      { kms: true, validation: true, publicData: false, status: 'Active', type: 'FINE_TUNING' },
      {
        kms: false,
        validation: false,
        publicData: true,
        status: 'Active',
        type: 'CONTINUED_PRE_TRAINING',
      },
      { kms: true, validation: false, publicData: false, status: 'Creating', type: 'FINE_TUNING' },
    ],
    importedModels: [{ kms: true }, { kms: false }],
    throughputs: [
      { target: 'custom', commitment: true },
      { target: 'foundation', commitment: false },
    ],
    guardrails: [
      {
        promptAttack: 'HIGH',
        sensitive: true,
        grounding: true,
        kms: true,
        versions: 2,
        weakV1: true,
        topics: true,
        words: false,
        weakCategories: false,
      },
      {
        promptAttack: 'MEDIUM',
        sensitive: false,
        grounding: false,
        kms: false,
        versions: 0,
        weakV1: false,
        topics: false,
        words: false,
        weakCategories: false,
      },
      {
        promptAttack: 'LOW',
        sensitive: true,
        grounding: false,
        kms: true,
        versions: 1,
        weakV1: false,
        topics: false,
        words: true,
        weakCategories: true,
      },
      {
        promptAttack: null,
        sensitive: true,
        grounding: false,
        kms: false,
        versions: 1,
        weakV1: false,
        topics: false,
        words: false,
        weakCategories: false,
      },
    ],
    agents: [
      {
        guardrail: { index: 0, version: 1 },
        sharedRole: true,
        cmk: true,
        knowledgeBases: [0],
        status: 'PREPARED',
        provisioned: false,
      },
      {
        guardrail: null,
        sharedRole: true,
        cmk: false,
        knowledgeBases: [0, 1],
        status: 'PREPARED',
        provisioned: false,
      },
      {
        guardrail: { index: 1, version: 'DRAFT' },
        sharedRole: false,
        cmk: false,
        knowledgeBases: [],
        status: 'PREPARED',
        provisioned: false,
      },
      {
        guardrail: { index: 2, version: 1 },
        sharedRole: false,
        cmk: true,
        knowledgeBases: [1],
        status: 'NOT_PREPARED',
        provisioned: true,
      },
    ],
    knowledgeBases: [
      {
        storage: 'OPENSEARCH_SERVERLESS',
        dataSources: [
          { kind: 's3', kms: true },
          { kind: 'public-s3', kms: false },
          { kind: 'web', kms: false },
        ],
      },
      { storage: 'RDS', dataSources: [{ kind: 'foreign-s3', kms: false }] },
    ],
    logging: true,
  },
  'eu-west-1': {
    customModels: [
      { kms: false, validation: true, publicData: false, status: 'Active', type: 'FINE_TUNING' },
    ],
    importedModels: [{ kms: false }],
    throughputs: [{ target: 'custom', commitment: false }],
    guardrails: [
      {
        promptAttack: 'HIGH',
        sensitive: false,
        grounding: true,
        kms: false,
        versions: 1,
        weakV1: false,
        topics: true,
        words: false,
        weakCategories: false,
      },
    ],
    agents: [
      {
        guardrail: { index: 0, version: 1 },
        sharedRole: false,
        cmk: false,
        knowledgeBases: [0],
        status: 'PREPARED',
        provisioned: false,
      },
      {
        guardrail: null,
        sharedRole: false,
        cmk: false,
        knowledgeBases: [],
        status: 'PREPARED',
        provisioned: false,
      },
    ],
    knowledgeBases: [{ storage: 'OPENSEARCH_SERVERLESS', dataSources: [{ kind: 's3', kms: false }] }],
    logging: false,
  },
};

/** How a sized estate's Bedrock share is split between kinds (data sources are spread over knowledge bases). */
const SIZED_SHARES = {
  customModels: 0.12,
  importedModels: 0.08,
  provisionedThroughputs: 0.05,
  guardrails: 0.15,
  agents: 0.25,
  knowledgeBases: 0.15,
  dataSources: 0.2,
} as const;
const REGION_SHARE: Record<BedrockRegion, number> = { 'us-east-1': 0.6, 'eu-west-1': 0.4 };

/** Foundation models, as ListFoundationModels shows them (same catalogue in both regions). */
export const FOUNDATION_MODELS = [
  { modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0', name: 'Claude 3.5 Sonnet', provider: 'Anthropic' },
  { modelId: 'anthropic.claude-3-haiku-20240307-v1:0', name: 'Claude 3 Haiku', provider: 'Anthropic' },
  { modelId: 'amazon.titan-text-express-v1', name: 'Titan Text G1 - Express', provider: 'Amazon' },
  { modelId: 'amazon.titan-embed-text-v2:0', name: 'Titan Text Embeddings V2', provider: 'Amazon' },
  { modelId: 'meta.llama3-1-8b-instruct-v1:0', name: 'Llama 3.1 8B Instruct', provider: 'Meta' },
  { modelId: 'cohere.embed-english-v3', name: 'Embed English', provider: 'Cohere' },
] as const;

/** Base models a custom model can be trained from (the customizable variants' ids). */
const CUSTOMIZABLE_BASES = [
  { id: 'amazon.titan-text-express-v1:0:8k', name: 'Titan Text G1 - Express' },
  { id: 'meta.llama3-1-8b-instruct-v1:0:128k', name: 'Llama 3.1 8B Instruct' },
  { id: 'anthropic.claude-3-haiku-20240307-v1:0:200k', name: 'Claude 3 Haiku' },
] as const;
const AGENT_MODELS = [
  'anthropic.claude-3-5-sonnet-20240620-v1:0',
  'anthropic.claude-3-haiku-20240307-v1:0',
  'meta.llama3-1-8b-instruct-v1:0',
] as const;
const EMBEDDING_MODELS = ['amazon.titan-embed-text-v2:0', 'cohere.embed-english-v3'] as const;

const PROJECTS = [
  'support-assistant',
  'claims-triage',
  'contract-review',
  'sales-copilot',
  'hr-policy-bot',
  'fraud-explainer',
  'kyc-summariser',
  'it-helpdesk',
  'legal-research',
  'product-faq',
] as const;
const TEAMS = ['ml-platform', 'customer-support', 'risk-analytics', 'legal-tech', 'growth'] as const;
const OWNERS = ['alice.martin', 'bob.nguyen', 'chen.li', 'dana.kowalski', 'emeka.obi'] as const;
const ARCHITECTURES = ['llama3', 'mistral', 'flan-t5'] as const;
const CONTENT_FILTERS = ['SEXUAL', 'VIOLENCE', 'HATE', 'INSULTS', 'MISCONDUCT'] as const;
const PII_TYPES = [
  'EMAIL',
  'PHONE',
  'US_SOCIAL_SECURITY_NUMBER',
  'CREDIT_DEBIT_CARD_NUMBER',
  'NAME',
] as const;
// Policy bodies shared by every guardrail that has them (never mutated): a sized estate builds quickly.
const TOPIC_POLICY: NonNullable<GetGuardrailBody['topicPolicy']> = {
  topics: [
    {
      name: 'InvestmentAdvice',
      definition: 'Recommendations to buy, sell or hold financial products.',
      examples: ['Which stocks should I buy this year?'],
      type: 'DENY',
    },
  ],
};
type ContentPolicy = NonNullable<GetGuardrailBody['contentPolicy']>;
/** Content policies by PROMPT_ATTACK strength; `weak`: INSULTS and MISCONDUCT responses filtered at LOW. */
function contentPolicies(weak: boolean): Record<FilterStrength, ContentPolicy> {
  const lowered: readonly string[] = weak ? ['INSULTS', 'MISCONDUCT'] : [];
  return Object.fromEntries(
    (['NONE', 'LOW', 'MEDIUM', 'HIGH'] as const).map((strength) => [
      strength,
      {
        filters: [
          ...CONTENT_FILTERS.map((type) => ({
            type,
            inputStrength: 'HIGH' as const,
            outputStrength: lowered.includes(type) ? ('LOW' as const) : ('HIGH' as const),
          })),
          // Bedrock only allows NONE as the output strength of the prompt-attack filter.
          { type: 'PROMPT_ATTACK', inputStrength: strength, outputStrength: 'NONE' as const },
        ],
      },
    ]),
  ) as Record<FilterStrength, ContentPolicy>;
}
const CONTENT_POLICIES = { strong: contentPolicies(false), weak: contentPolicies(true) };
const WORD_POLICY: NonNullable<GetGuardrailBody['wordPolicy']> = {
  words: [{ text: 'chargeback loophole' }, { text: 'guaranteed returns' }],
  managedWordLists: [{ type: 'PROFANITY' }],
};
const SENSITIVE_INFORMATION_POLICY: NonNullable<GetGuardrailBody['sensitiveInformationPolicy']> = {
  piiEntities: PII_TYPES.map((type) => ({ type, action: type === 'NAME' ? 'ANONYMIZE' : 'BLOCK' })),
  regexes: [
    {
      name: 'internal-account-number',
      pattern: 'ACCT-[0-9]{8}',
      action: 'ANONYMIZE',
      description: 'Internal customer account numbers',
    },
  ],
};
const GROUNDING_POLICY: NonNullable<GetGuardrailBody['contextualGroundingPolicy']> = {
  filters: [
    { type: 'GROUNDING', threshold: 0.75 },
    { type: 'RELEVANCE', threshold: 0.5 },
  ],
};
const CHUNKING = {
  chunkingConfiguration: {
    chunkingStrategy: 'FIXED_SIZE',
    fixedSizeChunkingConfiguration: { maxTokens: 300, overlapPercentage: 20 },
  },
};
const ID_CHARS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'];

/**
 * Builds the Bedrock estate. `size` undefined: the small fixed estate of BEDROCK_COUNTS; otherwise about
 * `size` assets (invocation logging counts one per region), dealt 60/40 between the two regions with the
 * default estate's profiles cycling, so every planted case recurs. Pure and deterministic for a seed.
 */
export function buildBedrockEstate(seed: number, size: number | undefined): BedrockEstate {
  const rnd = seededRandom(deriveSeed(seed, 'bedrock'));
  const regions = {} as Record<BedrockRegion, BedrockRegionEstate>;
  for (const region of BEDROCK_REGIONS) {
    const profiles =
      size === undefined ? PROFILES[region] : sizedProfiles(region, (size - 2) * REGION_SHARE[region]);
    regions[region] = buildRegion(rnd, region, profiles);
  }
  return { regions };
}

/** Profiles for about `assets` assets in a region: each kind's share, cycling through both regions' profiles. */
function sizedProfiles(region: BedrockRegion, assets: number): RegionProfiles {
  const n = (k: keyof typeof SIZED_SHARES) => Math.max(0, Math.round(assets * SIZED_SHARES[k]));
  const cycle = <T>(pick: (p: RegionProfiles) => T[], count: number): T[] => {
    const pool = [...pick(PROFILES['us-east-1']), ...pick(PROFILES['eu-west-1'])];
    return Array.from({ length: count }, (_, i) => pool[i % pool.length]!);
  };
  const kbCount = n('knowledgeBases');
  const dsCount = kbCount === 0 ? 0 : n('dataSources');
  const dsPool = cycle((p) => p.knowledgeBases.flatMap((kb) => kb.dataSources), dsCount);
  const knowledgeBases = cycle((p) => p.knowledgeBases, kbCount).map((kb) => ({
    storage: kb.storage,
    dataSources: [] as DataSourceProfile[],
  }));
  dsPool.forEach((ds, j) => knowledgeBases[j % kbCount]!.dataSources.push(ds));
  return {
    customModels: cycle((p) => p.customModels, n('customModels')),
    importedModels: cycle((p) => p.importedModels, n('importedModels')),
    throughputs: cycle((p) => p.throughputs, n('provisionedThroughputs')),
    guardrails: cycle((p) => p.guardrails, n('guardrails')),
    agents: cycle((p) => p.agents, n('agents')),
    knowledgeBases,
    logging: PROFILES[region].logging,
  };
}

function buildRegion(
  rnd: SeededRandom,
  region: BedrockRegion,
  profiles: RegionProfiles,
): BedrockRegionEstate {
  const ctx = new RegionBuilder(rnd, region);
  const customModels = profiles.customModels.map((p, i) => ctx.customModel(p, i));
  const importedModels = profiles.importedModels.map((p, i) => ctx.importedModel(p, i));
  const provisionedThroughputs = profiles.throughputs.map((p, i) =>
    ctx.throughput(p, i, customModels[i % Math.max(1, customModels.length)]),
  );
  const guardrails = profiles.guardrails.map((p, i) => ctx.guardrail(p, i));
  const knowledgeBases = profiles.knowledgeBases.map((p, i) => ctx.knowledgeBase(p, i));
  const agents = profiles.agents.map((p, i) =>
    ctx.agent(p, i, { guardrails, knowledgeBases, throughput: provisionedThroughputs[0] }),
  );
  const byIds = <T>(items: T[], ids: (item: T) => string[]) =>
    new Map(items.flatMap((item) => ids(item).map((id) => [id, item] as const)));
  return {
    customModels,
    importedModels,
    provisionedThroughputs,
    guardrails,
    agents,
    knowledgeBases,
    ...(profiles.logging && { loggingConfig: ctx.loggingConfig() }),
    index: {
      customModels: byIds(customModels, (m) => [m.arn, m.name]),
      importedModels: byIds(importedModels, (m) => [m.arn, m.name]),
      provisionedThroughputs: byIds(provisionedThroughputs, (p) => [p.arn, p.name]),
      guardrails: byIds(guardrails, (g) => [g.arn, g.id]),
      agents: byIds(agents, (a) => [a.id]),
      knowledgeBases: byIds(knowledgeBases, (k) => [k.id]),
      taggable: new Map(
        [
          ...customModels,
          ...importedModels,
          ...provisionedThroughputs,
          ...guardrails,
          ...agents,
          ...knowledgeBases,
        ].map((x): [string, SimBedrockResource] => [x.arn, x]),
      ),
    },
  };
}

/** Builds one region's resources; holds what they share (roles, keys, buckets, the clock). */
class RegionBuilder {
  private readonly buckets: ReturnType<typeof bedrockBucketNames>;
  private readonly sharedAgentRole: string;

  constructor(
    private readonly rnd: SeededRandom,
    private readonly region: BedrockRegion,
  ) {
    this.buckets = bedrockBucketNames(region);
    // One role shared by agents of both regions (IAM is global): any agent's compromise reaches the others' data.
    this.sharedAgentRole = `arn:aws:iam::${ACCOUNT_ID}:role/service-role/AmazonBedrockExecutionRoleForAgents_Shared`;
  }

  private arn(resource: string): string {
    return `arn:aws:bedrock:${this.region}:${ACCOUNT_ID}:${resource}`;
  }

  private foundationArn(modelId: string): string {
    return `arn:aws:bedrock:${this.region}::foundation-model/${modelId}`;
  }

  private kmsKey(): string {
    const r = this.rnd;
    const uuid = `${r.hex(8)}-${r.hex(4)}-4${r.hex(3)}-${r.pick(['8', '9', 'a', 'b'])}${r.hex(3)}-${r.hex(12)}`;
    return `arn:aws:kms:${this.region}:${ACCOUNT_ID}:key/${uuid}`;
  }

  /** Ten upper-case letters and digits, as agents, knowledge bases and data sources are named. */
  private resourceId(): string {
    return Array.from({ length: 10 }, () => this.rnd.pick(ID_CHARS)).join('');
  }

  private times(): { created: string; updated: string; createdMs: number } {
    const createdMs = ESTATE_NOW_MS - this.rnd.int(5 * DAY_MS, 400 * DAY_MS);
    const updatedMs = createdMs + this.rnd.int(0, ESTATE_NOW_MS - createdMs);
    return { created: iso(createdMs), updated: iso(updatedMs), createdMs };
  }

  private project(i: number): string {
    const base = PROJECTS[i % PROJECTS.length]!;
    const round = Math.floor(i / PROJECTS.length);
    return round === 0 ? base : `${base}-${round + 1}`;
  }

  customModel(p: CustomModelProfile, i: number): SimCustomModel {
    const { id: base, name: baseName } = this.rnd.pick(CUSTOMIZABLE_BASES);
    const name = `${this.project(i)}-${p.type === 'FINE_TUNING' ? 'ft' : 'cpt'}`;
    const id = this.rnd.hex(12);
    const arn = this.arn(`custom-model/${base}/${id}`);
    const { created } = this.times();
    const jobName = `${name}-job-${this.rnd.hex(6)}`;
    const active = p.status === 'Active';
    const trainingBucket = p.publicData ? SIM_BUCKETS.trainingData : this.buckets.trainingData;
    const trainingPrefix = `s3://${trainingBucket}/${name}`;
    const get: GetCustomModelBody = {
      modelArn: arn,
      modelName: name,
      jobName,
      jobArn: this.arn(`model-customization-job/${base}/${this.rnd.hex(12)}`),
      baseModelArn: this.foundationArn(base),
      customizationType: p.type,
      ...(p.kms && { modelKmsKeyArn: this.kmsKey() }),
      hyperParameters: {
        epochCount: String(this.rnd.int(1, 5)),
        batchSize: '1',
        learningRate: '0.00001',
      },
      trainingDataConfig: { s3Uri: `${trainingPrefix}/train.jsonl` },
      ...(p.validation && {
        validationDataConfig: { validators: [{ s3Uri: `${trainingPrefix}/validation.jsonl` }] },
      }),
      outputDataConfig: { s3Uri: `s3://${this.buckets.modelOutput}/${name}/` },
      ...(active && { trainingMetrics: { trainingLoss: round3(this.rnd.next() * 2) } }),
      ...(active && p.validation && { validationMetrics: [{ validationLoss: round3(this.rnd.next() * 2) }] }),
      creationTime: created,
      modelStatus: p.status,
    };
    const summary = {
      modelArn: arn,
      modelName: name,
      creationTime: created,
      baseModelArn: get.baseModelArn,
      baseModelName: baseName,
      customizationType: p.type,
      ownerAccountId: ACCOUNT_ID,
      modelStatus: p.status,
    };
    return { region: this.region, arn, name, tags: this.tags(name), get, summary };
  }

  importedModel(p: ImportedModelProfile, i: number): SimImportedModel {
    const architecture = this.rnd.pick(ARCHITECTURES);
    const name = `${this.project(i)}-${architecture}-import`;
    const arn = this.arn(`imported-model/${this.rnd.hex(12)}`);
    const { created } = this.times();
    const instruct = this.rnd.chance(0.7);
    const get: GetImportedModelBody = {
      modelArn: arn,
      modelName: name,
      jobName: `${name}-job`,
      jobArn: this.arn(`model-import-job/${this.rnd.hex(12)}`),
      modelDataSource: { s3DataSource: { s3Uri: `s3://${this.buckets.importedWeights}/${name}/` } },
      creationTime: created,
      modelArchitecture: architecture,
      ...(p.kms && { modelKmsKeyArn: this.kmsKey() }),
      instructSupported: instruct,
      customModelUnits: { customModelUnitsPerModelCopy: this.rnd.int(1, 4), customModelUnitsVersion: '1.0' },
    };
    const summary = {
      modelArn: arn,
      modelName: name,
      creationTime: created,
      instructSupported: instruct,
      modelArchitecture: architecture,
    };
    return { region: this.region, arn, name, tags: this.tags(name), get, summary };
  }

  throughput(p: ThroughputProfile, i: number, custom: SimCustomModel | undefined): SimProvisionedThroughput {
    const onCustom = p.target === 'custom' && custom !== undefined;
    const foundationArn = onCustom
      ? custom.get.baseModelArn
      : this.foundationArn(this.rnd.pick(AGENT_MODELS));
    const modelArn = onCustom ? custom.arn : foundationArn;
    const name = `${this.project(i)}-pt`;
    const arn = this.arn(`provisioned-model/${this.rnd.hex(12)}`);
    const { created, updated, createdMs } = this.times();
    const units = this.rnd.int(1, 4);
    const get: GetProvisionedModelThroughputBody = {
      modelUnits: units,
      desiredModelUnits: units,
      provisionedModelName: name,
      provisionedModelArn: arn,
      modelArn,
      desiredModelArn: modelArn,
      foundationModelArn: foundationArn,
      status: 'InService',
      creationTime: created,
      lastModifiedTime: updated,
      ...(p.commitment && {
        commitmentDuration: 'SixMonths' as const,
        commitmentExpirationTime: iso(createdMs + 182 * DAY_MS),
      }),
    };
    return { region: this.region, arn, name, tags: this.tags(name), get };
  }

  guardrail(p: GuardrailProfile, i: number): SimGuardrail {
    const id = this.rnd.hex(12);
    const arn = this.arn(`guardrail/${id}`);
    const name = `${this.project(i)}-guardrail`;
    const kmsKeyArn = p.kms ? this.kmsKey() : undefined;
    const { created, updated } = this.times();
    const body = (version: string, weak: boolean): GetGuardrailBody => {
      const promptAttack = weak ? 'NONE' : p.promptAttack;
      return {
        name,
        guardrailId: id,
        guardrailArn: arn,
        version,
        status: 'READY',
        ...(p.topics && { topicPolicy: TOPIC_POLICY }),
        ...(promptAttack !== null && {
          contentPolicy: CONTENT_POLICIES[p.weakCategories ? 'weak' : 'strong'][promptAttack],
        }),
        ...(p.words && { wordPolicy: WORD_POLICY }),
        ...(p.sensitive && { sensitiveInformationPolicy: SENSITIVE_INFORMATION_POLICY }),
        ...(p.grounding && !weak && { contextualGroundingPolicy: GROUNDING_POLICY }),
        createdAt: created,
        updatedAt: updated,
        blockedInputMessaging: 'Sorry, I cannot help with that request.',
        blockedOutputsMessaging: 'Sorry, I cannot share that answer.',
        ...(kmsKeyArn && { kmsKeyArn }),
      };
    };
    const versions = [
      body('DRAFT', false),
      ...Array.from({ length: p.versions }, (_, v) => body(String(v + 1), v === 0 && p.weakV1)),
    ];
    return { region: this.region, arn, name, tags: this.tags(name), id, versions };
  }

  knowledgeBase(p: KnowledgeBaseProfile, i: number): SimKnowledgeBase {
    const id = this.resourceId();
    const arn = this.arn(`knowledge-base/${id}`);
    const name = `${this.project(i)}-kb`;
    const { created, updated } = this.times();
    const embedding = this.rnd.pick(EMBEDDING_MODELS);
    const storageConfiguration =
      p.storage === 'OPENSEARCH_SERVERLESS'
        ? {
            type: 'OPENSEARCH_SERVERLESS',
            opensearchServerlessConfiguration: {
              collectionArn: `arn:aws:aoss:${this.region}:${ACCOUNT_ID}:collection/${this.rnd.hex(20)}`,
              vectorIndexName: `bedrock-knowledge-base-${name}`,
              fieldMapping: {
                vectorField: 'bedrock-knowledge-base-default-vector',
                textField: 'AMAZON_BEDROCK_TEXT_CHUNK',
                metadataField: 'AMAZON_BEDROCK_METADATA',
              },
            },
          }
        : {
            type: 'RDS',
            rdsConfiguration: {
              resourceArn: `arn:aws:rds:${this.region}:${ACCOUNT_ID}:cluster:kb-vectors-${i}`,
              credentialsSecretArn: `arn:aws:secretsmanager:${this.region}:${ACCOUNT_ID}:secret:rds-kb-${this.rnd.hex(6)}`,
              databaseName: 'bedrock',
              tableName: `kb_${i}`,
              fieldMapping: {
                primaryKeyField: 'id',
                vectorField: 'embedding',
                textField: 'chunks',
                metadataField: 'metadata',
              },
            },
          };
    const knowledgeBase: KnowledgeBaseBody = {
      knowledgeBaseId: id,
      name,
      knowledgeBaseArn: arn,
      description: `Documents behind the ${this.project(i)} assistant`,
      roleArn: `arn:aws:iam::${ACCOUNT_ID}:role/service-role/AmazonBedrockExecutionRoleForKnowledgeBase_${this.rnd.hex(5)}`,
      knowledgeBaseConfiguration: {
        type: 'VECTOR',
        vectorKnowledgeBaseConfiguration: {
          embeddingModelArn: this.foundationArn(embedding),
          ...(embedding.startsWith('amazon.') && {
            embeddingModelConfiguration: { bedrockEmbeddingModelConfiguration: { dimensions: 1024 } },
          }),
        },
      },
      storageConfiguration,
      status: 'ACTIVE',
      createdAt: created,
      updatedAt: updated,
    };
    const dataSources = p.dataSources.map((d, j) => this.dataSource(d, j, id, name));
    const summary = {
      knowledgeBaseId: id,
      name,
      description: knowledgeBase.description,
      status: 'ACTIVE',
      updatedAt: updated,
    };
    return {
      region: this.region,
      arn,
      name,
      tags: this.tags(name),
      id,
      get: { knowledgeBase },
      summary,
      dataSources,
    };
  }

  private dataSource(p: DataSourceProfile, j: number, kbId: string, kbName: string): SimDataSource {
    const id = this.resourceId();
    const name = p.kind === 'web' ? `${kbName}-web-${j}` : `${kbName}-s3-${j}`;
    const { created, updated } = this.times();
    const dataSourceConfiguration: DataSourceBody['dataSourceConfiguration'] =
      p.kind === 'web'
        ? {
            type: 'WEB',
            webConfiguration: {
              sourceConfiguration: { urlConfiguration: { seedUrls: [{ url: 'https://docs.example.com/' }] } },
              crawlerConfiguration: { crawlerLimits: { rateLimit: 300 }, scope: 'HOST_ONLY' },
            },
          }
        : p.kind === 'foreign-s3'
          ? {
              type: 'S3',
              s3Configuration: {
                bucketArn: `arn:aws:s3:::${FOREIGN_BUCKET}`,
                bucketOwnerAccountId: FOREIGN_ACCOUNT_ID,
              },
            }
          : {
              type: 'S3',
              s3Configuration: {
                bucketArn: `arn:aws:s3:::${p.kind === 'public-s3' ? SIM_BUCKETS.kbSupportDocs : this.buckets.knowledgeDocs}`,
                inclusionPrefixes: [`${kbName}/`],
              },
            };
    const dataSource: DataSourceBody = {
      knowledgeBaseId: kbId,
      dataSourceId: id,
      name,
      status: 'AVAILABLE',
      dataSourceConfiguration,
      ...(p.kms && { serverSideEncryptionConfiguration: { kmsKeyArn: this.kmsKey() } }),
      vectorIngestionConfiguration: CHUNKING,
      dataDeletionPolicy: this.rnd.chance(0.5) ? 'RETAIN' : 'DELETE',
      createdAt: created,
      updatedAt: updated,
    };
    const summary = {
      knowledgeBaseId: kbId,
      dataSourceId: id,
      name,
      status: 'AVAILABLE',
      updatedAt: updated,
    };
    return { id, name, get: { dataSource }, summary };
  }

  agent(
    p: AgentProfile,
    i: number,
    related: {
      guardrails: SimGuardrail[];
      knowledgeBases: SimKnowledgeBase[];
      throughput: SimProvisionedThroughput | undefined;
    },
  ): SimAgent {
    const id = this.resourceId();
    const arn = this.arn(`agent/${id}`);
    const name = `${this.project(i)}-agent`;
    const { created, updated } = this.times();
    const guardrail =
      p.guardrail && related.guardrails.length > 0
        ? related.guardrails[p.guardrail.index % related.guardrails.length]!
        : undefined;
    const guardrailVersion =
      guardrail &&
      p.guardrail &&
      p.guardrail.version !== 'DRAFT' &&
      p.guardrail.version < guardrail.versions.length
        ? String(p.guardrail.version)
        : 'DRAFT';
    const foundationModel =
      p.provisioned && related.throughput ? related.throughput.arn : this.rnd.pick(AGENT_MODELS);
    const role = p.sharedRole
      ? this.sharedAgentRole
      : `arn:aws:iam::${ACCOUNT_ID}:role/service-role/AmazonBedrockExecutionRoleForAgents_${this.rnd.hex(10).toUpperCase()}`;
    const description = `Answers ${this.project(i).replaceAll('-', ' ')} questions`;
    const agent: AgentBody = {
      agentId: id,
      agentName: name,
      agentArn: arn,
      agentVersion: 'DRAFT',
      instruction: `You are the ${name}. ${description} for employees, politely and concisely.`,
      agentStatus: p.status,
      foundationModel,
      description,
      orchestrationType: 'DEFAULT',
      idleSessionTTLInSeconds: 600,
      agentResourceRoleArn: role,
      ...(p.cmk && { customerEncryptionKeyArn: this.kmsKey() }),
      createdAt: created,
      updatedAt: updated,
      ...(p.status === 'PREPARED' && { preparedAt: updated }),
      ...(guardrail && {
        guardrailConfiguration: { guardrailIdentifier: guardrail.id, guardrailVersion },
      }),
      agentCollaboration: 'DISABLED',
    };
    const kbs = [...new Set(p.knowledgeBases)]
      .filter(() => related.knowledgeBases.length > 0)
      .map((k) => related.knowledgeBases[k % related.knowledgeBases.length]!);
    const knowledgeBases = [...new Map(kbs.map((kb) => [kb.id, kb])).values()].map(
      (kb): AgentKnowledgeBaseSummary => ({
        knowledgeBaseId: kb.id,
        description: `Use for ${kb.name} questions`,
        knowledgeBaseState: 'ENABLED',
        updatedAt: updated,
      }),
    );
    const summary = {
      agentId: id,
      agentName: name,
      agentStatus: p.status,
      description,
      updatedAt: updated,
      latestAgentVersion: p.status === 'PREPARED' ? '1' : 'DRAFT',
      ...(agent.guardrailConfiguration && { guardrailConfiguration: agent.guardrailConfiguration }),
    };
    return {
      region: this.region,
      arn,
      name,
      tags: this.tags(name),
      id,
      get: { agent },
      summary,
      knowledgeBases,
    };
  }

  /** A few tags on most resources, none on about one in six. */
  tags(name: string): Record<string, string> {
    if (this.rnd.chance(1 / 6)) return {};
    const tags: Record<string, string> = {
      team: this.rnd.pick(TEAMS),
      owner: `${this.rnd.pick(OWNERS)}@example.com`,
    };
    if (this.rnd.chance(0.6))
      tags.env = name.includes('prod') ? 'prod' : this.rnd.pick(['dev', 'prod', 'sandbox']);
    if (this.rnd.chance(0.4))
      tags['data-classification'] = this.rnd.pick(['internal', 'confidential', 'pii']);
    return tags;
  }

  loggingConfig(): LoggingConfig {
    return {
      cloudWatchConfig: {
        logGroupName: '/aws/bedrock/modelinvocations',
        roleArn: `arn:aws:iam::${ACCOUNT_ID}:role/service-role/AmazonBedrockInvocationLogging`,
        largeDataDeliveryS3Config: { bucketName: INVOCATION_LOGS_BUCKET, keyPrefix: 'bedrock/large-data/' },
      },
      s3Config: { bucketName: INVOCATION_LOGS_BUCKET, keyPrefix: 'bedrock/invocations/' },
      textDataDeliveryEnabled: true,
      imageDataDeliveryEnabled: true,
      embeddingDataDeliveryEnabled: false,
    };
  }
}

/** How many assets a Bedrock region estate holds, as the discoverers count them (logging is one). */
export function bedrockAssetCount(region: BedrockRegionEstate): number {
  return (
    region.customModels.length +
    region.importedModels.length +
    region.provisionedThroughputs.length +
    region.guardrails.length +
    region.agents.length +
    region.knowledgeBases.length +
    region.knowledgeBases.reduce((n, kb) => n + kb.dataSources.length, 0) +
    1
  );
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/**
 * The IAM roles, KMS keys and S3 buckets the Bedrock estate names, for the IAM, KMS and S3 simulations to hold
 * (sorted, each once). A bucket of another account (FOREIGN_BUCKET) is left out: this account does not own it.
 */
export function bedrockReferences(estate: BedrockEstate): {
  roleArns: string[];
  kmsKeyArns: string[];
  bucketNames: string[];
} {
  const roles = new Set<string>();
  const keys = new Set<string>();
  const buckets = new Set<string>();
  const add = (set: Set<string>, value: string | undefined) => value !== undefined && set.add(value);
  const bucketOfUri = (uri: string) => add(buckets, /^s3:\/\/([^/]+)/.exec(uri)?.[1]);
  for (const r of Object.values(estate.regions)) {
    for (const { get } of r.customModels) {
      add(keys, get.modelKmsKeyArn);
      bucketOfUri(get.trainingDataConfig.s3Uri);
      for (const v of get.validationDataConfig?.validators ?? []) bucketOfUri(v.s3Uri);
      bucketOfUri(get.outputDataConfig.s3Uri);
    }
    for (const { get } of r.importedModels) {
      add(keys, get.modelKmsKeyArn);
      bucketOfUri(get.modelDataSource.s3DataSource.s3Uri);
    }
    for (const g of r.guardrails) for (const v of g.versions) add(keys, v.kmsKeyArn);
    for (const { get } of r.agents) {
      add(roles, get.agent.agentResourceRoleArn);
      add(keys, get.agent.customerEncryptionKeyArn);
    }
    for (const kb of r.knowledgeBases) {
      add(roles, kb.get.knowledgeBase.roleArn);
      for (const { get } of kb.dataSources) {
        const config = get.dataSource.dataSourceConfiguration;
        if (config.type === 'S3' && config.s3Configuration.bucketOwnerAccountId === undefined) {
          add(buckets, config.s3Configuration.bucketArn.replace(/^arn:aws:s3:::/, ''));
        }
        add(keys, get.dataSource.serverSideEncryptionConfiguration?.kmsKeyArn);
      }
    }
    const logging = r.loggingConfig;
    add(roles, logging?.cloudWatchConfig?.roleArn);
    add(buckets, logging?.s3Config?.bucketName);
    add(buckets, logging?.cloudWatchConfig?.largeDataDeliveryS3Config?.bucketName);
  }
  const sorted = (set: Set<string>) => [...set].sort();
  return { roleArns: sorted(roles), kmsKeyArns: sorted(keys), bucketNames: sorted(buckets) };
}
