import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import {
  DEFAULT_COMPUTE_SA,
  SCOPED_SA,
  pipelineJobAsset,
  wellConfiguredPipelineJob,
  withField,
} from './testing';
import { vertexPipelineJobDefaultServiceAccount as check } from './vertex-pipeline-job-default-service-account.check';

describe(check.id, () => {
  it('passes when the pipeline runs as a user-managed service account', () => {
    expect(run(check, pipelineJobAsset(wellConfiguredPipelineJob))).toEqual({
      status: 'pass',
      evidence: { serviceAccount: SCOPED_SA },
    });
  });

  it('fails when the job names no service account (the default one runs it)', () => {
    const attributes = withField(wellConfiguredPipelineJob, 'serviceAccount', undefined);
    expect(run(check, pipelineJobAsset(attributes))).toEqual({
      status: 'fail',
      evidence: { serviceAccount: null },
    });
  });

  it('fails when it names the Compute Engine default service account', () => {
    const attributes = { ...wellConfiguredPipelineJob, serviceAccount: DEFAULT_COMPUTE_SA };
    expect(run(check, pipelineJobAsset(attributes))).toEqual({
      status: 'fail',
      evidence: { serviceAccount: DEFAULT_COMPUTE_SA },
    });
  });

  it('is unknown when the job body was not read', () => {
    expect(run(check, pipelineJobAsset({}))).toEqual({ status: 'unknown', missing: ['name'] });
  });
});
