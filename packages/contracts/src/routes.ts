import { z, ZProblem, ZUuid } from './common';
import { ZCloudAccount, ZCloudAccountList, ZCreateCloudAccount } from './accounts';
import { ZScan, ZScanList, ZScanListQuery } from './scans';
import { ZAsset, ZAssetPage, ZAssetQuery } from './assets';
import { ZCheckList, ZFindingPage, ZFindingQuery } from './findings';
import { ZPostureSummary } from './posture';

/** One HTTP endpoint: the API parses requests with these schemas and the OpenAPI document is generated from them. */
export interface RouteContract {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  status: number;
  response: z.ZodType;
}

const ZIdParams = z.object({ id: ZUuid });

export const routes = {
  listAccounts: {
    method: 'get',
    path: '/api/v1/accounts',
    summary: 'List connected cloud accounts',
    tag: 'Cloud accounts',
    status: 200,
    response: ZCloudAccountList,
  },
  createAccount: {
    method: 'post',
    path: '/api/v1/accounts',
    summary: 'Connect a cloud account (credentials are encrypted at rest and never returned)',
    tag: 'Cloud accounts',
    body: ZCreateCloudAccount,
    status: 201,
    response: ZCloudAccount,
  },
  getAccount: {
    method: 'get',
    path: '/api/v1/accounts/{id}',
    summary: 'Get one cloud account',
    tag: 'Cloud accounts',
    params: ZIdParams,
    status: 200,
    response: ZCloudAccount,
  },
  startScan: {
    method: 'post',
    path: '/api/v1/accounts/{id}/scans',
    summary: 'Start a scan of a cloud account (returns the running scan if one is already in progress)',
    tag: 'Scans',
    params: ZIdParams,
    status: 202,
    response: ZScan,
  },
  listScans: {
    method: 'get',
    path: '/api/v1/scans',
    summary: 'List recent scans, newest first',
    tag: 'Scans',
    query: ZScanListQuery,
    status: 200,
    response: ZScanList,
  },
  getScan: {
    method: 'get',
    path: '/api/v1/scans/{id}',
    summary: 'Scan status and progress',
    tag: 'Scans',
    params: ZIdParams,
    status: 200,
    response: ZScan,
  },
  listAssets: {
    method: 'get',
    path: '/api/v1/assets',
    summary: 'AI asset inventory (keyset paging)',
    tag: 'Inventory',
    query: ZAssetQuery,
    status: 200,
    response: ZAssetPage,
  },
  getAsset: {
    method: 'get',
    path: '/api/v1/assets/{id}',
    summary: 'One asset with its attributes as the cloud returned them',
    tag: 'Inventory',
    params: ZIdParams,
    status: 200,
    response: ZAsset,
  },
  listFindings: {
    method: 'get',
    path: '/api/v1/findings',
    summary: 'Findings, most severe first (keyset paging)',
    tag: 'Findings',
    query: ZFindingQuery,
    status: 200,
    response: ZFindingPage,
  },
  listChecks: {
    method: 'get',
    path: '/api/v1/checks',
    summary: 'The checks the risk engine runs',
    tag: 'Findings',
    status: 200,
    response: ZCheckList,
  },
  postureSummary: {
    method: 'get',
    path: '/api/v1/posture/summary',
    summary: 'Posture figures for the dashboard',
    tag: 'Posture',
    status: 200,
    response: ZPostureSummary,
  },
} as const satisfies Record<string, RouteContract>;

export type RouteId = keyof typeof routes;

export const problemResponses = { 400: ZProblem, 404: ZProblem, 409: ZProblem, 500: ZProblem };
