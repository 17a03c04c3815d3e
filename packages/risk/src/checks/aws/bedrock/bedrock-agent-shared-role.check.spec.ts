import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import {
  AGENT_ROLE_ARN,
  agentAsset,
  KNOWLEDGE_BASE_ARN,
  rel,
  roleAsset,
  wellConfiguredAgent,
  without,
} from './testing';
import { testAsset } from '../../../testing';
import { bedrockAgentSharedRole as check } from './bedrock-agent-shared-role.check';

const agent = agentAsset();
const role = roleAsset('AmazonBedrockExecutionRoleForAgents_SUPPORT01');
const other = agentAsset(wellConfiguredAgent, 'arn:aws:bedrock:eu-west-1:123456789012:agent/AGENT00002');
const kb = testAsset({
  provider: 'aws',
  assetType: 'aws.bedrock.knowledge_base',
  nativeId: KNOWLEDGE_BASE_ARN,
});

describe(check.id, () => {
  it('passes when only this agent uses its role', () => {
    expect(
      run(check, agent, { assets: [role], relations: [rel(agent, 'uses_role', AGENT_ROLE_ARN)] }),
    ).toEqual({
      status: 'pass',
      evidence: { agentResourceRoleArn: AGENT_ROLE_ARN, sharedWith: [] },
    });
  });

  it('fails when another agent (any region) or a knowledge base uses the same role', () => {
    const r = run(check, agent, {
      assets: [role, other, kb],
      relations: [
        rel(agent, 'uses_role', AGENT_ROLE_ARN),
        rel(other, 'uses_role', AGENT_ROLE_ARN),
        rel(kb, 'uses_role', AGENT_ROLE_ARN),
      ],
    });
    expect(r).toEqual({
      status: 'fail',
      evidence: {
        agentResourceRoleArn: AGENT_ROLE_ARN,
        sharedWith: [
          { assetType: 'aws.bedrock.agent', nativeId: other.nativeId, name: 'AGENT00002' },
          { assetType: 'aws.bedrock.knowledge_base', nativeId: KNOWLEDGE_BASE_ARN, name: 'KB00000001' },
        ],
      },
    });
  });

  it('is unknown when the role is not in the inventory', () => {
    expect(run(check, agent, { relations: [rel(agent, 'uses_role', AGENT_ROLE_ARN)] })).toEqual({
      status: 'unknown',
      missing: [`aws.iam.role ${AGENT_ROLE_ARN} (not in the inventory)`],
    });
  });

  it('is unknown when GetAgent returned no role', () => {
    expect(run(check, agentAsset(without(wellConfiguredAgent, 'agentResourceRoleArn')))).toEqual({
      status: 'unknown',
      missing: ['agentResourceRoleArn'],
    });
  });
});
