import type { CheckAsset } from '../../../check';
import type { GraphRelation } from '../../../check-context';
import { testAsset } from '../../../testing';

/**
 * Fixtures of the Bedrock checks' tests: assets shaped exactly as the connectors store them (the Get answer
 * as returned, dates as ISO strings, optional members absent) and one well-configured answer per asset type.
 */

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';

const bedrockArn = (resource: string, region = REGION) => `arn:aws:bedrock:${region}:${ACCOUNT}:${resource}`;
export const kmsKeyArn = (id = '1111aaaa-2222-4333-8444-555566667777', region = REGION) =>
  `arn:aws:kms:${region}:${ACCOUNT}:key/${id}`;
export const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/service-role/${name}`;
export const bucketArn = (name: string) => `arn:aws:s3:::${name}`;

/** A relation as the graph records it. */
export function rel(from: CheckAsset, kind: string, toNativeId: string): GraphRelation {
  return { fromNativeId: from.nativeId, kind, toNativeId };
}

function bedrockAsset(
  assetType: string,
  nativeId: string,
  attributes: Record<string, unknown>,
  region = REGION,
): CheckAsset {
  return testAsset({ provider: 'aws', assetType, nativeId, region, attributes });
}

// ---- Guardrails (GetGuardrail of the DRAFT, plus `versions`: GetGuardrail of each numbered version) ----

export const GUARDRAIL_ARN = bedrockArn('guardrail/a1b2c3d4e5f6');

const HARM_CATEGORIES = ['SEXUAL', 'VIOLENCE', 'HATE', 'INSULTS', 'MISCONDUCT'] as const;

/** One GetGuardrail answer of a well-configured guardrail (version `version`). */
export function wellConfiguredGuardrailVersion(version: string): Record<string, unknown> {
  return {
    name: 'support-assistant-guardrail',
    guardrailId: 'a1b2c3d4e5f6',
    guardrailArn: GUARDRAIL_ARN,
    version,
    status: 'READY',
    topicPolicy: {
      topics: [
        {
          name: 'InvestmentAdvice',
          definition: 'Recommendations to buy, sell or hold financial products.',
          examples: ['Which stocks should I buy this year?'],
          type: 'DENY',
        },
      ],
    },
    contentPolicy: {
      filters: [
        ...HARM_CATEGORIES.map((type) => ({ type, inputStrength: 'HIGH', outputStrength: 'HIGH' })),
        { type: 'PROMPT_ATTACK', inputStrength: 'HIGH', outputStrength: 'NONE' },
      ],
    },
    wordPolicy: { managedWordLists: [{ type: 'PROFANITY' }] },
    sensitiveInformationPolicy: {
      piiEntities: [
        { type: 'EMAIL', action: 'BLOCK' },
        { type: 'US_SOCIAL_SECURITY_NUMBER', action: 'BLOCK' },
      ],
      regexes: [{ name: 'internal-account-number', pattern: 'ACCT-[0-9]{8}', action: 'ANONYMIZE' }],
    },
    contextualGroundingPolicy: {
      filters: [
        { type: 'GROUNDING', threshold: 0.75 },
        { type: 'RELEVANCE', threshold: 0.5 },
      ],
    },
    createdAt: '2025-01-10T09:00:00.000Z',
    updatedAt: '2025-03-02T14:30:00.000Z',
    blockedInputMessaging: 'Sorry, I cannot help with that request.',
    blockedOutputsMessaging: 'Sorry, I cannot share that answer.',
    kmsKeyArn: kmsKeyArn(),
  };
}

/** The guardrail asset's attributes: the DRAFT's answer with `versions` (numbered versions, oldest first). */
export function guardrailAttributes(
  draft: Record<string, unknown> = wellConfiguredGuardrailVersion('DRAFT'),
  versions: Record<string, unknown>[] = [wellConfiguredGuardrailVersion('1')],
): Record<string, unknown> {
  return { ...draft, versions };
}

export function guardrailAsset(attributes: Record<string, unknown> = guardrailAttributes()): CheckAsset {
  return bedrockAsset('aws.bedrock.guardrail', GUARDRAIL_ARN, attributes);
}

/** A copy of a GetGuardrail answer with one content filter replaced (or removed when `filter` is null). */
export function withContentFilter(
  body: Record<string, unknown>,
  type: string,
  filter: Record<string, unknown> | null,
): Record<string, unknown> {
  const filters = (body.contentPolicy as { filters: { type: string }[] }).filters.filter(
    (f) => f.type !== type,
  );
  return { ...body, contentPolicy: { filters: filter ? [...filters, { type, ...filter }] : filters } };
}

/** A copy of an answer without some of its members, as the API leaves unset ones out. */
export function without(body: Record<string, unknown>, ...fields: string[]): Record<string, unknown> {
  const copy = { ...body };
  for (const f of fields) delete copy[f];
  return copy;
}

// ---- Agents (GetAgent of the DRAFT, plus `knowledgeBases`: ListAgentKnowledgeBases) ----

export const AGENT_ARN = bedrockArn('agent/AGENT00001');
export const AGENT_ROLE_ARN = roleArn('AmazonBedrockExecutionRoleForAgents_SUPPORT01');

export const wellConfiguredAgent: Record<string, unknown> = {
  agentId: 'AGENT00001',
  agentName: 'support-assistant-agent',
  agentArn: AGENT_ARN,
  agentVersion: 'DRAFT',
  instruction: 'You are the support assistant. Answer product questions politely and concisely.',
  agentStatus: 'PREPARED',
  foundationModel: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
  orchestrationType: 'DEFAULT',
  idleSessionTTLInSeconds: 600,
  agentResourceRoleArn: AGENT_ROLE_ARN,
  customerEncryptionKeyArn: kmsKeyArn(),
  createdAt: '2025-01-12T10:00:00.000Z',
  updatedAt: '2025-04-01T08:00:00.000Z',
  preparedAt: '2025-04-01T08:00:00.000Z',
  guardrailConfiguration: { guardrailIdentifier: 'a1b2c3d4e5f6', guardrailVersion: '1' },
  agentCollaboration: 'DISABLED',
  knowledgeBases: [],
};

export function agentAsset(
  attributes: Record<string, unknown> = wellConfiguredAgent,
  nativeId = AGENT_ARN,
): CheckAsset {
  return bedrockAsset('aws.bedrock.agent', nativeId, { ...attributes, agentArn: nativeId });
}

// ---- Custom and imported models (GetCustomModel / GetImportedModel) ----

export const CUSTOM_MODEL_ARN = bedrockArn('custom-model/amazon.titan-text-express-v1:0:8k/0a1b2c3d4e5f');
export const TRAINING_BUCKET = 'ml-training-data-private';

export const wellConfiguredCustomModel: Record<string, unknown> = {
  modelArn: CUSTOM_MODEL_ARN,
  modelName: 'claims-triage-ft',
  jobName: 'claims-triage-ft-job-1a2b3c',
  jobArn: bedrockArn('model-customization-job/amazon.titan-text-express-v1:0:8k/9f8e7d6c5b4a'),
  baseModelArn: `arn:aws:bedrock:${REGION}::foundation-model/amazon.titan-text-express-v1:0:8k`,
  customizationType: 'FINE_TUNING',
  modelKmsKeyArn: kmsKeyArn(),
  hyperParameters: { epochCount: '2', batchSize: '1', learningRate: '0.00001' },
  trainingDataConfig: { s3Uri: `s3://${TRAINING_BUCKET}/claims-triage-ft/train.jsonl` },
  validationDataConfig: {
    validators: [{ s3Uri: `s3://${TRAINING_BUCKET}/claims-triage-ft/validation.jsonl` }],
  },
  outputDataConfig: { s3Uri: 's3://ml-model-output/claims-triage-ft/' },
  trainingMetrics: { trainingLoss: 0.412 },
  creationTime: '2025-02-03T11:00:00.000Z',
  modelStatus: 'Active',
};

export function customModelAsset(
  attributes: Record<string, unknown> = wellConfiguredCustomModel,
): CheckAsset {
  return bedrockAsset('aws.bedrock.custom_model', CUSTOM_MODEL_ARN, attributes);
}

export const IMPORTED_MODEL_ARN = bedrockArn('imported-model/7a8b9c0d1e2f');

export const wellConfiguredImportedModel: Record<string, unknown> = {
  modelArn: IMPORTED_MODEL_ARN,
  modelName: 'contract-review-llama3-import',
  jobName: 'contract-review-llama3-import-job',
  jobArn: bedrockArn('model-import-job/3c4d5e6f7a8b'),
  modelDataSource: { s3DataSource: { s3Uri: 's3://ml-imported-weights/contract-review/' } },
  creationTime: '2025-02-20T16:45:00.000Z',
  modelArchitecture: 'llama3',
  modelKmsKeyArn: kmsKeyArn(),
  instructSupported: true,
  customModelUnits: { customModelUnitsPerModelCopy: 2, customModelUnitsVersion: '1.0' },
};

export function importedModelAsset(
  attributes: Record<string, unknown> = wellConfiguredImportedModel,
): CheckAsset {
  return bedrockAsset('aws.bedrock.imported_model', IMPORTED_MODEL_ARN, attributes);
}

// ---- Knowledge base data sources (GetDataSource's dataSource) ----

export const KNOWLEDGE_BASE_ARN = bedrockArn('knowledge-base/KB00000001');
export const DATA_SOURCE_ID = 'DS00000001';
export const DATA_SOURCE_NATIVE_ID = `${KNOWLEDGE_BASE_ARN}/datasource/${DATA_SOURCE_ID}`;
export const KB_BUCKET = 'kb-support-docs-private';

export const wellConfiguredDataSource: Record<string, unknown> = {
  knowledgeBaseId: 'KB00000001',
  dataSourceId: DATA_SOURCE_ID,
  name: 'support-assistant-kb-s3-0',
  status: 'AVAILABLE',
  dataSourceConfiguration: {
    type: 'S3',
    s3Configuration: { bucketArn: bucketArn(KB_BUCKET), inclusionPrefixes: ['support-assistant-kb/'] },
  },
  serverSideEncryptionConfiguration: { kmsKeyArn: kmsKeyArn() },
  vectorIngestionConfiguration: {
    chunkingConfiguration: {
      chunkingStrategy: 'FIXED_SIZE',
      fixedSizeChunkingConfiguration: { maxTokens: 300, overlapPercentage: 20 },
    },
  },
  dataDeletionPolicy: 'DELETE',
  createdAt: '2025-01-15T12:00:00.000Z',
  updatedAt: '2025-03-15T12:00:00.000Z',
};

export const webDataSource: Record<string, unknown> = {
  ...wellConfiguredDataSource,
  dataSourceConfiguration: {
    type: 'WEB',
    webConfiguration: {
      sourceConfiguration: { urlConfiguration: { seedUrls: [{ url: 'https://docs.example.com/' }] } },
      crawlerConfiguration: { crawlerLimits: { rateLimit: 300 }, scope: 'HOST_ONLY' },
    },
  },
};

export function dataSourceAsset(attributes: Record<string, unknown> = wellConfiguredDataSource): CheckAsset {
  return bedrockAsset('aws.bedrock.data_source', DATA_SOURCE_NATIVE_ID, attributes);
}

// ---- Model invocation logging (GetModelInvocationLoggingConfiguration, one asset per region) ----

export const LOGS_BUCKET = 'bedrock-invocation-logs';

export const wellConfiguredLogging: Record<string, unknown> = {
  loggingConfig: {
    s3Config: { bucketName: LOGS_BUCKET, keyPrefix: 'invocations/' },
    textDataDeliveryEnabled: true,
    imageDataDeliveryEnabled: true,
    embeddingDataDeliveryEnabled: false,
  },
};

/** Logging to CloudWatch Logs only (optionally with an S3 bucket for large payloads). */
export function cloudWatchLogging(largeDataBucket?: string): Record<string, unknown> {
  return {
    loggingConfig: {
      cloudWatchConfig: {
        logGroupName: '/aws/bedrock/modelinvocations',
        roleArn: roleArn('BedrockInvocationLogging'),
        ...(largeDataBucket && { largeDataDeliveryS3Config: { bucketName: largeDataBucket } }),
      },
      textDataDeliveryEnabled: true,
      imageDataDeliveryEnabled: false,
      embeddingDataDeliveryEnabled: false,
    },
  };
}

export function loggingAsset(
  attributes: Record<string, unknown> = wellConfiguredLogging,
  region = REGION,
): CheckAsset {
  return bedrockAsset(
    'aws.bedrock.invocation_logging',
    `arn:aws:bedrock:${region}:${ACCOUNT}:model-invocation-logging`,
    attributes,
    region,
  );
}

// ---- Infrastructure neighbours (IAM, S3, KMS, EC2), as the infra connectors store them ----

/** A bucket private by every measure: no policy (so no PolicyStatus), all public access blocked, owner-only ACL. */
export function bucketAsset(name: string, attributes: Record<string, unknown> = {}): CheckAsset {
  return testAsset({
    provider: 'aws',
    assetType: 'aws.s3.bucket',
    nativeId: bucketArn(name),
    region: REGION,
    attributes: {
      Name: name,
      CreationDate: '2024-05-01T00:00:00.000Z',
      Region: REGION,
      LocationConstraint: null,
      PublicAccessBlock: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      },
      Encryption: {
        Rules: [
          {
            ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: kmsKeyArn() },
            BucketKeyEnabled: true,
          },
        ],
      },
      Versioning: { Status: 'Enabled' },
      Acl: {
        Owner: { ID: 'owner-canonical-id' },
        Grants: [
          { Grantee: { Type: 'CanonicalUser', ID: 'owner-canonical-id' }, Permission: 'FULL_CONTROL' },
        ],
      },
      ...attributes,
    },
  });
}

export const PUBLIC_READ_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }],
};

export const ALL_USERS_READ = {
  Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' },
  Permission: 'READ',
};

export function kmsKeyAsset(keyManager: 'CUSTOMER' | 'AWS', arn = kmsKeyArn()): CheckAsset {
  return testAsset({
    provider: 'aws',
    assetType: 'aws.kms.key',
    nativeId: arn,
    region: REGION,
    attributes: {
      KeyId: arn.split('/').at(-1),
      Arn: arn,
      KeyManager: keyManager,
      KeyState: 'Enabled',
      Enabled: true,
      Aliases: keyManager === 'AWS' ? ['alias/aws/s3'] : ['alias/bedrock-logs'],
    },
  });
}

/** An IAM role as ListRoles/GetRole + attached and inline policies store it. */
export function roleAsset(name: string, attributes: Record<string, unknown> = {}): CheckAsset {
  const arn = roleArn(name);
  return testAsset({
    provider: 'aws',
    assetType: 'aws.iam.role',
    nativeId: arn,
    region: 'global',
    attributes: {
      Path: '/service-role/',
      RoleName: name,
      RoleId: 'AROAEXAMPLEROLEID0001',
      Arn: arn,
      CreateDate: '2024-11-02T10:00:00.000Z',
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { Service: 'bedrock.amazonaws.com' }, Action: 'sts:AssumeRole' },
        ],
      },
      MaxSessionDuration: 3600,
      AttachedManagedPolicies: [],
      AttachedPolicyArns: [],
      InlinePolicies: [],
      ...attributes,
    },
  });
}

/** A customer managed policy with its default version's document. */
export function policyAsset(name: string, document: unknown): CheckAsset {
  const arn = `arn:aws:iam::${ACCOUNT}:policy/${name}`;
  return testAsset({
    provider: 'aws',
    assetType: 'aws.iam.policy',
    nativeId: arn,
    region: 'global',
    attributes: {
      PolicyName: name,
      PolicyId: 'ANPAEXAMPLEPOLICY0001',
      Arn: arn,
      Path: '/',
      DefaultVersionId: 'v1',
      AttachmentCount: 1,
      DefaultVersion: { VersionId: 'v1', IsDefaultVersion: true, Document: document },
    },
  });
}

/** An IAM user with ListServiceSpecificCredentials' answer under `ServiceSpecificCredentials`. */
export function userAsset(name: string, credentials: Record<string, unknown>[] | undefined): CheckAsset {
  const arn = `arn:aws:iam::${ACCOUNT}:user/${name}`;
  return testAsset({
    provider: 'aws',
    assetType: 'aws.iam.user',
    nativeId: arn,
    region: 'global',
    attributes: {
      Path: '/',
      UserName: name,
      UserId: 'AIDAEXAMPLEUSERID0001',
      Arn: arn,
      CreateDate: '2024-06-01T00:00:00.000Z',
      ...(credentials !== undefined && { ServiceSpecificCredentials: credentials }),
    },
  });
}

/** One entry of ListServiceSpecificCredentials: a Bedrock API key created 2025-06-01, expiring in 30 days. */
export function bedrockApiKey(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    UserName: 'ci-bedrock',
    Status: 'Active',
    ServiceName: 'bedrock.amazonaws.com',
    ServiceCredentialAlias: 'ci-bedrock-at-123456789012',
    ServiceSpecificCredentialId: 'ACCAEXAMPLEBEDROCK01',
    CreateDate: '2025-06-01T00:00:00.000Z',
    ExpirationDate: '2025-07-01T00:00:00.000Z',
    ...overrides,
  };
}

/** A VPC endpoint as DescribeVpcEndpoints returns it (PolicyDocument parsed). */
export function vpcEndpointAsset(
  service: string,
  attributes: Record<string, unknown> = {},
  region = REGION,
  id = 'vpce-0a1b2c3d4e5f60718',
): CheckAsset {
  return testAsset({
    provider: 'aws',
    assetType: 'aws.ec2.vpc_endpoint',
    nativeId: `arn:aws:ec2:${region}:${ACCOUNT}:vpc-endpoint/${id}`,
    region,
    attributes: {
      VpcEndpointId: id,
      VpcEndpointType: 'Interface',
      VpcId: 'vpc-0a1b2c3d4e5f60718',
      ServiceName: `com.amazonaws.${region}.${service}`,
      State: 'available',
      SubnetIds: ['subnet-0a1b2c3d4e5f60718'],
      PrivateDnsEnabled: true,
      OwnerId: ACCOUNT,
      ...attributes,
    },
  });
}
