import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { agentAsset, kmsKeyArn, wellConfiguredAgent, without } from './testing';
import { bedrockAgentNoCmk as check } from './bedrock-agent-no-cmk.check';

describe(check.id, () => {
  it('passes with a customer managed key', () => {
    expect(run(check, agentAsset())).toEqual({
      status: 'pass',
      evidence: { customerEncryptionKeyArn: kmsKeyArn() },
    });
  });

  it('fails when GetAgent returned no customerEncryptionKeyArn', () => {
    expect(run(check, agentAsset(without(wellConfiguredAgent, 'customerEncryptionKeyArn')))).toEqual({
      status: 'fail',
      evidence: { customerEncryptionKeyArn: null },
    });
  });

  it('is unknown when the agent was not described', () => {
    expect(run(check, { ...agentAsset(), attributes: { agentName: 'x' } })).toEqual({
      status: 'unknown',
      missing: ['agentArn'],
    });
  });
});
