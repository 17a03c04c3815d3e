import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { guardrailAsset, guardrailAttributes, wellConfiguredGuardrailVersion, without } from './testing';
import { bedrockGuardrailNoSensitiveInformationFilter as check } from './bedrock-guardrail-no-sensitive-information-filter.check';

const draft = wellConfiguredGuardrailVersion('DRAFT');

describe(check.id, () => {
  it('passes when every version blocks or masks PII', () => {
    const r = run(check, guardrailAsset());
    expect(r).toEqual({
      status: 'pass',
      evidence: {
        versions: {
          DRAFT: {
            piiEntities: ['EMAIL', 'US_SOCIAL_SECURITY_NUMBER'],
            regexes: ['internal-account-number'],
          },
          '1': { piiEntities: ['EMAIL', 'US_SOCIAL_SECURITY_NUMBER'], regexes: ['internal-account-number'] },
        },
        weakVersions: [],
      },
    });
  });

  it('passes with regexes only', () => {
    const body = {
      ...draft,
      sensitiveInformationPolicy: { regexes: [{ name: 'acct', pattern: 'A', action: 'BLOCK' }] },
    };
    expect(run(check, guardrailAsset(guardrailAttributes(body, []))).status).toBe('pass');
  });

  it('fails when a version has no sensitive information policy', () => {
    const v1 = without(wellConfiguredGuardrailVersion('1'), 'sensitiveInformationPolicy');
    expect(run(check, guardrailAsset(guardrailAttributes(draft, [v1])))).toMatchObject({
      status: 'fail',
      evidence: { versions: { '1': { sensitiveInformationPolicy: null } }, weakVersions: ['1'] },
    });
  });

  it('fails when every entry only detects or is switched off', () => {
    const body = {
      ...draft,
      sensitiveInformationPolicy: {
        piiEntities: [
          { type: 'EMAIL', action: 'NONE' },
          { type: 'PHONE', action: 'BLOCK', inputEnabled: false, outputEnabled: false },
          { type: 'NAME', action: 'BLOCK', inputAction: 'NONE', outputAction: 'NONE' },
        ],
      },
    };
    expect(run(check, guardrailAsset(guardrailAttributes(body, [])))).toEqual({
      status: 'fail',
      evidence: { versions: { DRAFT: { piiEntities: [], regexes: [] } }, weakVersions: ['DRAFT'] },
    });
  });

  it('is unknown when the versions were not listed', () => {
    expect(run(check, guardrailAsset(draft))).toEqual({ status: 'unknown', missing: ['versions'] });
  });
});
