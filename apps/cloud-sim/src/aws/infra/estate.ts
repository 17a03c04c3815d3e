import { deriveSeed, seededRandom, type SeededRandom } from '../../seeded-random.util';

// Defined here, not imported from ../../estate, which imports this module.
const ACCOUNT_ID = '123456789012';
const REGIONS = ['us-east-1', 'eu-west-1'] as const;
type Region = (typeof REGIONS)[number];
/** Fixed "now" of the estate (the same as the SageMaker estate's): no clock. */
const ESTATE_NOW_MS = Date.UTC(2025, 5, 1, 12, 0, 0);
const DAY_MS = 86_400_000;

/** A JSON policy document (IAM, bucket, key or endpoint policy). */
export type PolicyDocument = Record<string, unknown>;

export interface InfraTag {
  Key: string;
  Value: string;
}

export interface SimIamRole {
  RoleName: string;
  Path: string;
  Arn: string;
  RoleId: string;
  CreateDateMs: number;
  /** Sent URL-encoded, as IAM does; kept with its layout (`documentText`). */
  trustPolicy: PolicyDocument;
  /** The trust policy exactly as submitted (indentation included); IAM returns this text URL-encoded. */
  trustPolicyText: string;
  Description?: string;
  MaxSessionDuration: number;
  PermissionsBoundaryArn?: string;
  /** Absent: never used in the tracking period (IAM then sends an empty RoleLastUsed). */
  lastUsed?: { dateMs: number; region: string };
  tags: InfraTag[];
  /** ARNs of the attached managed policies, AWS managed or customer managed. */
  attachedPolicyArns: string[];
  /** Inline policies by name, as submitted. */
  inlinePolicies: { name: string; text: string }[];
}

/** A long-term access key of an IAM user (its secret never leaves IAM after creation). */
export interface SimAccessKey {
  AccessKeyId: string;
  Status: 'Active' | 'Inactive';
  CreateDateMs: number;
}

/**
 * A service-specific credential: a Bedrock API key (`bedrock.amazonaws.com`, alias and optional expiry) or a
 * CodeCommit / Keyspaces password (`ServiceUserName`, never an expiry).
 */
export interface SimServiceCredential {
  ServiceSpecificCredentialId: string;
  ServiceName: string;
  ServiceUserName?: string;
  ServiceCredentialAlias?: string;
  Status: 'Active' | 'Inactive';
  CreateDateMs: number;
  /** Only Bedrock and CloudWatch Logs API keys created with an expiry have one. */
  ExpirationDateMs?: number;
}

export interface SimIamUser {
  UserName: string;
  Path: string;
  Arn: string;
  UserId: string;
  CreateDateMs: number;
  tags: InfraTag[];
  attachedPolicyArns: string[];
  inlinePolicies: { name: string; text: string }[];
  accessKeys: SimAccessKey[];
  serviceCredentials: SimServiceCredential[];
}

export interface SimPolicyVersion {
  VersionId: string;
  text: string;
  CreateDateMs: number;
}

export interface SimIamPolicy {
  PolicyName: string;
  PolicyId: string;
  Arn: string;
  Path: string;
  DefaultVersionId: string;
  AttachmentCount: number;
  PermissionsBoundaryUsageCount: number;
  IsAttachable: boolean;
  Description?: string;
  CreateDateMs: number;
  UpdateDateMs: number;
  versions: SimPolicyVersion[];
  tags: InfraTag[];
}

export interface PublicAccessBlock {
  BlockPublicAcls: boolean;
  IgnorePublicAcls: boolean;
  BlockPublicPolicy: boolean;
  RestrictPublicBuckets: boolean;
}

/** A grant of a bucket ACL: to the owner's canonical user, or to a predefined group such as AllUsers. */
export interface AclGrant {
  grantee: { type: 'CanonicalUser'; id: string; displayName?: string } | { type: 'Group'; uri: string };
  permission: 'FULL_CONTROL' | 'READ' | 'WRITE' | 'READ_ACP' | 'WRITE_ACP';
}

/** S3 bucket sub-resources a bucket can refuse to the scanner (a bucket policy denying them). */
export type BucketSubResource = 'policy' | 'policyStatus' | 'publicAccessBlock' | 'encryption' | 'tagging';

/**
 * One bucket. An absent optional member is what S3 answers with a 404: no bucket policy
 * (NoSuchBucketPolicy), no public access block (NoSuchPublicAccessBlockConfiguration), no default encryption
 * (ServerSideEncryptionConfigurationNotFoundError, buckets from before 2023), no tags (NoSuchTagSet).
 * Versioning and logging that were never configured come back as empty elements.
 */
export interface SimBucket {
  name: string;
  region: string;
  CreationDateMs: number;
  policyText?: string;
  /** What GetBucketPolicyStatus says (only when there is a policy). */
  policyIsPublic?: boolean;
  publicAccessBlock?: PublicAccessBlock;
  encryption?: { SSEAlgorithm: 'AES256' | 'aws:kms'; KMSMasterKeyID?: string; BucketKeyEnabled?: boolean };
  versioning?: { Status: 'Enabled' | 'Suspended'; MfaDelete?: 'Enabled' | 'Disabled' };
  logging?: { TargetBucket: string; TargetPrefix: string };
  tags?: InfraTag[];
  grants: AclGrant[];
  /** Sub-resources whose Get answers AccessDenied (the bucket policy denies them to everyone but an admin). */
  denied?: BucketSubResource[];
}

export interface SimKmsKey {
  region: string;
  KeyId: string;
  Arn: string;
  CreationDateMs: number;
  Enabled: boolean;
  Description: string;
  KeyUsage: 'ENCRYPT_DECRYPT' | 'SIGN_VERIFY';
  KeyState: 'Enabled' | 'Disabled' | 'PendingDeletion';
  Origin: 'AWS_KMS' | 'EXTERNAL';
  KeyManager: 'CUSTOMER' | 'AWS';
  KeySpec: 'SYMMETRIC_DEFAULT' | 'RSA_2048';
  MultiRegion: boolean;
  DeletionDateMs?: number;
  /** Automatic rotation; GetKeyRotationStatus refuses keys with imported material (UnsupportedOperation). */
  rotationEnabled: boolean;
  policyText: string;
  aliases: string[];
  tags: InfraTag[];
}

export interface SimVpcEndpoint {
  region: string;
  VpcEndpointId: string;
  VpcEndpointType: 'Interface' | 'Gateway';
  VpcId: string;
  ServiceName: string;
  State: 'available' | 'pending' | 'rejected';
  /** Gateway and interface endpoints carry a policy; it is the full-access default unless replaced. */
  policyText: string;
  SubnetIds: string[];
  RouteTableIds: string[];
  Groups: { GroupId: string; GroupName: string }[];
  PrivateDnsEnabled: boolean;
  NetworkInterfaceIds: string[];
  CreationTimestampMs: number;
  tags: InfraTag[];
}

export interface SimInstance {
  region: string;
  InstanceId: string;
  ReservationId: string;
  ImageId: string;
  InstanceType: string;
  State: { Code: number; Name: 'pending' | 'running' | 'stopped' | 'terminated' };
  LaunchTimeMs: number;
  AvailabilityZone: string;
  PrivateIpAddress?: string;
  PublicIpAddress?: string;
  SubnetId?: string;
  VpcId?: string;
  SecurityGroups: { GroupId: string; GroupName: string }[];
  IamInstanceProfile?: { Arn: string; Id: string };
  /** Absent on a terminated instance, as EC2 leaves it out. */
  MetadataOptions?: { HttpTokens: 'optional' | 'required'; HttpEndpoint: 'enabled' | 'disabled' };
  KeyName?: string;
  tags: InfraTag[];
}

export interface SimImage {
  ImageId: string;
  Name: string;
  Description?: string;
}

/**
 * The simulated IAM roles and policies, S3 buckets, KMS keys, VPC endpoints and EC2 instances.
 * Listings answer from the arrays; Get/Describe calls look items up in the maps. A test that deletes an item
 * from a map only (leaving the array alone) reproduces a resource deleted between the listing and the describe.
 */
export interface AwsInfraEstate {
  /** Whether this is a sized (load) estate; the default estate also answers for resources other families name. */
  sized: boolean;
  roles: SimIamRole[];
  rolesByName: Map<string, SimIamRole>;
  users: SimIamUser[];
  usersByName: Map<string, SimIamUser>;
  /** Customer managed policies, the ones ListPolicies(Scope=Local) lists. */
  policies: SimIamPolicy[];
  /** Customer managed and the AWS managed ones roles attach, by ARN. */
  policiesByArn: Map<string, SimIamPolicy>;
  buckets: SimBucket[];
  bucketsByName: Map<string, SimBucket>;
  keys: Record<string, SimKmsKey[]>;
  keysById: Map<string, SimKmsKey>;
  vpcEndpoints: Record<string, SimVpcEndpoint[]>;
  instances: Record<string, SimInstance[]>;
  images: Map<string, SimImage>;
  /** The role a scanner assumes with an external id (see SIM_SCANNER_ROLE_ARN). */
  scanner: { roleArn: string; externalId: string };
}

/** Role our scanner assumes in the simulated account; its trust policy requires SIM_SCANNER_EXTERNAL_ID. */
export const SIM_SCANNER_ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/aispm-scanner`;
/** The external id the scanner role's trust policy requires (sts:ExternalId). */
export const SIM_SCANNER_EXTERNAL_ID = 'aispm-sim-ext-7d1f9c2e4b';
/** The principal the scanner role trusts: the demo access key's user. */
export const SIM_SCANNER_TRUSTED_PRINCIPAL = `arn:aws:iam::${ACCOUNT_ID}:user/sim-demo-scanner`;

/** Bedrock service roles of the default estate; one agent role is shared by several agents. */
export const SIM_BEDROCK_ROLE_ARNS = {
  sharedAgents: `arn:aws:iam::${ACCOUNT_ID}:role/service-role/AmazonBedrockExecutionRoleForAgents_CX7H2K9QWE`,
  supportAgent: `arn:aws:iam::${ACCOUNT_ID}:role/service-role/AmazonBedrockExecutionRoleForAgents_M4RT8ZP1LA`,
  knowledgeBase: `arn:aws:iam::${ACCOUNT_ID}:role/service-role/AmazonBedrockExecutionRoleForKnowledgeBase_a1b2c`,
} as const;

/** Buckets of the default estate other families point at (training data, model artifacts, KB sources). */
export const SIM_BUCKETS = {
  trainingData: `aispm-sim-training-data-${ACCOUNT_ID}`,
  modelArtifacts: `aispm-sim-model-artifacts-${ACCOUNT_ID}`,
  kbSupportDocs: `aispm-sim-kb-support-docs-${ACCOUNT_ID}`,
  kbHrPolicies: `aispm-sim-kb-hr-policies-${ACCOUNT_ID}`,
} as const;

/** How many of each resource the default estate defines (resources other AWS families name come on top). */
export const AWS_INFRA_COUNTS = {
  roles: 12,
  /** Customer managed (ListPolicies Scope=Local). */
  policies: 6,
  buckets: 9,
  keys: { 'us-east-1': 6, 'eu-west-1': 3 },
  vpcEndpoints: { 'us-east-1': 4, 'eu-west-1': 1 },
  instances: { 'us-east-1': 4, 'eu-west-1': 2 },
} as const;

const AWS_MANAGED_POLICY_DOCS: Record<string, PolicyDocument> = {
  AdministratorAccess: {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
  },
  AmazonSageMakerFullAccess: {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AllowAllNonAdminSageMakerActions',
        Effect: 'Allow',
        NotAction: ['sagemaker:*Admin*'],
        Resource: '*',
      },
      {
        Effect: 'Allow',
        Action: ['sagemaker:*', 's3:GetObject', 's3:PutObject', 'iam:PassRole'],
        Resource: '*',
      },
    ],
  },
  AmazonBedrockFullAccess: {
    Version: '2012-10-17',
    Statement: [{ Sid: 'BedrockAll', Effect: 'Allow', Action: ['bedrock:*'], Resource: '*' }],
  },
  AmazonS3FullAccess: {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['s3:*', 's3-object-lambda:*'], Resource: '*' }],
  },
  SecurityAudit: {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: ['iam:Get*', 'iam:List*', 's3:GetBucket*', 'kms:Describe*'], Resource: '*' },
    ],
  },
  AmazonSageMakerReadOnly: {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['sagemaker:Describe*', 'sagemaker:List*'], Resource: '*' }],
  },
};

const awsManagedArn = (name: string) => `arn:aws:iam::aws:policy/${name}`;
const customerPolicyArn = (name: string, path = '/') => `arn:aws:iam::${ACCOUNT_ID}:policy${path}${name}`;
const roleArn = (name: string, path = '/') => `arn:aws:iam::${ACCOUNT_ID}:role${path}${name}`;

const DEFAULT_ENDPOINT_POLICY = JSON.stringify(
  { Statement: [{ Action: '*', Effect: 'Allow', Principal: '*', Resource: '*' }] },
  null,
  2,
);

/** `size` is about how many assets to create; undefined builds the small default estate (AWS_INFRA_COUNTS). */
export function buildAwsInfraEstate(seed: number, size: number | undefined): AwsInfraEstate {
  const rnd = seededRandom(deriveSeed(seed, 'aws:infra'));
  const parts = size === undefined ? defaultParts(rnd) : sizedParts(rnd, size);
  return assemble(parts, size !== undefined);
}

interface Parts {
  roles: SimIamRole[];
  users: SimIamUser[];
  policies: SimIamPolicy[];
  buckets: SimBucket[];
  keys: SimKmsKey[];
  vpcEndpoints: SimVpcEndpoint[];
  instances: SimInstance[];
  images: SimImage[];
}

function assemble(parts: Parts, sized: boolean): AwsInfraEstate {
  const byRegion = <T extends { region: string }>(items: T[]): Record<string, T[]> => {
    const out: Record<string, T[]> = Object.fromEntries(REGIONS.map((r) => [r, [] as T[]]));
    for (const item of items) (out[item.region] ??= []).push(item);
    return out;
  };
  const managed = Object.entries(AWS_MANAGED_POLICY_DOCS).map(([name, doc]) => awsManagedPolicy(name, doc));
  const attachments = new Map<string, number>();
  for (const principal of [...parts.roles, ...parts.users]) {
    for (const arn of principal.attachedPolicyArns) attachments.set(arn, (attachments.get(arn) ?? 0) + 1);
  }
  for (const p of [...parts.policies, ...managed]) p.AttachmentCount = attachments.get(p.Arn) ?? 0;
  return {
    sized,
    roles: parts.roles,
    rolesByName: new Map(parts.roles.map((r) => [r.RoleName, r])),
    users: parts.users,
    usersByName: new Map(parts.users.map((u) => [u.UserName, u])),
    policies: parts.policies,
    policiesByArn: new Map([...parts.policies, ...managed].map((p) => [p.Arn, p])),
    buckets: parts.buckets,
    bucketsByName: new Map(parts.buckets.map((b) => [b.name, b])),
    keys: byRegion(parts.keys),
    keysById: new Map(parts.keys.map((k) => [k.KeyId, k])),
    vpcEndpoints: byRegion(parts.vpcEndpoints),
    instances: byRegion(parts.instances),
    images: new Map(parts.images.map((i) => [i.ImageId, i])),
    scanner: { roleArn: SIM_SCANNER_ROLE_ARN, externalId: SIM_SCANNER_EXTERNAL_ID },
  };
}

function awsManagedPolicy(name: string, doc: PolicyDocument): SimIamPolicy {
  const created = Date.UTC(2015, 1, 6, 18, 39, 46);
  return {
    PolicyName: name,
    PolicyId: `ANPA${hashId(name, 17)}`,
    Arn: awsManagedArn(name),
    Path: '/',
    DefaultVersionId: 'v1',
    AttachmentCount: 0,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    CreateDateMs: created,
    UpdateDateMs: created,
    versions: [{ VersionId: 'v1', text: JSON.stringify(doc, null, 4), CreateDateMs: created }],
    tags: [],
  };
}

const doc = (statements: PolicyDocument[]): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
const trust = (principal: PolicyDocument, condition?: PolicyDocument): string =>
  doc([
    {
      Effect: 'Allow',
      Principal: principal,
      Action: 'sts:AssumeRole',
      ...(condition && { Condition: condition }),
    },
  ]);
const SAGEMAKER_TRUST = trust({ Service: 'sagemaker.amazonaws.com' });
const BEDROCK_TRUST = trust(
  { Service: 'bedrock.amazonaws.com' },
  { StringEquals: { 'aws:SourceAccount': ACCOUNT_ID } },
);

interface RoleSpec {
  name: string;
  path?: string;
  trust: string;
  description?: string;
  attached: string[];
  inline?: { name: string; text: string }[];
  tags?: InfraTag[];
  boundary?: string;
  lastUsedDaysAgo?: number;
  maxSession?: number;
}

function role(rnd: SeededRandom, spec: RoleSpec, createdMs: number): SimIamRole {
  const path = spec.path ?? '/';
  return {
    RoleName: spec.name,
    Path: path,
    Arn: roleArn(spec.name, path),
    RoleId: `AROA${upperId(rnd, 17)}`,
    CreateDateMs: createdMs,
    trustPolicy: JSON.parse(spec.trust) as PolicyDocument,
    trustPolicyText: spec.trust,
    ...(spec.description && { Description: spec.description }),
    MaxSessionDuration: spec.maxSession ?? 3600,
    ...(spec.boundary && { PermissionsBoundaryArn: spec.boundary }),
    ...(spec.lastUsedDaysAgo !== undefined && {
      lastUsed: { dateMs: ESTATE_NOW_MS - spec.lastUsedDaysAgo * DAY_MS, region: 'us-east-1' },
    }),
    tags: spec.tags ?? [],
    attachedPolicyArns: spec.attached,
    inlinePolicies: spec.inline ?? [],
  };
}

/**
 * The default estate: 12 roles, 6 customer managed policies, 9 buckets, 9 KMS keys, 5 VPC endpoints and 6 EC2
 * instances (AWS_INFRA_COUNTS), with every planted problem at least once:
 * - roles with AdministratorAccess (SageMakerFullAccessRole, OrganizationAccountAccessRole), with
 *   AmazonSageMakerFullAccess / AmazonBedrockFullAccess attached, with `"Action":"*"` (inline on
 *   sagemaker-training-pipeline, policy LegacyAdminAll) and `"sagemaker:*"` on `"*"` (DataScienceWildcard);
 *   a cross-account trust without an external id (OrganizationAccountAccessRole); one Bedrock agent role shared
 *   by several agents; the scanner role that requires an external id; a role never used (no RoleLastUsed date)
 *   and a role with a permissions boundary;
 * - a policy whose default version is not its latest (ExperimentPolicy: v3 default, v4 newer);
 * - buckets public by policy (training data) and by ACL (KB support docs); without a public access block;
 *   with a partial block; without default encryption; with SSE-S3 and SSE-KMS; versioning enabled, suspended
 *   and never configured; with and without access logging and tags; one whose policy denies GetBucketPolicy
 *   to everyone but its admins (the scanner reads everything else);
 * - KMS keys with and without rotation, AWS managed keys, a disabled key, a key pending deletion, a key with
 *   imported material (rotation unsupported) and a key policy open to Principal "*";
 * - interface endpoints for SageMaker API / runtime and Bedrock runtime in us-east-1 only, one with the
 *   full-access default policy, plus S3 gateway endpoints;
 * - GPU instances serving models (vLLM, text-generation-inference, Triton, Ollama) told apart by Name tag or
 *   AMI name, with IMDSv1 allowed (HttpTokens optional) on some and public IPs; a terminated instance without
 *   MetadataOptions, IAM profile or addresses; an instance whose AMI is deregistered (no image name).
 */
function defaultParts(rnd: SeededRandom): Parts {
  const daysAgo = (min: number, max: number) => ESTATE_NOW_MS - rnd.int(min, max) * DAY_MS;
  const team = (t: string): InfraTag[] => [
    { Key: 'team', Value: t },
    { Key: 'managed-by', Value: 'terraform' },
  ];

  const policySpecs: {
    name: string;
    description?: string;
    versions: string[];
    defaultIndex?: number;
    tags?: InfraTag[];
    path?: string;
  }[] = [
    {
      name: 'SageMakerS3Access',
      description: 'Read training data and write model artifacts',
      versions: [
        doc([
          {
            Sid: 'TrainingData',
            Effect: 'Allow',
            Action: ['s3:GetObject', 's3:ListBucket'],
            Resource: [
              `arn:aws:s3:::${SIM_BUCKETS.trainingData}`,
              `arn:aws:s3:::${SIM_BUCKETS.trainingData}/*`,
              `arn:aws:s3:::sagemaker-us-east-1-${ACCOUNT_ID}/*`,
            ],
          },
          {
            Sid: 'Artifacts',
            Effect: 'Allow',
            Action: 's3:PutObject',
            Resource: `arn:aws:s3:::${SIM_BUCKETS.modelArtifacts}/*`,
          },
        ]),
      ],
      tags: team('ml-platform'),
    },
    {
      name: 'DataScienceWildcard',
      description: 'Temporary: unblock the data science team',
      versions: [doc([{ Effect: 'Allow', Action: 'sagemaker:*', Resource: '*' }])],
    },
    {
      name: 'LegacyAdminAll',
      versions: [doc([{ Effect: 'Allow', Action: '*', Resource: '*' }])],
      tags: [{ Key: 'owner', Value: 'ops@example.com' }],
    },
    {
      name: 'BedrockInvokeClaude',
      path: '/bedrock/',
      description: 'Invoke one foundation model',
      versions: [
        doc([
          {
            Effect: 'Allow',
            Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
            Resource: 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0',
          },
        ]),
      ],
    },
    {
      name: 'KnowledgeBaseSources',
      versions: [
        doc([
          {
            Effect: 'Allow',
            Action: ['s3:GetObject', 's3:ListBucket'],
            Resource: [
              `arn:aws:s3:::${SIM_BUCKETS.kbSupportDocs}`,
              `arn:aws:s3:::${SIM_BUCKETS.kbSupportDocs}/*`,
              `arn:aws:s3:::${SIM_BUCKETS.kbHrPolicies}`,
              `arn:aws:s3:::${SIM_BUCKETS.kbHrPolicies}/*`,
            ],
          },
        ]),
      ],
    },
    {
      name: 'ExperimentPolicy',
      description: 'Default version v3; v4 was tried and not made default',
      versions: [
        doc([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]),
        doc([{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' }]),
        doc([
          {
            Effect: 'Allow',
            Action: ['s3:GetObject'],
            Resource: `arn:aws:s3:::${SIM_BUCKETS.trainingData}/*`,
          },
        ]),
        doc([{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }]),
      ],
      defaultIndex: 2,
    },
  ];
  const policies = policySpecs.map((spec): SimIamPolicy => {
    const created = daysAgo(200, 700);
    const versions = spec.versions.map((text, i) => ({
      VersionId: `v${i + 1}`,
      text,
      CreateDateMs: created + i * 7 * DAY_MS,
    }));
    const path = spec.path ?? '/';
    return {
      PolicyName: spec.name,
      PolicyId: `ANPA${upperId(rnd, 17)}`,
      Arn: customerPolicyArn(spec.name, path),
      Path: path,
      DefaultVersionId: `v${(spec.defaultIndex ?? versions.length - 1) + 1}`,
      AttachmentCount: 0,
      PermissionsBoundaryUsageCount: spec.name === 'SageMakerS3Access' ? 1 : 0,
      IsAttachable: true,
      ...(spec.description && { Description: spec.description }),
      CreateDateMs: created,
      UpdateDateMs: versions[versions.length - 1]!.CreateDateMs,
      versions,
      tags: spec.tags ?? [],
    };
  });
  const local = (name: string) => policies.find((p) => p.PolicyName === name)!.Arn;

  const roleSpecs: RoleSpec[] = [
    {
      name: 'AmazonSageMaker-ExecutionRole-20240312T094512',
      path: '/service-role/',
      trust: SAGEMAKER_TRUST,
      description: 'SageMaker execution role',
      attached: [awsManagedArn('AmazonSageMakerFullAccess'), local('SageMakerS3Access')],
      inline: [
        {
          name: 'sagemaker-s3-training-data',
          text: doc([
            {
              Effect: 'Allow',
              Action: ['s3:GetObject', 's3:PutObject'],
              Resource: [`arn:aws:s3:::sagemaker-*/*`],
            },
          ]),
        },
      ],
      lastUsedDaysAgo: 1,
    },
    {
      name: 'sagemaker-notebook-data-science',
      trust: SAGEMAKER_TRUST,
      attached: [local('DataScienceWildcard')],
      tags: team('data-science'),
      lastUsedDaysAgo: 3,
    },
    {
      name: 'SageMakerFullAccessRole',
      trust: SAGEMAKER_TRUST,
      description: 'Created by hand for a demo; never scoped down',
      attached: [awsManagedArn('AdministratorAccess'), awsManagedArn('AmazonSageMakerFullAccess')],
      lastUsedDaysAgo: 12,
    },
    {
      name: 'sagemaker-training-pipeline',
      trust: SAGEMAKER_TRUST,
      attached: [local('SageMakerS3Access')],
      inline: [
        { name: 'allow-everything-temp', text: doc([{ Effect: 'Allow', Action: '*', Resource: '*' }]) },
      ],
      tags: team('ml-platform'),
      lastUsedDaysAgo: 0,
    },
    {
      name: 'AmazonBedrockExecutionRoleForAgents_CX7H2K9QWE',
      path: '/service-role/',
      trust: BEDROCK_TRUST,
      description: 'Shared by the support, sales and HR agents',
      attached: [awsManagedArn('AmazonBedrockFullAccess')],
      lastUsedDaysAgo: 0,
    },
    {
      name: 'AmazonBedrockExecutionRoleForAgents_M4RT8ZP1LA',
      path: '/service-role/',
      trust: BEDROCK_TRUST,
      attached: [local('BedrockInvokeClaude')],
      lastUsedDaysAgo: 2,
    },
    {
      name: 'AmazonBedrockExecutionRoleForKnowledgeBase_a1b2c',
      path: '/service-role/',
      trust: BEDROCK_TRUST,
      attached: [local('KnowledgeBaseSources')],
      inline: [
        {
          name: 'AmazonBedrockOSSPolicyForKnowledgeBase_a1b2c',
          text: doc([{ Effect: 'Allow', Action: ['aoss:APIAccessAll'], Resource: '*' }]),
        },
      ],
      lastUsedDaysAgo: 5,
    },
    {
      name: 'aispm-scanner',
      trust: trust(
        { AWS: SIM_SCANNER_TRUSTED_PRINCIPAL },
        { StringEquals: { 'sts:ExternalId': SIM_SCANNER_EXTERNAL_ID } },
      ),
      description: 'Read-only role assumed by the AI-SPM scanner',
      attached: [awsManagedArn('SecurityAudit'), awsManagedArn('AmazonSageMakerReadOnly')],
      tags: [{ Key: 'purpose', Value: 'aispm' }],
      lastUsedDaysAgo: 0,
    },
    {
      name: 'gpu-inference-instance-role',
      trust: trust({ Service: 'ec2.amazonaws.com' }),
      attached: [awsManagedArn('AmazonS3FullAccess'), local('LegacyAdminAll')],
      tags: team('ml-platform'),
      lastUsedDaysAgo: 0,
    },
    {
      name: 'OrganizationAccountAccessRole',
      trust: trust({ AWS: 'arn:aws:iam::210987654321:root' }),
      attached: [awsManagedArn('AdministratorAccess')],
      maxSession: 43_200,
      lastUsedDaysAgo: 90,
    },
    {
      name: 'ml-platform-readonly',
      trust: trust({ AWS: `arn:aws:iam::${ACCOUNT_ID}:root` }),
      attached: [],
    },
    {
      name: 'bounded-experiments',
      trust: SAGEMAKER_TRUST,
      attached: [local('ExperimentPolicy')],
      boundary: local('SageMakerS3Access'),
      lastUsedDaysAgo: 30,
    },
  ];
  const roles = roleSpecs.map((spec) => role(rnd, spec, daysAgo(100, 900)));

  const bucket = (
    b: Omit<SimBucket, 'CreationDateMs' | 'grants'> & { grants?: AclGrant[]; CreationDateMs?: number },
  ): SimBucket => ({
    CreationDateMs: daysAgo(60, 1500),
    grants: [ownerGrant()],
    ...b,
  });
  const allBlocked: PublicAccessBlock = {
    BlockPublicAcls: true,
    IgnorePublicAcls: true,
    BlockPublicPolicy: true,
    RestrictPublicBuckets: true,
  };
  const tlsOnly = (name: string) => ({
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  });
  const logs = `aispm-sim-access-logs-${ACCOUNT_ID}`;
  const kmsArn = (region: string, id: string) => `arn:aws:kms:${region}:${ACCOUNT_ID}:key/${id}`;
  const keyIds = {
    notebooks: uuid(rnd),
    training: uuid(rnd),
    artifacts: uuid(rnd),
  };
  const buckets: SimBucket[] = [
    bucket({
      name: `sagemaker-us-east-1-${ACCOUNT_ID}`,
      region: 'us-east-1',
      policyText: doc([tlsOnly(`sagemaker-us-east-1-${ACCOUNT_ID}`)]),
      policyIsPublic: false,
      publicAccessBlock: allBlocked,
      encryption: {
        SSEAlgorithm: 'aws:kms',
        KMSMasterKeyID: kmsArn('us-east-1', keyIds.training),
        BucketKeyEnabled: true,
      },
      versioning: { Status: 'Enabled', MfaDelete: 'Disabled' },
      logging: { TargetBucket: logs, TargetPrefix: 'sagemaker-us-east-1/' },
      tags: team('ml-platform'),
    }),
    bucket({
      name: `sagemaker-eu-west-1-${ACCOUNT_ID}`,
      region: 'eu-west-1',
      publicAccessBlock: allBlocked,
      encryption: { SSEAlgorithm: 'AES256', BucketKeyEnabled: false },
    }),
    bucket({
      name: `ml-artifacts-${ACCOUNT_ID}`,
      region: 'us-east-1',
      policyText: doc([
        {
          Sid: 'PartnerRead',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::210987654321:root' },
          Action: ['s3:GetObject'],
          Resource: `arn:aws:s3:::ml-artifacts-${ACCOUNT_ID}/imported/*`,
        },
      ]),
      policyIsPublic: false,
      encryption: { SSEAlgorithm: 'AES256' },
      versioning: { Status: 'Suspended' },
      tags: [{ Key: 'data-classification', Value: 'internal' }],
    }),
    bucket({
      name: SIM_BUCKETS.trainingData,
      region: 'us-east-1',
      policyText: doc([
        {
          Sid: 'PublicReadForBenchmark',
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: `arn:aws:s3:::${SIM_BUCKETS.trainingData}/*`,
        },
      ]),
      policyIsPublic: true,
      tags: [
        { Key: 'data-classification', Value: 'pii' },
        { Key: 'team', Value: 'data-science' },
      ],
    }),
    bucket({
      name: SIM_BUCKETS.modelArtifacts,
      region: 'eu-west-1',
      policyText: doc([tlsOnly(SIM_BUCKETS.modelArtifacts)]),
      policyIsPublic: false,
      publicAccessBlock: { ...allBlocked, BlockPublicPolicy: false, RestrictPublicBuckets: false },
      encryption: {
        SSEAlgorithm: 'aws:kms',
        KMSMasterKeyID: kmsArn('eu-west-1', keyIds.artifacts),
        BucketKeyEnabled: true,
      },
      versioning: { Status: 'Enabled' },
      logging: { TargetBucket: logs, TargetPrefix: 'model-artifacts/' },
      tags: team('ml-platform'),
    }),
    bucket({
      name: SIM_BUCKETS.kbSupportDocs,
      region: 'us-east-1',
      encryption: { SSEAlgorithm: 'AES256', BucketKeyEnabled: false },
      grants: [
        ownerGrant(),
        {
          grantee: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers' },
          permission: 'READ',
        },
      ],
      tags: [{ Key: 'source', Value: 'bedrock-kb' }],
    }),
    bucket({
      name: SIM_BUCKETS.kbHrPolicies,
      region: 'eu-west-1',
      policyText: doc([
        {
          Sid: 'OnlyHrAdminsReadThePolicy',
          Effect: 'Deny',
          Principal: '*',
          Action: ['s3:GetBucketPolicy', 's3:PutBucketPolicy'],
          Resource: `arn:aws:s3:::${SIM_BUCKETS.kbHrPolicies}`,
          Condition: { ArnNotLike: { 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT_ID}:role/hr-admin` } },
        },
      ]),
      policyIsPublic: false,
      publicAccessBlock: allBlocked,
      encryption: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: kmsArn('eu-west-1', keyIds.artifacts) },
      versioning: { Status: 'Enabled' },
      tags: [{ Key: 'data-classification', Value: 'confidential' }],
      denied: ['policy'],
    }),
    bucket({
      name: logs,
      region: 'us-east-1',
      publicAccessBlock: allBlocked,
      encryption: { SSEAlgorithm: 'AES256', BucketKeyEnabled: false },
      tags: team('security'),
    }),
    bucket({
      name: `legacy-ml-datasets-2019-${ACCOUNT_ID}`,
      region: 'eu-west-1',
      CreationDateMs: Date.UTC(2019, 3, 2, 8, 30, 0),
      grants: [
        ownerGrant(),
        {
          grantee: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers' },
          permission: 'READ',
        },
      ],
    }),
  ];

  const key = (
    k: Partial<SimKmsKey> & { region: Region; KeyId?: string; Description: string },
  ): SimKmsKey => {
    const id = k.KeyId ?? uuid(rnd);
    const manager = k.KeyManager ?? 'CUSTOMER';
    return {
      KeyId: id,
      Arn: kmsArn(k.region, id),
      CreationDateMs: daysAgo(30, 900),
      Enabled: true,
      KeyUsage: 'ENCRYPT_DECRYPT',
      KeyState: 'Enabled',
      Origin: 'AWS_KMS',
      KeyManager: manager,
      KeySpec: 'SYMMETRIC_DEFAULT',
      MultiRegion: false,
      rotationEnabled: manager === 'AWS',
      policyText: keyPolicy(manager),
      aliases: [],
      tags: [],
      ...k,
    };
  };
  const keys: SimKmsKey[] = [
    key({
      region: 'us-east-1',
      KeyId: keyIds.notebooks,
      Description: 'SageMaker notebook volumes',
      rotationEnabled: true,
      aliases: ['alias/sagemaker-notebooks'],
      tags: team('ml-platform'),
    }),
    key({
      region: 'us-east-1',
      KeyId: keyIds.training,
      Description: 'Training data and model output',
      aliases: ['alias/ml-training-data'],
      tags: [{ Key: 'data-classification', Value: 'pii' }],
    }),
    key({
      region: 'us-east-1',
      Description: 'Old experiment key',
      Enabled: false,
      KeyState: 'PendingDeletion',
      DeletionDateMs: ESTATE_NOW_MS + 7 * DAY_MS,
    }),
    key({
      region: 'us-east-1',
      Description: 'Shared key, policy open to every principal',
      policyText: doc([
        { Sid: 'EveryoneCanUse', Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' },
      ]),
      aliases: ['alias/shared-open'],
    }),
    key({
      region: 'us-east-1',
      Description: 'Default key that protects my S3 objects when no other key is defined',
      KeyManager: 'AWS',
      aliases: ['alias/aws/s3'],
    }),
    key({
      region: 'us-east-1',
      Description: 'Default key that protects my SageMaker resources when no other key is defined',
      KeyManager: 'AWS',
      aliases: ['alias/aws/sagemaker'],
    }),
    key({
      region: 'eu-west-1',
      KeyId: keyIds.artifacts,
      Description: 'Model artifacts',
      rotationEnabled: true,
      aliases: ['alias/model-artifacts'],
      tags: team('ml-platform'),
    }),
    key({
      region: 'eu-west-1',
      Description: 'BYOK key with imported material',
      Origin: 'EXTERNAL',
      Enabled: false,
      KeyState: 'Disabled',
      aliases: ['alias/byok-regulated'],
    }),
    key({
      region: 'eu-west-1',
      Description: 'Default key that protects my S3 objects when no other key is defined',
      KeyManager: 'AWS',
      aliases: ['alias/aws/s3'],
    }),
  ];

  const vpc = (region: Region) =>
    region === 'us-east-1' ? 'vpc-0a1b2c3d4e5f60718' : 'vpc-0f9e8d7c6b5a49382';
  const sg = (name: string) => ({ GroupId: `sg-0${rnd.hex(16)}`, GroupName: name });
  const endpoint = (
    region: Region,
    service: string,
    policyText: string,
    type: 'Interface' | 'Gateway' = 'Interface',
  ): SimVpcEndpoint => ({
    region,
    VpcEndpointId: `vpce-0${rnd.hex(16)}`,
    VpcEndpointType: type,
    VpcId: vpc(region),
    ServiceName: `com.amazonaws.${region}.${service}`,
    State: 'available',
    policyText,
    SubnetIds: type === 'Interface' ? [`subnet-0${rnd.hex(16)}`, `subnet-0${rnd.hex(16)}`] : [],
    RouteTableIds: type === 'Gateway' ? [`rtb-0${rnd.hex(16)}`] : [],
    Groups: type === 'Interface' ? [sg(`${service}-endpoint`)] : [],
    PrivateDnsEnabled: type === 'Interface',
    NetworkInterfaceIds: type === 'Interface' ? [`eni-0${rnd.hex(16)}`, `eni-0${rnd.hex(16)}`] : [],
    CreationTimestampMs: daysAgo(20, 400),
    tags: [{ Key: 'Name', Value: `${service}-endpoint` }],
  });
  const vpcEndpoints = [
    endpoint('us-east-1', 'sagemaker.api', DEFAULT_ENDPOINT_POLICY),
    endpoint(
      'us-east-1',
      'sagemaker.runtime',
      doc([
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 'sagemaker:InvokeEndpoint',
          Resource: `arn:aws:sagemaker:us-east-1:${ACCOUNT_ID}:endpoint/*`,
          Condition: { StringEquals: { 'aws:PrincipalAccount': ACCOUNT_ID } },
        },
      ]),
    ),
    endpoint(
      'us-east-1',
      'bedrock-runtime',
      doc([
        {
          Effect: 'Allow',
          Principal: '*',
          Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
          Resource: 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.*',
        },
      ]),
    ),
    endpoint('us-east-1', 's3', DEFAULT_ENDPOINT_POLICY, 'Gateway'),
    endpoint('eu-west-1', 's3', DEFAULT_ENDPOINT_POLICY, 'Gateway'),
  ];

  const images: SimImage[] = [
    {
      ImageId: 'ami-0c7217cdde317cfec',
      Name: 'vllm-0.6.3-ubuntu22.04-cuda12.4-20241105',
      Description: 'vLLM OpenAI-compatible server',
    },
    { ImageId: 'ami-0a3c3a20c09d6f377', Name: 'Deep Learning AMI GPU PyTorch 2.3.0 (Ubuntu 20.04) 20240611' },
    {
      ImageId: 'ami-05b10e08d247fb927',
      Name: 'al2023-ami-2023.5.20240805.0-kernel-6.1-x86_64',
      Description: 'Amazon Linux 2023 AMI',
    },
    {
      ImageId: 'ami-0d64bb532e0502c46',
      Name: 'ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20240927',
    },
    {
      ImageId: 'ami-0e1c5b4ef3a5e2b9d',
      Name: 'ollama-0.3.12-gpu-20241002',
      Description: 'Ollama with NVIDIA drivers',
    },
  ];
  const profile = {
    Arn: `arn:aws:iam::${ACCOUNT_ID}:instance-profile/gpu-inference-instance-role`,
    Id: `AIPA${upperId(rnd, 17)}`,
  };
  const instance = (
    region: Region,
    i: Omit<
      SimInstance,
      'region' | 'InstanceId' | 'ReservationId' | 'LaunchTimeMs' | 'AvailabilityZone' | 'SecurityGroups'
    > & {
      SecurityGroups?: SimInstance['SecurityGroups'];
    },
  ): SimInstance => ({
    region,
    InstanceId: `i-0${rnd.hex(16)}`,
    ReservationId: `r-0${rnd.hex(16)}`,
    LaunchTimeMs: daysAgo(1, 300),
    AvailabilityZone: `${region}${rnd.pick(['a', 'b', 'c'])}`,
    SecurityGroups: i.SecurityGroups ?? [sg('default')],
    ...i,
  });
  const running = { Code: 16, Name: 'running' } as const;
  const subnet = () => `subnet-0${rnd.hex(16)}`;
  const instances: SimInstance[] = [
    instance('us-east-1', {
      ImageId: images[0]!.ImageId,
      InstanceType: 'g5.12xlarge',
      State: running,
      PrivateIpAddress: '10.0.1.24',
      PublicIpAddress: '54.210.17.33',
      SubnetId: subnet(),
      VpcId: vpc('us-east-1'),
      SecurityGroups: [sg('llm-serving-open-8000')],
      IamInstanceProfile: profile,
      MetadataOptions: { HttpTokens: 'optional', HttpEndpoint: 'enabled' },
      KeyName: 'ml-team',
      tags: [
        { Key: 'Name', Value: 'vllm-llama3-70b-serving' },
        { Key: 'team', Value: 'ml-platform' },
      ],
    }),
    instance('us-east-1', {
      ImageId: images[1]!.ImageId,
      InstanceType: 'g4dn.xlarge',
      State: running,
      PrivateIpAddress: '10.0.2.87',
      SubnetId: subnet(),
      VpcId: vpc('us-east-1'),
      IamInstanceProfile: profile,
      MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled' },
      tags: [{ Key: 'app', Value: 'text-generation-inference' }],
    }),
    instance('us-east-1', {
      ImageId: 'ami-0f3e2d1c0b9a87654',
      InstanceType: 'p3.2xlarge',
      State: { Code: 80, Name: 'stopped' },
      PrivateIpAddress: '10.0.3.12',
      SubnetId: subnet(),
      VpcId: vpc('us-east-1'),
      MetadataOptions: { HttpTokens: 'optional', HttpEndpoint: 'enabled' },
      tags: [{ Key: 'Name', Value: 'triton-inference-server-poc' }],
    }),
    instance('us-east-1', {
      ImageId: images[2]!.ImageId,
      InstanceType: 't3.micro',
      State: running,
      PrivateIpAddress: '10.0.0.5',
      PublicIpAddress: '3.91.44.120',
      SubnetId: subnet(),
      VpcId: vpc('us-east-1'),
      SecurityGroups: [sg('bastion-ssh')],
      MetadataOptions: { HttpTokens: 'optional', HttpEndpoint: 'enabled' },
      KeyName: 'ops',
      tags: [{ Key: 'Name', Value: 'bastion' }],
    }),
    instance('eu-west-1', {
      ImageId: images[4]!.ImageId,
      InstanceType: 'g5.xlarge',
      State: running,
      PrivateIpAddress: '172.31.20.9',
      PublicIpAddress: '34.245.10.77',
      SubnetId: subnet(),
      VpcId: vpc('eu-west-1'),
      MetadataOptions: { HttpTokens: 'optional', HttpEndpoint: 'enabled' },
      tags: [{ Key: 'owner', Value: 'dana.kowalski@example.com' }],
    }),
    instance('eu-west-1', {
      ImageId: images[3]!.ImageId,
      InstanceType: 'm5.large',
      State: { Code: 48, Name: 'terminated' },
      tags: [{ Key: 'Name', Value: 'etl-worker' }],
      SecurityGroups: [],
    }),
  ];

  const users = defaultUsers(rnd, daysAgo, local);
  return { roles, users, policies, buckets, keys, vpcEndpoints, instances, images };
}

/**
 * Users of the default estate: the demo scanner (an old active access key), an application with a Bedrock API
 * key that never expires, a CI user whose Bedrock key expires after 30 days and an inactive old one, and a
 * developer with a CodeCommit password (not an API key of Bedrock).
 */
function defaultUsers(
  rnd: SeededRandom,
  daysAgo: (min: number, max: number) => number,
  local: (name: string) => string,
): SimIamUser[] {
  const user = (name: string, extra: Partial<SimIamUser>): SimIamUser => ({
    UserName: name,
    Path: '/',
    Arn: `arn:aws:iam::${ACCOUNT_ID}:user/${name}`,
    UserId: `AIDA${upperId(rnd, 17)}`,
    CreateDateMs: daysAgo(400, 900),
    tags: [],
    attachedPolicyArns: [],
    inlinePolicies: [],
    accessKeys: [],
    serviceCredentials: [],
    ...extra,
  });
  const key = (status: SimAccessKey['Status'], createdMs: number): SimAccessKey => ({
    AccessKeyId: `AKIA${upperId(rnd, 16)}`,
    Status: status,
    CreateDateMs: createdMs,
  });
  const bedrockKey = (
    name: string,
    status: SimServiceCredential['Status'],
    createdMs: number,
    expiresAfterDays?: number,
  ): SimServiceCredential => ({
    ServiceSpecificCredentialId: `ACCA${upperId(rnd, 17)}`,
    ServiceName: 'bedrock.amazonaws.com',
    ServiceCredentialAlias: `BedrockAPIKey-${name}-at-${ACCOUNT_ID}`,
    Status: status,
    CreateDateMs: createdMs,
    ...(expiresAfterDays !== undefined && { ExpirationDateMs: createdMs + expiresAfterDays * DAY_MS }),
  });
  return [
    user('sim-demo-scanner', {
      tags: [{ Key: 'purpose', Value: 'aispm' }],
      attachedPolicyArns: [awsManagedArn('SecurityAudit')],
      accessKeys: [key('Active', daysAgo(200, 400))],
    }),
    user('chatbot-backend', {
      tags: [{ Key: 'team', Value: 'genai' }],
      attachedPolicyArns: [awsManagedArn('AmazonBedrockFullAccess')],
      serviceCredentials: [bedrockKey('chatbot-backend', 'Active', daysAgo(120, 200))],
    }),
    user('bedrock-ci', {
      attachedPolicyArns: [local('ExperimentPolicy')],
      serviceCredentials: [
        bedrockKey('bedrock-ci', 'Active', daysAgo(1, 10), 30),
        bedrockKey('bedrock-ci', 'Inactive', daysAgo(300, 400)),
      ],
    }),
    user('dev-alice', {
      inlinePolicies: [
        {
          name: 'codecommit-ml-repos',
          text: doc([{ Effect: 'Allow', Action: 'codecommit:GitPull', Resource: '*' }]),
        },
      ],
      accessKeys: [key('Inactive', daysAgo(500, 700)), key('Active', daysAgo(20, 60))],
      serviceCredentials: [
        {
          ServiceSpecificCredentialId: `ACCA${upperId(rnd, 17)}`,
          ServiceName: 'codecommit.amazonaws.com',
          ServiceUserName: `dev-alice-at-${ACCOUNT_ID}`,
          Status: 'Active',
          CreateDateMs: daysAgo(100, 200),
        },
      ],
    }),
  ];
}

/**
 * A load estate of about `size` assets: roles 28%, users 2%, customer policies 15%, buckets 25%, keys 15%, instances
 * 10%, VPC endpoints 5%. Documents are shared between items (they are immutable), so it builds fast.
 */
function sizedParts(rnd: SeededRandom, size: number): Parts {
  const n = (share: number) => Math.round(size * share);
  const counts = {
    roles: n(0.28),
    users: n(0.02),
    policies: n(0.15),
    buckets: n(0.25),
    keys: n(0.15),
    instances: n(0.1),
  };
  const vpcEndpoints =
    size - counts.roles - counts.users - counts.policies - counts.buckets - counts.keys - counts.instances;
  const wildcard = doc([{ Effect: 'Allow', Action: 'sagemaker:*', Resource: '*' }]);
  const scoped = doc([{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::data/*' }]);
  const created = ESTATE_NOW_MS - 100 * DAY_MS;
  const policies = Array.from({ length: counts.policies }, (_, i): SimIamPolicy => {
    const name = `generated-policy-${i}`;
    return {
      PolicyName: name,
      PolicyId: `ANPA${pad(i, 17)}`,
      Arn: customerPolicyArn(name),
      Path: '/',
      DefaultVersionId: 'v1',
      AttachmentCount: 0,
      PermissionsBoundaryUsageCount: 0,
      IsAttachable: true,
      CreateDateMs: created,
      UpdateDateMs: created,
      versions: [{ VersionId: 'v1', text: i % 7 === 0 ? wildcard : scoped, CreateDateMs: created }],
      tags: [],
    };
  });
  const roles = Array.from({ length: counts.roles }, (_, i): SimIamRole => {
    const name = `generated-role-${i}`;
    const attached = [
      ...(policies.length > 0 ? [policies[i % policies.length]!.Arn] : []),
      ...(i % 10 === 0 ? [awsManagedArn('AdministratorAccess')] : []),
    ];
    return {
      RoleName: name,
      Path: '/',
      Arn: roleArn(name),
      RoleId: `AROA${pad(i, 17)}`,
      CreateDateMs: created,
      trustPolicy: JSON.parse(SAGEMAKER_TRUST) as PolicyDocument,
      trustPolicyText: SAGEMAKER_TRUST,
      MaxSessionDuration: 3600,
      tags: [],
      attachedPolicyArns: attached,
      inlinePolicies: [],
    };
  });
  const buckets = Array.from({ length: counts.buckets }, (_, i): SimBucket => ({
    name: `generated-bucket-${pad(i, 7).toLowerCase()}`,
    region: REGIONS[i % 2]!,
    CreationDateMs: created,
    ...(i % 5 === 0 && {
      policyText: doc([{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }]),
      policyIsPublic: true,
    }),
    ...(i % 3 !== 0 && {
      publicAccessBlock: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      },
    }),
    encryption: { SSEAlgorithm: 'AES256' },
    grants: [ownerGrant()],
  }));
  const customerPolicy = keyPolicy('CUSTOMER');
  const keys = Array.from({ length: counts.keys }, (_, i): SimKmsKey => {
    const region = REGIONS[i % 2]!;
    const id = uuid(rnd);
    return {
      region,
      KeyId: id,
      Arn: `arn:aws:kms:${region}:${ACCOUNT_ID}:key/${id}`,
      CreationDateMs: created,
      Enabled: true,
      Description: `generated key ${i}`,
      KeyUsage: 'ENCRYPT_DECRYPT',
      KeyState: 'Enabled',
      Origin: 'AWS_KMS',
      KeyManager: 'CUSTOMER',
      KeySpec: 'SYMMETRIC_DEFAULT',
      MultiRegion: false,
      rotationEnabled: i % 2 === 0,
      policyText: customerPolicy,
      aliases: [],
      tags: [],
    };
  });
  const images: SimImage[] = [
    { ImageId: 'ami-0c7217cdde317cfec', Name: 'vllm-0.6.3-ubuntu22.04-cuda12.4-20241105' },
  ];
  const instances = Array.from({ length: counts.instances }, (_, i): SimInstance => {
    const region = REGIONS[i % 2]!;
    return {
      region,
      InstanceId: `i-0${pad(i, 16).toLowerCase()}`,
      ReservationId: `r-0${pad(i, 16).toLowerCase()}`,
      ImageId: images[0]!.ImageId,
      InstanceType: i % 4 === 0 ? 'g5.xlarge' : 'm5.large',
      State: { Code: 16, Name: 'running' },
      LaunchTimeMs: created,
      AvailabilityZone: `${region}a`,
      PrivateIpAddress: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      SecurityGroups: [],
      MetadataOptions: { HttpTokens: i % 3 === 0 ? 'optional' : 'required', HttpEndpoint: 'enabled' },
      tags: [{ Key: 'Name', Value: `generated-instance-${i}` }],
    };
  });
  const endpoints = Array.from({ length: Math.max(0, vpcEndpoints) }, (_, i): SimVpcEndpoint => {
    const region = REGIONS[i % 2]!;
    return {
      region,
      VpcEndpointId: `vpce-0${pad(i, 16).toLowerCase()}`,
      VpcEndpointType: 'Interface',
      VpcId: 'vpc-0a1b2c3d4e5f60718',
      ServiceName: `com.amazonaws.${region}.sagemaker.api`,
      State: 'available',
      policyText: DEFAULT_ENDPOINT_POLICY,
      SubnetIds: [],
      RouteTableIds: [],
      Groups: [],
      PrivateDnsEnabled: true,
      NetworkInterfaceIds: [],
      CreationTimestampMs: created,
      tags: [],
    };
  });
  const users = Array.from({ length: counts.users }, (_, i): SimIamUser => {
    const name = `generated-user-${i}`;
    return {
      UserName: name,
      Path: '/',
      Arn: `arn:aws:iam::${ACCOUNT_ID}:user/${name}`,
      UserId: `AIDA${pad(i, 17)}`,
      CreateDateMs: created,
      tags: [],
      attachedPolicyArns: policies.length > 0 ? [policies[i % policies.length]!.Arn] : [],
      inlinePolicies: [],
      accessKeys: [{ AccessKeyId: `AKIA${pad(i, 16)}`, Status: 'Active', CreateDateMs: created }],
      serviceCredentials:
        i % 5 === 0
          ? [
              {
                ServiceSpecificCredentialId: `ACCA${pad(i, 17)}`,
                ServiceName: 'bedrock.amazonaws.com',
                ServiceCredentialAlias: `BedrockAPIKey-${name}-at-${ACCOUNT_ID}`,
                Status: 'Active',
                CreateDateMs: created,
              },
            ]
          : [],
    };
  });
  return { roles, users, policies, buckets, keys, vpcEndpoints: endpoints, instances, images };
}

function keyPolicy(manager: 'CUSTOMER' | 'AWS'): string {
  return manager === 'AWS'
    ? doc([
        {
          Sid: 'Allow access through the service for all principals in the account',
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
          Resource: '*',
          Condition: { StringEquals: { 'kms:CallerAccount': ACCOUNT_ID } },
        },
      ])
    : doc([
        {
          Sid: 'Enable IAM User Permissions',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT_ID}:root` },
          Action: 'kms:*',
          Resource: '*',
        },
      ]);
}

/** The bucket owner's canonical user, which every bucket ACL grants FULL_CONTROL. */
export const SIM_CANONICAL_USER_ID = '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be';

function ownerGrant(): AclGrant {
  return {
    grantee: { type: 'CanonicalUser', id: SIM_CANONICAL_USER_ID, displayName: 'aispm-sim' },
    permission: 'FULL_CONTROL',
  };
}

/** A role, key or bucket other AWS families reference, made up when the infra estate does not define it. */
export function referencedRole(arn: string): SimIamRole | undefined {
  const m = /^arn:aws:iam::(\d{12}):role(\/(?:[\w+=,.@-]+\/)*)([\w+=,.@-]+)$/.exec(arn);
  if (!m || m[1] !== ACCOUNT_ID) return undefined;
  const bedrock = m[3]!.startsWith('AmazonBedrock');
  const trustText = bedrock ? BEDROCK_TRUST : SAGEMAKER_TRUST;
  return {
    RoleName: m[3]!,
    Path: m[2]!,
    Arn: arn,
    RoleId: `AROA${hashId(arn, 17)}`,
    CreateDateMs: ESTATE_NOW_MS - 200 * DAY_MS,
    trustPolicy: JSON.parse(trustText) as PolicyDocument,
    trustPolicyText: trustText,
    MaxSessionDuration: 3600,
    tags: [],
    attachedPolicyArns: [awsManagedArn(bedrock ? 'AmazonBedrockFullAccess' : 'AmazonSageMakerFullAccess')],
    inlinePolicies: [],
  };
}

export function referencedKey(arn: string): SimKmsKey | undefined {
  const m = /^arn:aws:kms:([a-z0-9-]+):(\d{12}):key\/([0-9a-f-]{36})$/.exec(arn);
  if (!m || m[2] !== ACCOUNT_ID) return undefined;
  const h = Number.parseInt(hashId(arn, 4), 36);
  return {
    region: m[1]!,
    KeyId: m[3]!,
    Arn: arn,
    CreationDateMs: ESTATE_NOW_MS - 300 * DAY_MS,
    Enabled: true,
    Description: '',
    KeyUsage: 'ENCRYPT_DECRYPT',
    KeyState: 'Enabled',
    Origin: 'AWS_KMS',
    KeyManager: 'CUSTOMER',
    KeySpec: 'SYMMETRIC_DEFAULT',
    MultiRegion: false,
    rotationEnabled: h % 2 === 0,
    policyText: keyPolicy('CUSTOMER'),
    aliases: [],
    tags: [],
  };
}

export function referencedBucket(name: string): SimBucket {
  const region = /-(eu-west-1)(-|$)/.test(name) ? 'eu-west-1' : 'us-east-1';
  return {
    name,
    region,
    CreationDateMs: ESTATE_NOW_MS - 400 * DAY_MS,
    encryption: { SSEAlgorithm: 'AES256', BucketKeyEnabled: false },
    grants: [ownerGrant()],
  };
}

function uuid(rnd: SeededRandom): string {
  return `${rnd.hex(8)}-${rnd.hex(4)}-4${rnd.hex(3)}-${rnd.pick(['8', '9', 'a', 'b'])}${rnd.hex(3)}-${rnd.hex(12)}`;
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
function upperId(rnd: SeededRandom, length: number): string {
  return Array.from({ length }, () => ID_CHARS[rnd.int(0, ID_CHARS.length - 1)]).join('');
}

function pad(i: number, length: number): string {
  return i.toString(36).toUpperCase().padStart(length, '0');
}

/** A stable id from a string (FNV-1a), for resources made up from a reference. */
function hashId(s: string, length: number): string {
  let out = '';
  let h = 0x811c9dc5;
  while (out.length < length) {
    for (const ch of `${s}${out.length}`) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
    out += h.toString(36).toUpperCase();
  }
  return out.slice(0, length);
}
