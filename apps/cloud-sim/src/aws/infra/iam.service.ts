import { AwsJsonError } from '../aws-json.protocol';
import type { AwsCall } from '../services';
import type { AwsInfraEstate, InfraTag, SimIamPolicy, SimIamRole, SimIamUser } from './estate';
import { linkAwsInfraReferences } from './links';
import { AWS_QUERY_DIALECT, queryService, truncation, type QueryOperation } from './query.service';
import { el, esc, isoSeconds, leaf, list, pageOf, pageSize } from './xml.protocol';

export const IAM_XMLNS = 'https://iam.amazonaws.com/doc/2010-05-08/';
export const IAM_OPERATIONS = [
  'ListRoles',
  'GetRole',
  'ListAttachedRolePolicies',
  'ListRolePolicies',
  'GetRolePolicy',
  'ListPolicies',
  'GetPolicy',
  'GetPolicyVersion',
  'ListRoleTags',
  'GetAccountAuthorizationDetails',
  'ListAccessKeys',
  'ListServiceSpecificCredentials',
] as const;
export const IAM_LISTING_OPERATIONS = [
  'GetAccountAuthorizationDetails',
  'ListAccessKeys',
  'ListServiceSpecificCredentials',
  'ListRoles',
  'ListAttachedRolePolicies',
  'ListRolePolicies',
  'ListPolicies',
  'ListRoleTags',
] as const;

/** IAM sends policy documents URL-encoded (RFC 3986), exactly as they were submitted otherwise. */
export const encodePolicyDocument = (text: string) => encodeURIComponent(text);

const validation = (message: string) => new AwsJsonError(400, 'ValidationError', message);
const invalidMarker = () => validation('Invalid Marker.');

const infra = (call: AwsCall): AwsInfraEstate => linkAwsInfraReferences(call.estate);

function paged<T>(params: URLSearchParams, items: readonly T[]) {
  const max = pageSize(params.get('MaxItems'), 100, 1000, validation);
  return pageOf(items, params.get('Marker'), max, invalidMarker);
}

function required(params: URLSearchParams, name: string): string {
  const value = params.get(name);
  if (!value) {
    throw validation(
      `1 validation error detected: Value null at '${lowerFirst(name)}' failed to satisfy constraint: Member must not be null`,
    );
  }
  return value;
}
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function roleNamed(call: AwsCall, name: string): SimIamRole {
  const role = infra(call).rolesByName.get(name);
  if (!role) throw new AwsJsonError(404, 'NoSuchEntity', `The role with name ${name} cannot be found.`);
  return role;
}

function userNamed(call: AwsCall, name: string): SimIamUser {
  const user = infra(call).usersByName.get(name);
  if (!user) throw new AwsJsonError(404, 'NoSuchEntity', `The user with name ${name} cannot be found.`);
  return user;
}

function policyAt(call: AwsCall, arn: string): SimIamPolicy {
  const policy = infra(call).policiesByArn.get(arn);
  if (!policy)
    throw new AwsJsonError(404, 'NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`);
  return policy;
}

const tagsXml = (tags: readonly InfraTag[]) =>
  list('Tags', tags, (t) => leaf('Key', t.Key) + leaf('Value', t.Value));

/** PermissionsBoundary, Tags and RoleLastUsed: what GetRole and a RoleDetail add to a listed role. */
function roleUsageXml(role: SimIamRole): string {
  return [
    role.PermissionsBoundaryArn &&
      el(
        'PermissionsBoundary',
        leaf('PermissionsBoundaryType', 'Policy'),
        leaf('PermissionsBoundaryArn', role.PermissionsBoundaryArn),
      ),
    role.tags.length > 0 && tagsXml(role.tags),
    el(
      'RoleLastUsed',
      role.lastUsed && leaf('LastUsedDate', isoSeconds(role.lastUsed.dateMs)),
      role.lastUsed && leaf('Region', role.lastUsed.region),
    ),
  ]
    .filter((s) => typeof s === 'string')
    .join('');
}

/** The members ListRoles returns; GetRole adds PermissionsBoundary, Tags and RoleLastUsed. */
function roleXml(role: SimIamRole, full: boolean): string {
  return [
    leaf('Path', role.Path),
    leaf('RoleName', role.RoleName),
    leaf('RoleId', role.RoleId),
    leaf('Arn', role.Arn),
    leaf('CreateDate', isoSeconds(role.CreateDateMs)),
    leaf('AssumeRolePolicyDocument', encodePolicyDocument(role.trustPolicyText)),
    leaf('Description', role.Description),
    leaf('MaxSessionDuration', role.MaxSessionDuration),
    full && roleUsageXml(role),
  ]
    .filter((s) => typeof s === 'string')
    .join('');
}

function policyXml(policy: SimIamPolicy, full: boolean): string {
  return [
    leaf('PolicyName', policy.PolicyName),
    leaf('PolicyId', policy.PolicyId),
    leaf('Arn', policy.Arn),
    leaf('Path', policy.Path),
    leaf('DefaultVersionId', policy.DefaultVersionId),
    leaf('AttachmentCount', policy.AttachmentCount),
    leaf('PermissionsBoundaryUsageCount', policy.PermissionsBoundaryUsageCount),
    leaf('IsAttachable', policy.IsAttachable),
    full && leaf('Description', policy.Description),
    leaf('CreateDate', isoSeconds(policy.CreateDateMs)),
    leaf('UpdateDate', isoSeconds(policy.UpdateDateMs)),
    full && policy.tags.length > 0 && tagsXml(policy.tags),
  ]
    .filter((s) => typeof s === 'string')
    .join('');
}

const AUTHORIZATION_FILTERS = ['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'] as const;
type AuthorizationFilter = (typeof AUTHORIZATION_FILTERS)[number];

/** `Filter.member.N` values; none means every entity type. */
function authorizationFilters(params: URLSearchParams): Set<AuthorizationFilter> {
  const given = [...params.entries()].filter(([k]) => /^Filter\.member\.\d+$/.test(k)).map(([, v]) => v);
  for (const f of given) {
    if (!(AUTHORIZATION_FILTERS as readonly string[]).includes(f)) {
      throw validation(
        `1 validation error detected: Value '[${f}]' at 'filter' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [${AUTHORIZATION_FILTERS.join(', ')}]]`,
      );
    }
  }
  return new Set(given.length > 0 ? (given as AuthorizationFilter[]) : AUTHORIZATION_FILTERS);
}

const inlineXml = (policies: readonly { name: string; text: string }[]) =>
  policies.map((p) => leaf('PolicyName', p.name) + leaf('PolicyDocument', encodePolicyDocument(p.text)));

function attachedXml(call: AwsCall, arns: readonly string[]): string {
  return list('AttachedManagedPolicies', arns, (arn) => {
    const name = infra(call).policiesByArn.get(arn)?.PolicyName ?? arn.slice(arn.lastIndexOf('/') + 1);
    return leaf('PolicyName', name) + leaf('PolicyArn', arn);
  });
}

/** A RoleDetail: the role as GetRole shows it (less Description and MaxSessionDuration) with its policies. */
function roleDetailXml(call: AwsCall, role: SimIamRole): string {
  return [
    leaf('Path', role.Path),
    leaf('RoleName', role.RoleName),
    leaf('RoleId', role.RoleId),
    leaf('Arn', role.Arn),
    leaf('CreateDate', isoSeconds(role.CreateDateMs)),
    leaf('AssumeRolePolicyDocument', encodePolicyDocument(role.trustPolicyText)),
    list('InstanceProfileList', [], () => ''),
    list('RolePolicyList', inlineXml(role.inlinePolicies), (x) => x),
    attachedXml(call, role.attachedPolicyArns),
    roleUsageXml(role),
  ]
    .filter((s) => typeof s === 'string')
    .join('');
}

function userDetailXml(call: AwsCall, user: SimIamUser): string {
  return [
    leaf('Path', user.Path),
    leaf('UserName', user.UserName),
    leaf('UserId', user.UserId),
    leaf('Arn', user.Arn),
    leaf('CreateDate', isoSeconds(user.CreateDateMs)),
    list('UserPolicyList', inlineXml(user.inlinePolicies), (x) => x),
    list('GroupList', [], () => ''),
    attachedXml(call, user.attachedPolicyArns),
    user.tags.length > 0 && tagsXml(user.tags),
  ]
    .filter((s) => typeof s === 'string')
    .join('');
}

/** A ManagedPolicyDetail: the policy with every version's document. */
function policyDetailXml(policy: SimIamPolicy): string {
  return (
    policyXml(policy, true) +
    list(
      'PolicyVersionList',
      policy.versions,
      (v) =>
        leaf('Document', encodePolicyDocument(v.text)) +
        leaf('VersionId', v.VersionId) +
        leaf('IsDefaultVersion', v.VersionId === policy.DefaultVersionId) +
        leaf('CreateDate', isoSeconds(v.CreateDateMs)),
    )
  );
}

type AuthorizationItem =
  | { kind: 'user'; user: SimIamUser }
  | { kind: 'role'; role: SimIamRole }
  | { kind: 'policy'; policy: SimIamPolicy };

/**
 * GetAccountAuthorizationDetails: users, groups (none here), roles and managed policies of the filter, paged as
 * one sequence (MaxItems counts entities of every kind), each kind in its own list of the page.
 */
function accountAuthorizationDetails(params: URLSearchParams, call: AwsCall): string {
  const filters = authorizationFilters(params);
  const estate = infra(call);
  const managed = [...estate.policiesByArn.values()].filter(
    (p) => p.Arn.startsWith('arn:aws:iam::aws:') && p.AttachmentCount > 0,
  );
  const items: AuthorizationItem[] = [
    ...(filters.has('User') ? estate.users.map((user) => ({ kind: 'user' as const, user })) : []),
    ...(filters.has('Role') ? estate.roles.map((role) => ({ kind: 'role' as const, role })) : []),
    ...(filters.has('LocalManagedPolicy')
      ? estate.policies.map((policy) => ({ kind: 'policy' as const, policy }))
      : []),
    ...(filters.has('AWSManagedPolicy')
      ? managed.map((policy) => ({ kind: 'policy' as const, policy }))
      : []),
  ];
  const page = paged(params, items);
  const of = <K extends AuthorizationItem['kind']>(kind: K) =>
    page.items.filter((i): i is Extract<AuthorizationItem, { kind: K }> => i.kind === kind);
  return (
    list('UserDetailList', of('user'), (i) => userDetailXml(call, i.user)) +
    list('GroupDetailList', [], () => '') +
    list('RoleDetailList', of('role'), (i) => roleDetailXml(call, i.role)) +
    list('Policies', of('policy'), (i) => policyDetailXml(i.policy)) +
    truncation(page.next)
  );
}

const operations: Record<(typeof IAM_OPERATIONS)[number], QueryOperation> = {
  ListRoles: (params, call) => {
    const prefix = params.get('PathPrefix') ?? '/';
    const all = infra(call).roles;
    const roles = prefix === '/' ? all : all.filter((r) => r.Path.startsWith(prefix));
    const page = paged(params, roles);
    return list('Roles', page.items, (r) => roleXml(r, false)) + truncation(page.next);
  },
  GetRole: (params, call) => el('Role', roleXml(roleNamed(call, required(params, 'RoleName')), true)),
  ListAttachedRolePolicies: (params, call) => {
    const role = roleNamed(call, required(params, 'RoleName'));
    const page = paged(params, role.attachedPolicyArns);
    return (
      list('AttachedPolicies', page.items, (arn) => {
        const name = infra(call).policiesByArn.get(arn)?.PolicyName ?? arn.slice(arn.lastIndexOf('/') + 1);
        return leaf('PolicyName', name) + leaf('PolicyArn', arn);
      }) + truncation(page.next)
    );
  },
  ListRolePolicies: (params, call) => {
    const role = roleNamed(call, required(params, 'RoleName'));
    const page = paged(
      params,
      role.inlinePolicies.map((p) => p.name),
    );
    return list('PolicyNames', page.items, (name) => esc(name)) + truncation(page.next);
  },
  GetRolePolicy: (params, call) => {
    const role = roleNamed(call, required(params, 'RoleName'));
    const name = required(params, 'PolicyName');
    const policy = role.inlinePolicies.find((p) => p.name === name);
    if (!policy) {
      throw new AwsJsonError(404, 'NoSuchEntity', `The role policy with name ${name} cannot be found.`);
    }
    return (
      leaf('RoleName', role.RoleName) +
      leaf('PolicyName', policy.name) +
      leaf('PolicyDocument', encodePolicyDocument(policy.text))
    );
  },
  ListPolicies: (params, call) => {
    const scope = params.get('Scope') ?? 'All';
    if (!['All', 'AWS', 'Local'].includes(scope)) {
      throw validation(
        `1 validation error detected: Value '${scope}' at 'scope' failed to satisfy constraint: Member must satisfy enum value set: [All, AWS, Local]`,
      );
    }
    const estate = infra(call);
    const managed = [...estate.policiesByArn.values()].filter((p) => p.Arn.startsWith('arn:aws:iam::aws:'));
    let policies =
      scope === 'Local' ? estate.policies : scope === 'AWS' ? managed : [...estate.policies, ...managed];
    if (params.get('OnlyAttached') === 'true') policies = policies.filter((p) => p.AttachmentCount > 0);
    const page = paged(params, policies);
    return list('Policies', page.items, (p) => policyXml(p, false)) + truncation(page.next);
  },
  GetPolicy: (params, call) => el('Policy', policyXml(policyAt(call, required(params, 'PolicyArn')), true)),
  GetPolicyVersion: (params, call) => {
    const policy = policyAt(call, required(params, 'PolicyArn'));
    const versionId = required(params, 'VersionId');
    const version = policy.versions.find((v) => v.VersionId === versionId);
    if (!version) {
      throw new AwsJsonError(
        404,
        'NoSuchEntity',
        `Policy ${policy.Arn} version ${versionId} does not exist or is not attachable.`,
      );
    }
    return el(
      'PolicyVersion',
      leaf('Document', encodePolicyDocument(version.text)),
      leaf('VersionId', version.VersionId),
      leaf('IsDefaultVersion', version.VersionId === policy.DefaultVersionId),
      leaf('CreateDate', isoSeconds(version.CreateDateMs)),
    );
  },
  GetAccountAuthorizationDetails: accountAuthorizationDetails,
  ListAccessKeys: (params, call) => {
    const user = userNamed(call, required(params, 'UserName'));
    const page = paged(params, user.accessKeys);
    return (
      list(
        'AccessKeyMetadata',
        page.items,
        (k) =>
          leaf('UserName', user.UserName) +
          leaf('AccessKeyId', k.AccessKeyId) +
          leaf('Status', k.Status) +
          leaf('CreateDate', isoSeconds(k.CreateDateMs)),
      ) + truncation(page.next)
    );
  },
  ListServiceSpecificCredentials: (params, call) => {
    const user = userNamed(call, required(params, 'UserName'));
    const service = params.get('ServiceName');
    const creds = user.serviceCredentials.filter((c) => !service || c.ServiceName === service);
    const page = paged(params, creds);
    return (
      list(
        'ServiceSpecificCredentials',
        page.items,
        (c) =>
          leaf('UserName', user.UserName) +
          leaf('Status', c.Status) +
          leaf('ServiceUserName', c.ServiceUserName) +
          leaf('ServiceCredentialAlias', c.ServiceCredentialAlias) +
          leaf('CreateDate', isoSeconds(c.CreateDateMs)) +
          (c.ExpirationDateMs !== undefined ? leaf('ExpirationDate', isoSeconds(c.ExpirationDateMs)) : '') +
          leaf('ServiceSpecificCredentialId', c.ServiceSpecificCredentialId) +
          leaf('ServiceName', c.ServiceName),
      ) + truncation(page.next)
    );
  },
  ListRoleTags: (params, call) => {
    const role = roleNamed(call, required(params, 'RoleName'));
    const page = paged(params, role.tags);
    return tagsXml(page.items) + truncation(page.next);
  },
};

/** AWS Identity and Access Management: awsQuery, signed for us-east-1 whatever the caller's region. */
export const iamService = queryService({
  signingName: 'iam',
  faultService: 'iam',
  actionPrefix: 'iam',
  xmlns: IAM_XMLNS,
  version: '2010-05-08',
  flavour: 'awsQuery',
  signingRegion: 'us-east-1',
  dialect: AWS_QUERY_DIALECT,
  operations,
  listingOperations: IAM_LISTING_OPERATIONS,
  resourceOf: (op, params) => {
    const account = '123456789012';
    const roleName = params.get('RoleName');
    if (roleName) return `arn:aws:iam::${account}:role/${roleName}`;
    const userName = params.get('UserName');
    if (userName) return `arn:aws:iam::${account}:user/${userName}`;
    if (op === 'GetAccountAuthorizationDetails') return '*';
    const policyArn = params.get('PolicyArn');
    if (policyArn) return policyArn;
    return op === 'ListRoles' ? `arn:aws:iam::${account}:role/` : `arn:aws:iam::${account}:policy/`;
  },
});
