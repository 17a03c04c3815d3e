import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { openAiAccountNoManagedIdentity as check } from './openai-account-no-managed-identity.check';
import { armAsset, openAiAccount, without } from './testing';

describe(check.id, () => {
  it('passes with a system-assigned identity', () => {
    expect(run(check, armAsset(openAiAccount))).toEqual({
      status: 'pass',
      evidence: { 'identity.type': 'SystemAssigned' },
    });
  });

  it('passes with user-assigned identities only', () => {
    const body = { ...openAiAccount, identity: { type: 'UserAssigned', userAssignedIdentities: {} } };
    expect(run(check, armAsset(body)).status).toBe('pass');
  });

  it('fails when ARM returned no identity with the account', () => {
    expect(run(check, armAsset(without(openAiAccount, 'identity')))).toEqual({
      status: 'fail',
      evidence: { 'identity.type': null },
    });
  });

  it('fails when the identity type is None', () => {
    const r = run(check, armAsset({ ...openAiAccount, identity: { type: 'None' } }));
    expect(r).toEqual({ status: 'fail', evidence: { 'identity.type': 'None' } });
  });

  it('is unknown when the account came back without its properties', () => {
    const r = run(check, armAsset(without(openAiAccount, 'identity', 'properties')));
    expect(r).toEqual({ status: 'unknown', missing: ['properties'] });
  });

  it('does not concern a Speech account', () => {
    const body = { ...without(openAiAccount, 'identity'), kind: 'SpeechServices' };
    expect(run(check, armAsset(body)).status).toBe('not_applicable');
  });
});
