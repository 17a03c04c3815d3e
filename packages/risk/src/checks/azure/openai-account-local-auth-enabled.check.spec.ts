import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { openAiAccountLocalAuthEnabled as check } from './openai-account-local-auth-enabled.check';
import { armAsset, openAiAccount, withProps } from './testing';

describe(check.id, () => {
  it('passes when local authentication is disabled', () => {
    expect(run(check, armAsset(openAiAccount))).toEqual({
      status: 'pass',
      evidence: { 'properties.disableLocalAuth': true },
    });
  });

  it('fails when disableLocalAuth is false', () => {
    const r = run(check, armAsset(withProps(openAiAccount, { disableLocalAuth: false })));
    expect(r).toEqual({ status: 'fail', evidence: { 'properties.disableLocalAuth': false } });
  });

  it('is unknown, not failed, when ARM left disableLocalAuth out', () => {
    const r = run(check, armAsset(withProps(openAiAccount, { disableLocalAuth: undefined })));
    expect(r).toEqual({ status: 'unknown', missing: ['properties.disableLocalAuth'] });
  });

  it('is unknown when the listing returned no properties', () => {
    const { properties: _omitted, ...rest } = openAiAccount;
    expect(run(check, armAsset(rest))).toEqual({ status: 'unknown', missing: ['properties'] });
  });

  it('does not concern a Computer Vision account', () => {
    const body = { ...withProps(openAiAccount, { disableLocalAuth: false }), kind: 'ComputerVision' };
    expect(run(check, armAsset(body)).status).toBe('not_applicable');
  });
});
