import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { guardrailAsset, guardrailAttributes, wellConfiguredGuardrailVersion, without } from './testing';
import { bedrockGuardrailNoContextualGrounding as check } from './bedrock-guardrail-no-contextual-grounding.check';

const draft = wellConfiguredGuardrailVersion('DRAFT');
const withFilters = (filters: Record<string, unknown>[]) => ({
  ...draft,
  contextualGroundingPolicy: { filters },
});

describe(check.id, () => {
  it('passes when every version checks grounding', () => {
    expect(run(check, guardrailAsset())).toMatchObject({
      status: 'pass',
      evidence: {
        versions: {
          DRAFT: {
            filters: [
              { type: 'GROUNDING', threshold: 0.75 },
              { type: 'RELEVANCE', threshold: 0.5 },
            ],
          },
        },
        weakVersions: [],
      },
    });
  });

  it('fails when a version has no contextual grounding policy', () => {
    const v1 = without(wellConfiguredGuardrailVersion('1'), 'contextualGroundingPolicy');
    expect(run(check, guardrailAsset(guardrailAttributes(draft, [v1])))).toMatchObject({
      status: 'fail',
      evidence: { versions: { '1': { contextualGroundingPolicy: null } }, weakVersions: ['1'] },
    });
  });

  it('fails with relevance only, a zero threshold, a disabled or a detect-only grounding filter', () => {
    for (const filters of [
      [{ type: 'RELEVANCE', threshold: 0.5 }],
      [{ type: 'GROUNDING', threshold: 0 }],
      [{ type: 'GROUNDING', threshold: 0.8, enabled: false }],
      [{ type: 'GROUNDING', threshold: 0.8, action: 'NONE' }],
    ]) {
      expect(run(check, guardrailAsset(guardrailAttributes(withFilters(filters), []))).status).toBe('fail');
    }
  });

  it('is unknown when the draft answer is not in the inventory', () => {
    expect(run(check, guardrailAsset({ versions: [] }))).toEqual({
      status: 'unknown',
      missing: ['guardrailArn', 'version'],
    });
  });
});
