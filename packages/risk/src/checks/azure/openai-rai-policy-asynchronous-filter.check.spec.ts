import { describe, expect, it } from 'vitest';
import type { CheckAsset } from '../../check';
import { run } from '../../testing';
import { openAiRaiPolicyAsynchronousFilter as check } from './openai-rai-policy-asynchronous-filter.check';
import { armAsset, openAiDeployment, strictRaiPolicy, withProps } from './testing';

const deployment = armAsset(openAiDeployment);

function used(policy: CheckAsset) {
  return run(check, policy, {
    assets: [deployment],
    relations: [{ fromNativeId: deployment.nativeId, kind: 'uses_guardrail', toNativeId: policy.nativeId }],
  });
}

describe(check.id, () => {
  it('passes a blocking policy, naming the deployments that use it', () => {
    expect(used(armAsset(strictRaiPolicy))).toEqual({
      status: 'pass',
      evidence: { 'properties.mode': 'Blocking', usedBy: [deployment.nativeId] },
    });
  });

  it('fails an asynchronous policy, in the current and the older name of the mode', () => {
    for (const mode of ['Asynchronous_filter', 'Deferred']) {
      expect(used(armAsset(withProps(strictRaiPolicy, { mode }))).status, mode).toBe('fail');
    }
  });

  it('is unknown when the policy came back without a mode', () => {
    expect(used(armAsset(withProps(strictRaiPolicy, { mode: undefined })))).toEqual({
      status: 'unknown',
      missing: ['properties.mode'],
    });
  });

  it('does not concern a policy no deployment uses', () => {
    const r = run(check, armAsset(withProps(strictRaiPolicy, { mode: 'Asynchronous_filter' })));
    expect(r.status).toBe('not_applicable');
  });
});
