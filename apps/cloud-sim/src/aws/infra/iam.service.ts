import { AwsJsonError } from '../aws-json.protocol';
import type { AwsCall } from '../services';
import type { AwsInfraEstate, InfraTag, SimIamPolicy, SimIamRole } from './estate';
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
] as const;
export const IAM_LISTING_OPERATIONS = [
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

function policyAt(call: AwsCall, arn: string): SimIamPolicy {
  const policy = infra(call).policiesByArn.get(arn);
  if (!policy)
    throw new AwsJsonError(404, 'NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`);
  return policy;
}

const tagsXml = (tags: readonly InfraTag[]) =>
  list('Tags', tags, (t) => leaf('Key', t.Key) + leaf('Value', t.Value));

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
    full &&
      role.PermissionsBoundaryArn &&
      el(
        'PermissionsBoundary',
        leaf('PermissionsBoundaryType', 'Policy'),
        leaf('PermissionsBoundaryArn', role.PermissionsBoundaryArn),
      ),
    full && role.tags.length > 0 && tagsXml(role.tags),
    full &&
      el(
        'RoleLastUsed',
        role.lastUsed && leaf('LastUsedDate', isoSeconds(role.lastUsed.dateMs)),
        role.lastUsed && leaf('Region', role.lastUsed.region),
      ),
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
    const policyArn = params.get('PolicyArn');
    if (policyArn) return policyArn;
    return op === 'ListRoles' ? `arn:aws:iam::${account}:role/` : `arn:aws:iam::${account}:policy/`;
  },
});
