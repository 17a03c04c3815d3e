import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { customJobAsset, wellConfiguredCustomJob, withField } from './testing';
import { vertexCustomJobNoVpc as check } from './vertex-custom-job-no-vpc.check';

const noNetwork = withField(wellConfiguredCustomJob, 'jobSpec.network', undefined);

describe(check.id, () => {
  it('passes when the job is peered with a VPC network', () => {
    expect(run(check, customJobAsset(wellConfiguredCustomJob))).toEqual({
      status: 'pass',
      evidence: {
        'jobSpec.network': 'projects/123456789012/global/networks/ml-vpc',
        'jobSpec.pscInterfaceConfig.networkAttachment': null,
      },
    });
  });

  it('passes when the job uses a Private Service Connect interface', () => {
    const attachment = 'projects/ml-prod/regions/us-central1/networkAttachments/vertex';
    const attributes = withField(noNetwork, 'jobSpec.pscInterfaceConfig', { networkAttachment: attachment });
    expect(run(check, customJobAsset(attributes)).status).toBe('pass');
  });

  it('fails when jobSpec names no network', () => {
    expect(run(check, customJobAsset(noNetwork))).toEqual({
      status: 'fail',
      evidence: { 'jobSpec.network': null, 'jobSpec.pscInterfaceConfig.networkAttachment': null },
    });
  });

  it('is unknown when the body has no jobSpec', () => {
    const attributes = withField(wellConfiguredCustomJob, 'jobSpec', undefined);
    expect(run(check, customJobAsset(attributes))).toEqual({ status: 'unknown', missing: ['jobSpec'] });
  });
});
