import { z, ZPage, ZPageQuery, ZProblem, ZUuid } from './common';
import {
  ZApiToken,
  ZApiTokenList,
  ZAuditEvent,
  ZCreateApiToken,
  ZCreatedApiToken,
  ZLogin,
  ZMe,
  ZMember,
  ZMemberList,
  ZSignedOut,
  type TPermission,
} from './auth';
import {
  ZAccountSetup,
  ZAccountSetupParams,
  ZCloudAccount,
  ZCloudAccountList,
  ZCreateCloudAccount,
} from './accounts';
import { ZScan, ZScanList, ZScanListQuery } from './scans';
import { ZAsset, ZAssetPage, ZAssetQuery } from './assets';
import { ZCheckList, ZFindingPage, ZFindingQuery } from './findings';
import { ZPostureSummary } from './posture';
import {
  ZAffectedAssetPage,
  ZControlAssetsParams,
  ZControlAssetsQuery,
  ZCustomFrameworkDefinition,
  ZFrameworkList,
  ZFrameworkParams,
  ZFrameworkPosture,
  ZFrameworkQuery,
  ZFrameworkSummary,
} from './compliance';
import { ZCreateSanctionedAi, ZSanctionedAiChange, ZSanctionedAiList, ZShadowAiSummary } from './shadow-ai';
import { ZRedirect, ZSsoCallbackQuery, ZSsoStartQuery, ZSsoStatus } from './sso';
import {
  ZAcceptInvitation,
  ZCreatedInvitation,
  ZCreateInvitation,
  ZInvitation,
  ZInvitationList,
  ZUpdateMember,
} from './members';

/** One HTTP endpoint: the API parses requests with these schemas and the OpenAPI document is generated from them. */
export interface RouteContract {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: string;
  /**
   * Who may call it: `public` (anyone), `session` (a signed-in browser, not a token), or the permission the
   * caller's role (and, for API tokens, its scopes) must grant.
   */
  access: 'public' | 'session' | TPermission;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  status: number;
  response: z.ZodType;
}

const ZIdParams = z.object({ id: ZUuid });

const ZAuditExportQuery = z.object({
  format: z.enum(['csv', 'json']).default('csv'),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export const routes = {
  listAccounts: {
    access: 'accounts:read',
    method: 'get',
    path: '/api/v1/accounts',
    summary: 'List connected cloud accounts',
    tag: 'Cloud accounts',
    status: 200,
    response: ZCloudAccountList,
  },
  createAccount: {
    access: 'accounts:write',
    method: 'post',
    path: '/api/v1/accounts',
    summary: 'Connect a cloud account (credentials are encrypted at rest and never returned)',
    tag: 'Cloud accounts',
    body: ZCreateCloudAccount,
    status: 201,
    response: ZCloudAccount,
  },
  accountSetup: {
    access: 'accounts:read',
    method: 'get',
    path: '/api/v1/accounts/setup/{provider}',
    summary: 'The least-privilege read-only policy a cloud needs, and how to grant it',
    tag: 'Cloud accounts',
    params: ZAccountSetupParams,
    status: 200,
    response: ZAccountSetup,
  },
  getAccount: {
    access: 'accounts:read',
    method: 'get',
    path: '/api/v1/accounts/{id}',
    summary: 'Get one cloud account',
    tag: 'Cloud accounts',
    params: ZIdParams,
    status: 200,
    response: ZCloudAccount,
  },
  startScan: {
    access: 'scans:run',
    method: 'post',
    path: '/api/v1/accounts/{id}/scans',
    summary: 'Start a scan of a cloud account (returns the running scan if one is already in progress)',
    tag: 'Scans',
    params: ZIdParams,
    status: 202,
    response: ZScan,
  },
  listScans: {
    access: 'accounts:read',
    method: 'get',
    path: '/api/v1/scans',
    summary: 'List recent scans, newest first',
    tag: 'Scans',
    query: ZScanListQuery,
    status: 200,
    response: ZScanList,
  },
  getScan: {
    access: 'accounts:read',
    method: 'get',
    path: '/api/v1/scans/{id}',
    summary: 'Scan status and progress',
    tag: 'Scans',
    params: ZIdParams,
    status: 200,
    response: ZScan,
  },
  listAssets: {
    access: 'inventory:read',
    method: 'get',
    path: '/api/v1/assets',
    summary: 'AI asset inventory (keyset paging)',
    tag: 'Inventory',
    query: ZAssetQuery,
    status: 200,
    response: ZAssetPage,
  },
  getAsset: {
    access: 'inventory:read',
    method: 'get',
    path: '/api/v1/assets/{id}',
    summary: 'One asset with its attributes as the cloud returned them',
    tag: 'Inventory',
    params: ZIdParams,
    status: 200,
    response: ZAsset,
  },
  listFindings: {
    access: 'findings:read',
    method: 'get',
    path: '/api/v1/findings',
    summary: 'Findings, most severe first (keyset paging)',
    tag: 'Findings',
    query: ZFindingQuery,
    status: 200,
    response: ZFindingPage,
  },
  listChecks: {
    access: 'findings:read',
    method: 'get',
    path: '/api/v1/checks',
    summary: 'The checks the risk engine runs',
    tag: 'Findings',
    status: 200,
    response: ZCheckList,
  },
  postureSummary: {
    access: 'inventory:read',
    method: 'get',
    path: '/api/v1/posture/summary',
    summary: 'Posture figures for the dashboard',
    tag: 'Posture',
    status: 200,
    response: ZPostureSummary,
  },
  listFrameworks: {
    access: 'findings:read',
    method: 'get',
    path: '/api/v1/compliance/frameworks',
    summary:
      'Compliance frameworks (built-in and uploaded) with their controls counted as passing, failing or manual',
    tag: 'Compliance',
    status: 200,
    response: ZFrameworkList,
  },
  getFramework: {
    access: 'findings:read',
    method: 'get',
    path: '/api/v1/compliance/frameworks/{key}',
    summary:
      'A framework’s controls with their status and mapped checks, for the organization or one account',
    tag: 'Compliance',
    params: ZFrameworkParams,
    query: ZFrameworkQuery,
    status: 200,
    response: ZFrameworkPosture,
  },
  listControlAssets: {
    access: 'findings:read',
    method: 'get',
    path: '/api/v1/compliance/frameworks/{key}/controls/{controlId}/assets',
    summary: 'Assets with open findings of a control’s checks (keyset paging)',
    tag: 'Compliance',
    params: ZControlAssetsParams,
    query: ZControlAssetsQuery,
    status: 200,
    response: ZAffectedAssetPage,
  },
  createFramework: {
    access: 'accounts:write',
    method: 'post',
    path: '/api/v1/compliance/frameworks',
    summary:
      'Upload a custom framework as JSON or YAML (application/yaml, application/x-yaml, text/yaml); 409 when the key exists',
    tag: 'Compliance',
    body: ZCustomFrameworkDefinition,
    status: 201,
    response: ZFrameworkSummary,
  },
  deleteFramework: {
    access: 'accounts:write',
    method: 'delete',
    path: '/api/v1/compliance/frameworks/{key}',
    summary: 'Delete a custom framework (built-in frameworks cannot be deleted)',
    tag: 'Compliance',
    params: ZFrameworkParams,
    status: 200,
    response: ZFrameworkSummary,
  },
  listSanctionedAi: {
    access: 'inventory:read',
    method: 'get',
    path: '/api/v1/shadow-ai/register',
    summary: 'The register of sanctioned AI services, models, accounts and regions',
    tag: 'Shadow AI',
    status: 200,
    response: ZSanctionedAiList,
  },
  createSanctionedAi: {
    access: 'accounts:write',
    method: 'post',
    path: '/api/v1/shadow-ai/register',
    summary:
      'Add a register entry; the organization’s assets of that provider are re-evaluated before the response',
    tag: 'Shadow AI',
    body: ZCreateSanctionedAi,
    status: 201,
    response: ZSanctionedAiChange,
  },
  deleteSanctionedAi: {
    access: 'accounts:write',
    method: 'delete',
    path: '/api/v1/shadow-ai/register/{id}',
    summary:
      'Remove a register entry; the organization’s assets of that provider are re-evaluated before the response',
    tag: 'Shadow AI',
    params: ZIdParams,
    status: 200,
    response: ZSanctionedAiChange,
  },
  shadowAiSummary: {
    access: 'inventory:read',
    method: 'get',
    path: '/api/v1/shadow-ai/summary',
    summary: 'Shadow AI assets counted by reason and provider',
    tag: 'Shadow AI',
    status: 200,
    response: ZShadowAiSummary,
  },
  login: {
    access: 'public',
    method: 'post',
    path: '/api/v1/auth/login',
    summary: 'Sign in with email and password; sets the session and CSRF cookies',
    tag: 'Auth',
    body: ZLogin,
    status: 200,
    response: ZMe,
  },
  me: {
    access: 'session',
    method: 'get',
    path: '/api/v1/auth/me',
    summary: 'The signed-in user, their organizations and what they may do in the current one',
    tag: 'Auth',
    status: 200,
    response: ZMe,
  },
  logout: {
    access: 'session',
    method: 'post',
    path: '/api/v1/auth/logout',
    summary: 'Sign out this browser',
    tag: 'Auth',
    status: 200,
    response: ZSignedOut,
  },
  logoutEverywhere: {
    access: 'session',
    method: 'post',
    path: '/api/v1/auth/logout-everywhere',
    summary: 'Sign out every session of the signed-in user',
    tag: 'Auth',
    status: 200,
    response: ZSignedOut,
  },
  listMembers: {
    access: 'members:read',
    method: 'get',
    path: '/api/v1/members',
    summary: 'Members of the organization and their roles',
    tag: 'Organization',
    status: 200,
    response: ZMemberList,
  },
  listTokens: {
    access: 'tokens:read',
    method: 'get',
    path: '/api/v1/tokens',
    summary: 'API tokens of the organization (never the tokens themselves)',
    tag: 'API tokens',
    status: 200,
    response: ZApiTokenList,
  },
  createToken: {
    access: 'tokens:write',
    method: 'post',
    path: '/api/v1/tokens',
    summary: 'Create a scoped, expiring API token; the response is the only time it is shown',
    tag: 'API tokens',
    body: ZCreateApiToken,
    status: 201,
    response: ZCreatedApiToken,
  },
  revokeToken: {
    access: 'tokens:write',
    method: 'delete',
    path: '/api/v1/tokens/{id}',
    summary: 'Revoke an API token',
    tag: 'API tokens',
    params: ZIdParams,
    status: 200,
    response: ZApiToken,
  },
  listAuditEvents: {
    access: 'audit:read',
    method: 'get',
    path: '/api/v1/audit-events',
    summary: 'Audit log of state-changing actions, newest first (keyset paging)',
    tag: 'Audit',
    query: ZPageQuery,
    status: 200,
    response: ZPage(ZAuditEvent).openapi('AuditEventPage'),
  },
  exportAuditEvents: {
    access: 'audit:read',
    method: 'get',
    path: '/api/v1/audit-events/export',
    summary: 'Download the audit log (newest first) as CSV or JSON, optionally for a time range',
    tag: 'Audit',
    query: ZAuditExportQuery,
    status: 200,
    response: z.string().openapi({ description: 'text/csv or a JSON array of AuditEvent, as an attachment' }),
  },
  listInvitations: {
    access: 'members:read',
    method: 'get',
    path: '/api/v1/invitations',
    summary: 'Pending invitations to the organization (never their links)',
    tag: 'Organization',
    status: 200,
    response: ZInvitationList,
  },
  createInvitation: {
    access: 'members:write',
    method: 'post',
    path: '/api/v1/invitations',
    summary:
      'Invite someone by email with a role (only owners may invite owners); the response is the only time the link is shown',
    tag: 'Organization',
    body: ZCreateInvitation,
    status: 201,
    response: ZCreatedInvitation,
  },
  revokeInvitation: {
    access: 'members:write',
    method: 'delete',
    path: '/api/v1/invitations/{id}',
    summary: 'Revoke a pending invitation',
    tag: 'Organization',
    params: ZIdParams,
    status: 200,
    response: ZInvitation,
  },
  acceptInvitation: {
    access: 'public',
    method: 'post',
    path: '/api/v1/invitations/accept',
    summary:
      'Accept an invitation (creating the account, or with the existing account’s password) and sign in; sets the session and CSRF cookies',
    tag: 'Organization',
    body: ZAcceptInvitation,
    status: 200,
    response: ZMe,
  },
  updateMember: {
    access: 'members:write',
    method: 'patch',
    path: '/api/v1/members/{id}',
    summary:
      'Change a member’s role (by user id); only owners grant or remove the owner role, and the last owner stays',
    tag: 'Organization',
    params: ZIdParams,
    body: ZUpdateMember,
    status: 200,
    response: ZMember,
  },
  removeMember: {
    access: 'members:write',
    method: 'delete',
    path: '/api/v1/members/{id}',
    summary: 'Remove a member (by user id) and revoke the API tokens they created here; the last owner stays',
    tag: 'Organization',
    params: ZIdParams,
    status: 200,
    response: ZMember,
  },
  ssoStatus: {
    access: 'public',
    method: 'get',
    path: '/api/v1/auth/sso',
    summary: 'Whether single sign-on (OpenID Connect) is configured on this instance',
    tag: 'Auth',
    status: 200,
    response: ZSsoStatus,
  },
  ssoStart: {
    access: 'public',
    method: 'get',
    path: '/api/v1/auth/sso/start',
    summary:
      'Start single sign-on: redirects the browser to the identity provider (authorization code + PKCE)',
    tag: 'Auth',
    query: ZSsoStartQuery,
    status: 302,
    response: ZRedirect,
  },
  ssoCallback: {
    access: 'public',
    method: 'get',
    path: '/api/v1/auth/sso/callback',
    summary:
      'Where the identity provider sends the browser back: signs in an existing member and redirects to the console',
    tag: 'Auth',
    query: ZSsoCallbackQuery,
    status: 302,
    response: ZRedirect,
  },
} as const satisfies Record<string, RouteContract>;

export type RouteId = keyof typeof routes;

export const problemResponses = { 400: ZProblem, 404: ZProblem, 409: ZProblem, 500: ZProblem };
