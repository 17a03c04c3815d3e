import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { openAiAccountOutboundNotRestricted as check } from './openai-account-outbound-not-restricted.check';
import { armAsset, openAiAccount, withProps } from './testing';

describe(check.id, () => {
  it('passes when outbound access is restricted, showing the allowed hosts', () => {
    expect(run(check, armAsset(openAiAccount))).toEqual({
      status: 'pass',
      evidence: {
        'properties.restrictOutboundNetworkAccess': true,
        'properties.allowedFqdnList': ['contoso.blob.core.windows.net'],
      },
    });
  });

  it('fails when restrictOutboundNetworkAccess is false', () => {
    const body = withProps(openAiAccount, {
      restrictOutboundNetworkAccess: false,
      allowedFqdnList: undefined,
    });
    expect(run(check, armAsset(body))).toEqual({
      status: 'fail',
      evidence: { 'properties.restrictOutboundNetworkAccess': false },
    });
  });

  it('is unknown when ARM did not return restrictOutboundNetworkAccess', () => {
    const body = withProps(openAiAccount, { restrictOutboundNetworkAccess: undefined });
    expect(run(check, armAsset(body))).toEqual({
      status: 'unknown',
      missing: ['properties.restrictOutboundNetworkAccess'],
    });
  });

  it('does not concern a Form Recognizer account', () => {
    const body = {
      ...withProps(openAiAccount, { restrictOutboundNetworkAccess: false }),
      kind: 'FormRecognizer',
    };
    expect(run(check, armAsset(body)).status).toBe('not_applicable');
  });
});
