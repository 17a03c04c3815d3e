import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import {
  guardrailAsset,
  guardrailAttributes,
  wellConfiguredGuardrailVersion,
  withContentFilter,
  without,
} from './testing';
import { bedrockGuardrailPromptAttackFilterWeak as check } from './bedrock-guardrail-prompt-attack-filter-weak.check';

const draft = wellConfiguredGuardrailVersion('DRAFT');
const v1 = wellConfiguredGuardrailVersion('1');

describe(check.id, () => {
  it('passes when every version blocks prompt attacks at HIGH', () => {
    expect(run(check, guardrailAsset())).toEqual({
      status: 'pass',
      evidence: {
        versions: {
          DRAFT: { PROMPT_ATTACK: { inputStrength: 'HIGH' } },
          '1': { PROMPT_ATTACK: { inputStrength: 'HIGH' } },
        },
        weakVersions: [],
      },
    });
  });

  it('fails when an older version is at MEDIUM, though the draft is HIGH', () => {
    const weak = withContentFilter(v1, 'PROMPT_ATTACK', { inputStrength: 'MEDIUM', outputStrength: 'NONE' });
    const r = run(check, guardrailAsset(guardrailAttributes(draft, [weak])));
    expect(r).toEqual({
      status: 'fail',
      evidence: {
        versions: {
          DRAFT: { PROMPT_ATTACK: { inputStrength: 'HIGH' } },
          '1': { PROMPT_ATTACK: { inputStrength: 'MEDIUM' } },
        },
        weakVersions: ['1'],
      },
    });
  });

  it('fails without a prompt-attack filter or without any content policy', () => {
    const noFilter = withContentFilter(draft, 'PROMPT_ATTACK', null);
    expect(run(check, guardrailAsset(guardrailAttributes(noFilter, [])))).toEqual({
      status: 'fail',
      evidence: { versions: { DRAFT: { PROMPT_ATTACK: null } }, weakVersions: ['DRAFT'] },
    });
    const noPolicy = without(draft, 'contentPolicy');
    expect(run(check, guardrailAsset(guardrailAttributes(noPolicy, []))).status).toBe('fail');
  });

  it('fails at HIGH when the filter only detects or is switched off', () => {
    for (const off of [{ inputAction: 'NONE' }, { inputEnabled: false }]) {
      const body = withContentFilter(draft, 'PROMPT_ATTACK', {
        inputStrength: 'HIGH',
        outputStrength: 'NONE',
        ...off,
      });
      expect(run(check, guardrailAsset(guardrailAttributes(body, []))).status).toBe('fail');
    }
  });

  it('is unknown when the guardrail versions were not listed or the draft was not read', () => {
    const { versions: _v, ...noVersions } = guardrailAttributes();
    expect(run(check, guardrailAsset(noVersions))).toEqual({ status: 'unknown', missing: ['versions'] });
    expect(run(check, guardrailAsset({ name: 'g', versions: [] }))).toEqual({
      status: 'unknown',
      missing: ['guardrailArn', 'version'],
    });
  });
});
