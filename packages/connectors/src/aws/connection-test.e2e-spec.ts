import {
  SIM_AWS_ACCESS_KEY_ID,
  SIM_AWS_SECRET_ACCESS_KEY,
  SIM_READONLY_ACCESS_KEY_ID,
  SIM_READONLY_SECRET_ACCESS_KEY,
  startSimulator,
  type RunningSimulator,
} from '@aispm/cloud-sim';
import type { TAwsCredentials } from '@aispm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsTarget } from '../types';
import { closeAwsClients } from './clients';
import { testAwsConnection } from './connection-test';

describe('testAwsConnection against cloud-sim', () => {
  let sim: RunningSimulator;
  const target = (credentials: TAwsCredentials, endpoint = sim.url): AwsTarget => ({
    provider: 'aws',
    accountId: '123456789012',
    region: 'us-east-1',
    endpoint,
    credentials,
  });

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
  });
  afterAll(async () => {
    closeAwsClients();
    await sim.close();
  });

  it('passes with the demo keys', async () => {
    const result = await testAwsConnection(
      target({
        kind: 'access_key',
        accessKeyId: SIM_AWS_ACCESS_KEY_ID,
        secretAccessKey: SIM_AWS_SECRET_ACCESS_KEY,
      }),
    );
    expect(result).toEqual({ ok: true });
  });

  it('names the missing permission for a key without SageMaker rights', async () => {
    const result = await testAwsConnection(
      target({
        kind: 'access_key',
        accessKeyId: SIM_READONLY_ACCESS_KEY_ID,
        secretAccessKey: SIM_READONLY_SECRET_ACCESS_KEY,
      }),
    );
    expect(result).toMatchObject({ ok: false, code: 'AccessDenied' });
    expect(result.ok === false && result.message).toMatch(
      /^The credentials lack sagemaker:ListNotebookInstances/,
    );
  });

  it('says the access key is not recognised, without the secret', async () => {
    const secret = 'connection-test-secret-01';
    const result = await testAwsConnection(
      target({ kind: 'access_key', accessKeyId: 'SIMNOSUCHKEY000001', secretAccessKey: secret }),
    );
    expect(result).toEqual({
      ok: false,
      code: 'InvalidCredentials',
      message: 'The access key SIMN...0001 is not recognised by AWS',
    });
  });

  it('says the secret does not match a known key', async () => {
    const result = await testAwsConnection(
      target({
        kind: 'access_key',
        accessKeyId: SIM_AWS_ACCESS_KEY_ID,
        secretAccessKey: 'not-the-right-secret-0',
      }),
    );
    expect(result).toMatchObject({ ok: false, code: 'InvalidCredentials' });
    expect(result.ok === false && result.message).toContain('does not match the access key SIMD...0001');
  });

  it('says the endpoint cannot be reached when nothing listens there', async () => {
    const gone = await startSimulator({ port: 0 });
    await gone.close();
    const result = await testAwsConnection(
      target(
        {
          kind: 'access_key',
          accessKeyId: SIM_AWS_ACCESS_KEY_ID,
          secretAccessKey: SIM_AWS_SECRET_ACCESS_KEY,
        },
        gone.url,
      ),
    );
    expect(result).toMatchObject({ ok: false, code: 'Unavailable' });
    expect(result.ok === false && result.message).toContain(`Could not reach ${gone.url}`);
  });
});
