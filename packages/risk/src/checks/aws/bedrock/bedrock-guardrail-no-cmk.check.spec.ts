import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import {
  guardrailAsset,
  guardrailAttributes,
  kmsKeyArn,
  wellConfiguredGuardrailVersion,
  without,
} from './testing';
import { bedrockGuardrailNoCmk as check } from './bedrock-guardrail-no-cmk.check';

describe(check.id, () => {
  it('passes when every version names a customer managed key', () => {
    expect(run(check, guardrailAsset())).toEqual({
      status: 'pass',
      evidence: {
        versions: { DRAFT: { kmsKeyArn: kmsKeyArn() }, '1': { kmsKeyArn: kmsKeyArn() } },
        weakVersions: [],
      },
    });
  });

  it('fails when GetGuardrail returned no kmsKeyArn', () => {
    const draft = without(wellConfiguredGuardrailVersion('DRAFT'), 'kmsKeyArn');
    expect(run(check, guardrailAsset(guardrailAttributes(draft, [])))).toEqual({
      status: 'fail',
      evidence: { versions: { DRAFT: { kmsKeyArn: null } }, weakVersions: ['DRAFT'] },
    });
  });

  it('is unknown when the GetGuardrail answer is not in the inventory', () => {
    expect(run(check, guardrailAsset({ name: 'g', versions: [] }))).toEqual({
      status: 'unknown',
      missing: ['guardrailArn', 'version'],
    });
  });
});
