import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { sagemakerProcessingJobNoVpc as check } from './sagemaker-processing-job-no-vpc.check';
import { processingJobAsset, wellConfiguredProcessingJob, without } from './testing';

const network = wellConfiguredProcessingJob.NetworkConfig as Record<string, unknown>;

describe(check.id, () => {
  it('passes for a job in VPC subnets', () => {
    expect(run(check, processingJobAsset(wellConfiguredProcessingJob))).toEqual({
      status: 'pass',
      evidence: { 'NetworkConfig.VpcConfig': network.VpcConfig },
    });
  });

  it('fails without NetworkConfig or without its VpcConfig', () => {
    expect(run(check, processingJobAsset(without(wellConfiguredProcessingJob, 'NetworkConfig')))).toEqual({
      status: 'fail',
      evidence: { 'NetworkConfig.VpcConfig': null },
    });
    const isolatedOnly = { ...wellConfiguredProcessingJob, NetworkConfig: without(network, 'VpcConfig') };
    expect(run(check, processingJobAsset(isolatedOnly)).status).toBe('fail');
  });

  it('is unknown when the job was never described', () => {
    expect(run(check, processingJobAsset({ ProcessingJobName: 'x' }))).toEqual({
      status: 'unknown',
      missing: ['ProcessingJobArn'],
    });
  });
});
