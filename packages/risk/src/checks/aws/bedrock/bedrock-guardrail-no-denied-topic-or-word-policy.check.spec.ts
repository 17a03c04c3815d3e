import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { guardrailAsset, guardrailAttributes, wellConfiguredGuardrailVersion, without } from './testing';
import { bedrockGuardrailNoDeniedTopicOrWordPolicy as check } from './bedrock-guardrail-no-denied-topic-or-word-policy.check';

const draft = wellConfiguredGuardrailVersion('DRAFT');
const bare = without(draft, 'topicPolicy', 'wordPolicy');

describe(check.id, () => {
  it('passes with denied topics and the profanity list', () => {
    expect(run(check, guardrailAsset(guardrailAttributes(draft, [])))).toEqual({
      status: 'pass',
      evidence: {
        versions: { DRAFT: { topics: ['InvestmentAdvice'], words: 0, managedWordLists: ['PROFANITY'] } },
        weakVersions: [],
      },
    });
  });

  it('passes with custom words only', () => {
    const body = { ...bare, wordPolicy: { words: [{ text: 'competitor-x' }] } };
    expect(run(check, guardrailAsset(guardrailAttributes(body, []))).status).toBe('pass');
  });

  it('fails when a version has neither topics nor words', () => {
    expect(run(check, guardrailAsset(guardrailAttributes(draft, [{ ...bare, version: '1' }])))).toEqual({
      status: 'fail',
      evidence: {
        versions: {
          DRAFT: { topics: ['InvestmentAdvice'], words: 0, managedWordLists: ['PROFANITY'] },
          '1': { topics: [], words: 0, managedWordLists: [] },
        },
        weakVersions: ['1'],
      },
    });
  });

  it('fails when the only topic is switched off on both sides', () => {
    const body = {
      ...bare,
      topicPolicy: {
        topics: [{ name: 'Legal', definition: 'x', inputEnabled: false, outputEnabled: false }],
      },
    };
    expect(run(check, guardrailAsset(guardrailAttributes(body, []))).status).toBe('fail');
  });

  it('is unknown without the versions listing', () => {
    expect(run(check, guardrailAsset(draft))).toEqual({ status: 'unknown', missing: ['versions'] });
  });
});
