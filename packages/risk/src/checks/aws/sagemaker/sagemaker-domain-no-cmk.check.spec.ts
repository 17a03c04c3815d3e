import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { sagemakerDomainNoCmk as check } from './sagemaker-domain-no-cmk.check';
import { KEY_ARN, domainAsset, wellConfiguredDomain, without } from './testing';

describe(check.id, () => {
  it('passes when a customer-managed key encrypts the home volume', () => {
    expect(run(check, domainAsset(wellConfiguredDomain))).toEqual({
      status: 'pass',
      evidence: { KmsKeyId: KEY_ARN },
    });
  });

  it('fails when DescribeDomain has no KmsKeyId', () => {
    expect(run(check, domainAsset(without(wellConfiguredDomain, 'KmsKeyId')))).toEqual({
      status: 'fail',
      evidence: { KmsKeyId: null },
    });
  });

  it('is unknown when the domain was never described', () => {
    expect(run(check, domainAsset({ DomainId: 'd-abc' }))).toEqual({
      status: 'unknown',
      missing: ['DomainArn'],
    });
  });
});
