import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { sagemakerProcessingJobNetworkIsolationDisabled as check } from './sagemaker-processing-job-network-isolation-disabled.check';
import { processingJobAsset, wellConfiguredProcessingJob, without } from './testing';

const network = wellConfiguredProcessingJob.NetworkConfig as Record<string, unknown>;
const withNetwork = (n: Record<string, unknown>) =>
  processingJobAsset({ ...wellConfiguredProcessingJob, NetworkConfig: n });

describe(check.id, () => {
  it('passes for an isolated job', () => {
    expect(run(check, processingJobAsset(wellConfiguredProcessingJob))).toEqual({
      status: 'pass',
      evidence: { 'NetworkConfig.EnableNetworkIsolation': true },
    });
  });

  it('fails without a NetworkConfig, or with isolation off', () => {
    expect(run(check, processingJobAsset(without(wellConfiguredProcessingJob, 'NetworkConfig')))).toEqual({
      status: 'fail',
      evidence: { NetworkConfig: null },
    });
    expect(run(check, withNetwork({ ...network, EnableNetworkIsolation: false })).status).toBe('fail');
  });

  it('is unknown when NetworkConfig came without the flag, or the job was not described', () => {
    expect(run(check, withNetwork(without(network, 'EnableNetworkIsolation')))).toEqual({
      status: 'unknown',
      missing: ['NetworkConfig.EnableNetworkIsolation'],
    });
    expect(run(check, processingJobAsset({})).status).toBe('unknown');
  });
});
