import type { TProvider } from '@aispm/contracts';
import type { FieldErrors } from './field-errors';

/** What the connect wizard holds while it is filled in; one credentials block per provider, so switching keeps them. */
export interface ConnectDraft {
  provider: TProvider;
  name: string;
  /** Comma- or space-separated account ids, subscription ids or project ids. */
  scopeIds: string;
  regions: string[];
  endpoint: string;
  caCertificate: string;
  /** Hours between scheduled scans, or `manual`. */
  schedule: string;
  aws: {
    kind: 'access_key' | 'assume_role';
    accessKeyId: string;
    secretAccessKey: string;
    sessionToken: string;
    roleArn: string;
    externalId: string;
    sourceAccessKeyId: string;
    sourceSecretAccessKey: string;
  };
  azure: { tenantId: string; clientId: string; clientSecret: string; authorityHost: string };
  /** The service-account key file's text, as pasted or read from the chosen file. */
  gcp: { keyText: string };
}

export type ConnectField =
  | 'name'
  | 'scopeIds'
  | 'regions'
  | 'endpoint'
  | 'caCertificate'
  | 'accessKeyId'
  | 'secretAccessKey'
  | 'sessionToken'
  | 'roleArn'
  | 'externalId'
  | 'sourceAccessKeyId'
  | 'sourceSecretAccessKey'
  | 'tenantId'
  | 'clientId'
  | 'clientSecret'
  | 'authorityHost'
  | 'key';

/** The fields on the wizard's credentials step; an error on any of them sends the person back there. */
export const CREDENTIAL_STEP_FIELDS: readonly ConnectField[] = [
  'name',
  'scopeIds',
  'regions',
  'endpoint',
  'caCertificate',
  'accessKeyId',
  'secretAccessKey',
  'sessionToken',
  'roleArn',
  'externalId',
  'sourceAccessKeyId',
  'sourceSecretAccessKey',
  'tenantId',
  'clientId',
  'clientSecret',
  'authorityHost',
  'key',
];

export const SCHEDULES = [
  { value: '1', label: 'Every hour' },
  { value: '6', label: 'Every 6 hours' },
  { value: '12', label: 'Every 12 hours' },
  { value: '24', label: 'Every day' },
  { value: '168', label: 'Every week' },
  { value: 'manual', label: 'Only when I start a scan' },
];

/** What each provider calls the scopes and places an account covers, for labels and messages. */
export const PROVIDER_TERMS: Record<
  TProvider,
  {
    scopeLabel: string;
    scopePlaceholder: string;
    scopeHint: string;
    regionsLabel: string;
    regionsRequired: boolean;
  }
> = {
  aws: {
    scopeLabel: 'AWS account IDs',
    scopePlaceholder: '123456789012',
    scopeHint: '12 digits each; separate several with commas.',
    regionsLabel: 'Regions',
    regionsRequired: true,
  },
  azure: {
    scopeLabel: 'Subscription ID',
    scopePlaceholder: '00000000-0000-0000-0000-000000000000',
    scopeHint: 'The subscription whose AI resources are scanned.',
    regionsLabel: 'Locations',
    regionsRequired: false,
  },
  gcp: {
    scopeLabel: 'Project ID',
    scopePlaceholder: 'my-ml-project',
    scopeHint: 'Filled in from the key file; change it to scan another project the account can read.',
    regionsLabel: 'Vertex AI locations',
    regionsRequired: true,
  },
};

export function emptyDraft(provider: TProvider = 'aws'): ConnectDraft {
  return {
    provider,
    name: '',
    scopeIds: '',
    regions: [],
    endpoint: '',
    caCertificate: '',
    schedule: '24',
    aws: {
      kind: 'access_key',
      accessKeyId: '',
      secretAccessKey: '',
      sessionToken: '',
      roleArn: '',
      externalId: '',
      sourceAccessKeyId: '',
      sourceSecretAccessKey: '',
    },
    azure: { tenantId: '', clientId: '', clientSecret: '', authorityHost: '' },
    gcp: { keyText: '' },
  };
}

export type ParsedKey =
  | { ok: true; key: Record<string, unknown>; projectId: string | undefined; clientEmail: string | undefined }
  | { ok: false; message: string };

/** Reads a Google service-account key file; the contract checks its fields, this only says whether it is JSON at all. */
export function parseServiceAccountKey(text: string): ParsedKey {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      ok: false,
      message: 'The key file is not JSON: download it again from the service account’s Keys tab',
    };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, message: 'The key file should hold one JSON object' };
  }
  const key = json as Record<string, unknown>;
  if (key.type !== 'service_account') {
    return { ok: false, message: 'This is not a service-account key file ("type" is not "service_account")' };
  }
  return {
    ok: true,
    key,
    projectId: typeof key.project_id === 'string' ? key.project_id : undefined,
    clientEmail: typeof key.client_email === 'string' ? key.client_email : undefined,
  };
}

export function splitIds(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

/** Leaves optional text out of the body when it is blank, so the contract does not reject an empty string. */
function optional(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * The create-account request the draft describes (to be checked with `ZCreateCloudAccount`), and what the form
 * itself knows is missing: an empty required field gets a sentence instead of the contract's generic message.
 */
export function buildCreateAccountBody(draft: ConnectDraft): {
  body: Record<string, unknown>;
  required: FieldErrors<ConnectField>;
} {
  const terms = PROVIDER_TERMS[draft.provider];
  const required: FieldErrors<ConnectField> = {};
  const scopeIds = splitIds(draft.scopeIds);
  if (!draft.name.trim()) required.name = 'Give the account a name';
  if (scopeIds.length === 0) required.scopeIds = `Enter the ${terms.scopeLabel.replace(/s$/, '')}`;
  if (terms.regionsRequired && draft.regions.length === 0) {
    required.regions = `Choose at least one ${draft.provider === 'aws' ? 'region' : 'location'}`;
  }

  const common = {
    provider: draft.provider,
    name: draft.name.trim(),
    scopeIds,
    regions: draft.regions,
    endpoint: optional(draft.endpoint),
    caCertificate: optional(draft.caCertificate),
    scanIntervalHours: draft.schedule === 'manual' ? null : Number(draft.schedule),
  };

  switch (draft.provider) {
    case 'aws': {
      const a = draft.aws;
      if (a.kind === 'access_key') {
        if (!a.accessKeyId.trim()) required.accessKeyId = 'Enter the access key ID';
        if (!a.secretAccessKey) required.secretAccessKey = 'Enter the secret access key';
        return {
          body: {
            ...common,
            credentials: {
              kind: 'access_key',
              accessKeyId: a.accessKeyId.trim(),
              secretAccessKey: a.secretAccessKey,
              sessionToken: optional(a.sessionToken),
            },
          },
          required,
        };
      }
      if (!a.roleArn.trim()) required.roleArn = 'Enter the ARN of the role aispm assumes';
      if (!a.externalId.trim())
        required.externalId = 'Enter the external ID the role’s trust policy requires';
      const withSource = a.sourceAccessKeyId.trim() !== '' || a.sourceSecretAccessKey !== '';
      if (withSource && !a.sourceAccessKeyId.trim()) required.sourceAccessKeyId = 'Enter the access key ID';
      if (withSource && !a.sourceSecretAccessKey)
        required.sourceSecretAccessKey = 'Enter the secret access key';
      return {
        body: {
          ...common,
          credentials: {
            kind: 'assume_role',
            roleArn: a.roleArn.trim(),
            externalId: a.externalId.trim(),
            source: withSource
              ? { accessKeyId: a.sourceAccessKeyId.trim(), secretAccessKey: a.sourceSecretAccessKey }
              : undefined,
          },
        },
        required,
      };
    }
    case 'azure': {
      const az = draft.azure;
      if (!az.tenantId.trim()) required.tenantId = 'Enter the directory (tenant) ID';
      if (!az.clientId.trim()) required.clientId = 'Enter the application (client) ID';
      if (!az.clientSecret) required.clientSecret = 'Enter the client secret value';
      return {
        body: {
          ...common,
          credentials: {
            kind: 'client_secret',
            tenantId: az.tenantId.trim(),
            clientId: az.clientId.trim(),
            clientSecret: az.clientSecret,
            authorityHost: optional(az.authorityHost),
          },
        },
        required,
      };
    }
    case 'gcp': {
      const text = draft.gcp.keyText.trim();
      const parsed = text ? parseServiceAccountKey(text) : undefined;
      if (!parsed) required.key = 'Upload or paste the service account’s JSON key';
      else if (!parsed.ok) required.key = parsed.message;
      return {
        body: {
          ...common,
          credentials: { kind: 'service_account_key', key: parsed?.ok ? parsed.key : {} },
        },
        required,
      };
    }
  }
}

/**
 * Maps a problem `errors[].path` (the request body path, e.g. `credentials.source.accessKeyId`, `scopeIds.0`,
 * `credentials.key.private_key`) to the wizard field that holds it; null leaves the error to the alert.
 */
export function connectFieldOf(path: string): ConnectField | null {
  const [head, second, third] = path.split('.');
  if (head === 'credentials') {
    if (second === 'key') return 'key';
    if (second === 'source') {
      if (third === 'accessKeyId') return 'sourceAccessKeyId';
      if (third === 'secretAccessKey') return 'sourceSecretAccessKey';
      return null;
    }
    const credentialFields: readonly string[] = [
      'accessKeyId',
      'secretAccessKey',
      'sessionToken',
      'roleArn',
      'externalId',
      'tenantId',
      'clientId',
      'clientSecret',
      'authorityHost',
    ];
    return second && credentialFields.includes(second) ? (second as ConnectField) : null;
  }
  const topLevel: readonly string[] = ['name', 'scopeIds', 'regions', 'endpoint', 'caCertificate'];
  return head && topLevel.includes(head) ? (head as ConnectField) : null;
}
