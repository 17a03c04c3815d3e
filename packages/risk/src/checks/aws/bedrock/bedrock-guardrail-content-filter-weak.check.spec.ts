import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import {
  guardrailAsset,
  guardrailAttributes,
  wellConfiguredGuardrailVersion,
  withContentFilter,
  without,
} from './testing';
import { bedrockGuardrailContentFilterWeak as check } from './bedrock-guardrail-content-filter-weak.check';

const draft = wellConfiguredGuardrailVersion('DRAFT');
const high = { inputStrength: 'HIGH', outputStrength: 'HIGH' };

describe(check.id, () => {
  it('passes when every category is filtered at HIGH both ways', () => {
    expect(run(check, guardrailAsset())).toEqual({
      status: 'pass',
      evidence: {
        versions: {
          DRAFT: {
            filters: { SEXUAL: high, VIOLENCE: high, HATE: high, INSULTS: high, MISCONDUCT: high },
            weakCategories: [],
          },
          '1': {
            filters: { SEXUAL: high, VIOLENCE: high, HATE: high, INSULTS: high, MISCONDUCT: high },
            weakCategories: [],
          },
        },
        weakVersions: [],
      },
    });
  });

  it('passes at MEDIUM', () => {
    const body = withContentFilter(draft, 'HATE', { inputStrength: 'MEDIUM', outputStrength: 'MEDIUM' });
    expect(run(check, guardrailAsset(guardrailAttributes(body, []))).status).toBe('pass');
  });

  it('fails on a missing category, a LOW output strength or a detect-only category', () => {
    let body = withContentFilter(draft, 'SEXUAL', null);
    body = withContentFilter(body, 'INSULTS', { inputStrength: 'HIGH', outputStrength: 'LOW' });
    body = withContentFilter(body, 'MISCONDUCT', { ...high, outputAction: 'NONE' });
    const r = run(check, guardrailAsset(guardrailAttributes(body, [])));
    expect(r).toMatchObject({
      status: 'fail',
      evidence: {
        versions: {
          DRAFT: {
            filters: {
              SEXUAL: null,
              INSULTS: { inputStrength: 'HIGH', outputStrength: 'LOW' },
              MISCONDUCT: { ...high, outputAction: 'NONE' },
            },
            weakCategories: ['SEXUAL', 'INSULTS', 'MISCONDUCT'],
          },
        },
        weakVersions: ['DRAFT'],
      },
    });
  });

  it('fails when a version has no content policy at all', () => {
    const v1 = without(wellConfiguredGuardrailVersion('1'), 'contentPolicy');
    expect(run(check, guardrailAsset(guardrailAttributes(draft, [v1])))).toMatchObject({
      status: 'fail',
      evidence: { weakVersions: ['1'] },
    });
  });

  it('is unknown when the guardrail was listed but not read', () => {
    expect(run(check, guardrailAsset({ name: 'g' }))).toEqual({
      status: 'unknown',
      missing: ['guardrailArn', 'version', 'versions'],
    });
  });
});
