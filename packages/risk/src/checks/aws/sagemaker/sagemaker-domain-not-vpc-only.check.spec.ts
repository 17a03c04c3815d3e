import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { sagemakerDomainNotVpcOnly as check } from './sagemaker-domain-not-vpc-only.check';
import { domainAsset, wellConfiguredDomain, without } from './testing';

describe(check.id, () => {
  it('passes for a VpcOnly domain', () => {
    expect(run(check, domainAsset(wellConfiguredDomain))).toEqual({
      status: 'pass',
      evidence: { AppNetworkAccessType: 'VpcOnly' },
    });
  });

  it('fails for PublicInternetOnly', () => {
    const domain = { ...wellConfiguredDomain, AppNetworkAccessType: 'PublicInternetOnly' };
    expect(run(check, domainAsset(domain))).toEqual({
      status: 'fail',
      evidence: { AppNetworkAccessType: 'PublicInternetOnly' },
    });
  });

  it('is unknown, not failed, when the field was not returned though AWS defaults it to PublicInternetOnly', () => {
    expect(run(check, domainAsset(without(wellConfiguredDomain, 'AppNetworkAccessType')))).toEqual({
      status: 'unknown',
      missing: ['AppNetworkAccessType'],
    });
  });
});
