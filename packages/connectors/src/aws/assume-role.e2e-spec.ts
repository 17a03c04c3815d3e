import {
  notebooksInRegion,
  SIM_AWS_ACCESS_KEY_ID,
  SIM_AWS_SECRET_ACCESS_KEY,
  startSimulator,
  type RunningSimulator,
} from '@aispm/cloud-sim';
import type { TAwsCredentials } from '@aispm/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConnectorError, type AwsTarget } from '../types';
import { closeAwsClients } from './clients';
import { clearAssumedRoleSessions } from './credentials';
import { iamRolesDiscoverer } from './infra/iam-roles.discoverer';
import { sagemakerNotebooksDiscoverer } from './sagemaker-notebooks.discoverer';

const source = { accessKeyId: SIM_AWS_ACCESS_KEY_ID, secretAccessKey: SIM_AWS_SECRET_ACCESS_KEY };

describe('assume-role accounts against cloud-sim STS', () => {
  let sim: RunningSimulator;
  const lines: string[] = [];
  const assumeCalls = () => lines.filter((l) => l.includes('sts.AssumeRole') && l.includes('-> 200')).length;

  const roleCredentials = (externalId = sim.estate.awsInfra.scanner.externalId): TAwsCredentials => ({
    kind: 'assume_role',
    roleArn: sim.estate.awsInfra.scanner.roleArn,
    externalId,
    source,
  });
  const target = (region: string, credentials: TAwsCredentials = roleCredentials()): AwsTarget => ({
    provider: 'aws',
    accountId: '123456789012',
    region,
    endpoint: sim.url,
    credentials,
  });
  async function listNotebooks(t: AwsTarget): Promise<string[]> {
    const ids: string[] = [];
    for await (const page of sagemakerNotebooksDiscoverer.discover(t))
      ids.push(...page.map((a) => a.nativeId));
    return ids.sort();
  }
  async function failure(t: AwsTarget): Promise<ConnectorError> {
    try {
      await listNotebooks(t);
    } catch (err) {
      if (err instanceof ConnectorError) return err;
      throw err;
    }
    throw new Error('expected the listing to fail');
  }

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, log: (l) => lines.push(l) });
  });
  afterEach(() => {
    vi.useRealTimers();
    closeAwsClients();
    clearAssumedRoleSessions();
    lines.length = 0;
  });
  afterAll(async () => {
    await sim.close();
  });

  it('lists SageMaker notebooks with the temporary credentials of the assumed role', async () => {
    const ids = await listNotebooks(target('us-east-1'));
    expect(ids).toEqual(
      notebooksInRegion(sim.estate, 'us-east-1')
        .map((n) => n.arn)
        .sort(),
    );
    expect(assumeCalls()).toBe(1);
    const sagemakerCalls = lines.filter((l) => l.includes('SageMaker.'));
    expect(sagemakerCalls.length).toBeGreaterThan(0);
    // Every SageMaker call was signed with the session's ASIA key, none with the source key.
    expect(sagemakerCalls.every((l) => / key=ASIA[A-Z0-9]{16} /.test(l))).toBe(true);
  });

  it('assumes the role once for every client and region of the account', async () => {
    await listNotebooks(target('us-east-1'));
    await listNotebooks(target('eu-west-1'));
    const roles: string[] = [];
    for await (const page of iamRolesDiscoverer.discover(target('global')))
      roles.push(...page.map((r) => r.nativeId));
    expect(roles).toContain(sim.estate.awsInfra.scanner.roleArn);
    expect(assumeCalls()).toBe(1);
  });

  it('fails with AccessDenied naming the role, never the external id, when the external id is wrong', async () => {
    const wrong = 'not-the-external-id-42';
    const error = await failure(target('us-east-1', roleCredentials(wrong)));
    expect(error).toMatchObject({
      code: 'AccessDenied',
      service: 'sts',
      operation: 'AssumeRole',
      retryable: false,
    });
    expect(error.message).toBe(
      `could not assume ${sim.estate.awsInfra.scanner.roleArn}: check the role's trust policy names our principal and the external id`,
    );
    expect(error.message).not.toContain(wrong);
    expect(lines.some((l) => l.includes('sts.AssumeRole') && l.includes('403 AccessDenied'))).toBe(true);
    expect(lines.some((l) => l.includes('SageMaker.'))).toBe(false);
  });

  it('fails with AccessDenied for a role whose trust policy does not name our principal', async () => {
    const error = await failure(
      target('us-east-1', {
        kind: 'assume_role',
        roleArn: 'arn:aws:iam::123456789012:role/OrganizationAccountAccessRole',
        externalId: sim.estate.awsInfra.scanner.externalId,
        source,
      }),
    );
    expect(error.code).toBe('AccessDenied');
    expect(error.message).not.toContain(sim.estate.awsInfra.scanner.externalId);
  });

  it('fails with InvalidCredentials when the source key is unknown, without its secret', async () => {
    const secret = 'unknown-source-secret-0000';
    const error = await failure(
      target('us-east-1', {
        ...roleCredentials(),
        source: { accessKeyId: 'SIMNOSUCHKEY000001', secretAccessKey: secret },
      } as TAwsCredentials),
    );
    expect(error).toMatchObject({ code: 'InvalidCredentials', operation: 'AssumeRole' });
    expect(error.message).toContain('SIMN...0001 is not recognised');
    expect(error.message).not.toContain(secret);
  });

  it('assumes the role again when the session is within 5 minutes of expiring, and not before', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.now();
    await listNotebooks(target('us-east-1'));
    expect(assumeCalls()).toBe(1);

    vi.setSystemTime(start + 50 * 60_000);
    await listNotebooks(target('us-east-1'));
    expect(assumeCalls()).toBe(1);

    // 56 minutes in, the one-hour session has 4 minutes left: renewed before any call fails.
    vi.setSystemTime(start + 56 * 60_000);
    await listNotebooks(target('us-east-1'));
    expect(assumeCalls()).toBe(2);
    expect(lines.filter((l) => l.includes('UnrecognizedClient'))).toEqual([]);

    // Past the first session's expiry, the renewed one still works.
    vi.setSystemTime(start + 65 * 60_000);
    const ids = await listNotebooks(target('us-east-1'));
    expect(ids).toHaveLength(notebooksInRegion(sim.estate, 'us-east-1').length);
    expect(assumeCalls()).toBe(2);
  });
});
