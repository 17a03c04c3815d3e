import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { agentAsset, wellConfiguredAgent, without } from './testing';
import { bedrockAgentNoGuardrail as check } from './bedrock-agent-no-guardrail.check';

describe(check.id, () => {
  it('passes when the agent names a guardrail version', () => {
    expect(run(check, agentAsset())).toEqual({
      status: 'pass',
      evidence: { guardrailConfiguration: { guardrailIdentifier: 'a1b2c3d4e5f6', guardrailVersion: '1' } },
    });
  });

  it('fails when GetAgent returned no guardrailConfiguration', () => {
    expect(run(check, agentAsset(without(wellConfiguredAgent, 'guardrailConfiguration')))).toEqual({
      status: 'fail',
      evidence: { guardrailConfiguration: null },
    });
  });

  it('fails on an empty guardrail identifier', () => {
    const a = agentAsset({ ...wellConfiguredAgent, guardrailConfiguration: { guardrailIdentifier: '' } });
    expect(run(check, a).status).toBe('fail');
  });

  it('is unknown when the agent was not described', () => {
    expect(run(check, { ...agentAsset(), attributes: { agentId: 'AGENT00001' } })).toEqual({
      status: 'unknown',
      missing: ['agentArn'],
    });
  });
});
