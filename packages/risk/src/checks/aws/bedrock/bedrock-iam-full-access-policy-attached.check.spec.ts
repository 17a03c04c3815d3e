import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { policyAsset, rel, roleAsset } from './testing';
import { bedrockIamFullAccessPolicyAttached as check } from './bedrock-iam-full-access-policy-attached.check';

const FULL = 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess';
const invokeOne = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
      Resource: 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0',
    },
  ],
};
const wildcard = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'All', Effect: 'Allow', Action: 'Bedrock:*', Resource: '*' }],
};

function roleWith(policy: ReturnType<typeof policyAsset>, extra: Record<string, unknown> = {}) {
  const role = roleAsset('AmazonBedrockExecutionRoleForAgents_X', {
    AttachedPolicyArns: [policy.nativeId, 'arn:aws:iam::aws:policy/SecurityAudit'],
    ...extra,
  });
  return { role, graph: { assets: [policy], relations: [rel(role, 'attached_policy', policy.nativeId)] } };
}

describe(check.id, () => {
  it('passes for a role scoped to one model, ignoring other AWS managed policies', () => {
    const { role, graph } = roleWith(policyAsset('BedrockInvokeClaude', invokeOne), {
      InlinePolicies: [{ PolicyName: 'logs', PolicyDocument: invokeOne }],
    });
    expect(run(check, role, graph)).toEqual({
      status: 'pass',
      evidence: {
        AttachedPolicyArns: [
          'arn:aws:iam::123456789012:policy/BedrockInvokeClaude',
          'arn:aws:iam::aws:policy/SecurityAudit',
        ],
        InlinePolicies: ['logs'],
      },
    });
  });

  it('fails with AmazonBedrockFullAccess attached', () => {
    const role = roleAsset('AmazonBedrockExecutionRoleForAgents_X', { AttachedPolicyArns: [FULL] });
    expect(run(check, role)).toEqual({ status: 'fail', evidence: { grants: [{ policyArn: FULL }] } });
  });

  it('fails on bedrock:* in a customer managed policy', () => {
    const { role, graph } = roleWith(policyAsset('BedrockEverything', wildcard));
    expect(run(check, role, graph)).toEqual({
      status: 'fail',
      evidence: {
        grants: [
          { policyArn: 'arn:aws:iam::123456789012:policy/BedrockEverything', statements: wildcard.Statement },
        ],
      },
    });
  });

  it('fails on bedrock:* in an inline policy given as a single statement object', () => {
    const statement = { Effect: 'Allow', Action: ['s3:GetObject', 'bedrock:*'], Resource: '*' };
    const role = roleAsset('r', {
      InlinePolicies: [
        { PolicyName: 'temp', PolicyDocument: { Version: '2012-10-17', Statement: statement } },
      ],
    });
    expect(run(check, role)).toEqual({
      status: 'fail',
      evidence: { grants: [{ inlinePolicy: 'temp', statements: [statement] }] },
    });
  });

  it('does not count a Deny of bedrock:* or a narrower wildcard', () => {
    const role = roleAsset('r', {
      InlinePolicies: [
        {
          PolicyName: 'guard',
          PolicyDocument: {
            Statement: [
              { Effect: 'Deny', Action: 'bedrock:*', Resource: '*' },
              { Effect: 'Allow', Action: 'bedrock:Invoke*', Resource: '*' },
            ],
          },
        },
      ],
    });
    expect(run(check, role).status).toBe('pass');
  });

  it('is unknown when an attached customer policy or an inline document is not in the inventory', () => {
    const arn = 'arn:aws:iam::123456789012:policy/Unlisted';
    const role = roleAsset('r', { AttachedPolicyArns: [arn] });
    expect(run(check, role, { relations: [rel(role, 'attached_policy', arn)] })).toEqual({
      status: 'unknown',
      missing: [`aws.iam.policy ${arn} (not in the inventory)`],
    });
    const inline = roleAsset('r', { InlinePolicies: [{ PolicyName: 'p' }] });
    expect(run(check, inline)).toEqual({ status: 'unknown', missing: ['r/p: GetRolePolicy.PolicyDocument'] });
  });

  it('is unknown when the role was not fully described', () => {
    const { AttachedPolicyArns: _a, InlinePolicies: _i, ...rest } = roleAsset('r').attributes;
    expect(run(check, { ...roleAsset('r'), attributes: rest })).toEqual({
      status: 'unknown',
      missing: ['AttachedPolicyArns', 'InlinePolicies'],
    });
  });
});
