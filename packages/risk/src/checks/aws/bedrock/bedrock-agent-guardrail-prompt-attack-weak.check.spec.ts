import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import {
  agentAsset,
  GUARDRAIL_ARN,
  guardrailAsset,
  guardrailAttributes,
  rel,
  wellConfiguredAgent,
  wellConfiguredGuardrailVersion,
  withContentFilter,
  without,
} from './testing';
import { bedrockAgentGuardrailPromptAttackWeak as check } from './bedrock-agent-guardrail-prompt-attack-weak.check';

const agent = agentAsset();
const edge = rel(agent, 'uses_guardrail', GUARDRAIL_ARN);
const draft = wellConfiguredGuardrailVersion('DRAFT');
const weakV1 = withContentFilter(wellConfiguredGuardrailVersion('1'), 'PROMPT_ATTACK', {
  inputStrength: 'LOW',
  outputStrength: 'NONE',
});

describe(check.id, () => {
  it('passes when the pinned version blocks prompt attacks at HIGH', () => {
    expect(run(check, agent, { assets: [guardrailAsset()], relations: [edge] })).toEqual({
      status: 'pass',
      evidence: { guardrail: GUARDRAIL_ARN, guardrailVersion: '1', PROMPT_ATTACK: { inputStrength: 'HIGH' } },
    });
  });

  it('fails when the pinned version is weak even though the draft is strong', () => {
    const guardrail = guardrailAsset(guardrailAttributes(draft, [weakV1]));
    expect(run(check, agent, { assets: [guardrail], relations: [edge] })).toEqual({
      status: 'fail',
      evidence: { guardrail: GUARDRAIL_ARN, guardrailVersion: '1', PROMPT_ATTACK: { inputStrength: 'LOW' } },
    });
  });

  it('reads the DRAFT when the agent is pinned to it', () => {
    const onDraft = agentAsset({
      ...wellConfiguredAgent,
      guardrailConfiguration: { guardrailIdentifier: 'a1b2c3d4e5f6', guardrailVersion: 'DRAFT' },
    });
    const guardrail = guardrailAsset(
      guardrailAttributes(withContentFilter(draft, 'PROMPT_ATTACK', null), []),
    );
    expect(
      run(check, onDraft, {
        assets: [guardrail],
        relations: [rel(onDraft, 'uses_guardrail', GUARDRAIL_ARN)],
      }),
    ).toMatchObject({ status: 'fail', evidence: { guardrailVersion: 'DRAFT', PROMPT_ATTACK: null } });
  });

  it('is unknown when the guardrail or the pinned version is not in the inventory', () => {
    expect(run(check, agent)).toEqual({
      status: 'unknown',
      missing: ['aws.bedrock.guardrail a1b2c3d4e5f6 version 1 (not in the inventory)'],
    });
    const onlyDraft = guardrailAsset(guardrailAttributes(draft, []));
    expect(run(check, agent, { assets: [onlyDraft], relations: [edge] })).toEqual({
      status: 'unknown',
      missing: [`${GUARDRAIL_ARN}: GetGuardrail version 1`],
    });
  });

  it('does not apply to an agent without a guardrail', () => {
    expect(run(check, agentAsset(without(wellConfiguredAgent, 'guardrailConfiguration'))).status).toBe(
      'not_applicable',
    );
  });
});
