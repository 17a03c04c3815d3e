import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { customJobAsset, wellConfiguredCustomJob, withField } from './testing';
import { vertexCustomJobWebAccessEnabled as check } from './vertex-custom-job-web-access-enabled.check';

describe(check.id, () => {
  it('passes when jobSpec leaves enableWebAccess out (false)', () => {
    expect(run(check, customJobAsset(wellConfiguredCustomJob))).toEqual({
      status: 'pass',
      evidence: { 'jobSpec.enableWebAccess': null },
    });
  });

  it('fails when interactive shells are enabled', () => {
    const attributes = withField(wellConfiguredCustomJob, 'jobSpec.enableWebAccess', true);
    expect(run(check, customJobAsset(attributes))).toEqual({
      status: 'fail',
      evidence: { 'jobSpec.enableWebAccess': true },
    });
  });

  it('is unknown when the body has no jobSpec', () => {
    const attributes = withField(wellConfiguredCustomJob, 'jobSpec', undefined);
    expect(run(check, customJobAsset(attributes))).toEqual({ status: 'unknown', missing: ['jobSpec'] });
  });
});
