import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { sagemakerExecutionRoleWildcardActions as check } from './sagemaker-execution-role-wildcard-actions.check';
import {
  ROLE_ARN,
  SCOPED_POLICY_ARN,
  TRAINING_JOB_ARN,
  customerPolicyAsset,
  policyDoc,
  roleAsset,
  roleGraph,
  wellScopedRole,
  without,
} from './testing';

const role = roleAsset(wellScopedRole);
const wildcardPolicy = customerPolicyAsset(SCOPED_POLICY_ARN, [
  { Effect: 'Allow', Action: 'sagemaker:*', Resource: '*' },
  { Effect: 'Deny', Action: '*', Resource: 'arn:aws:s3:::audit/*' },
]);

describe(check.id, () => {
  it('passes for a role whose customer policies are scoped', () => {
    expect(run(check, role, roleGraph())).toEqual({
      status: 'pass',
      evidence: { customerPolicies: [SCOPED_POLICY_ARN], usedBy: [TRAINING_JOB_ARN] },
    });
  });

  it('fails on an attached customer policy allowing a whole service (Deny wildcards do not count)', () => {
    expect(run(check, role, roleGraph([wildcardPolicy]))).toEqual({
      status: 'fail',
      evidence: {
        wildcards: [{ policy: SCOPED_POLICY_ARN, actions: ['sagemaker:*'] }],
        usedBy: [TRAINING_JOB_ARN],
      },
    });
  });

  it('fails on an inline policy allowing "*"', () => {
    const inline = roleAsset({
      ...wellScopedRole,
      InlinePolicies: [
        {
          PolicyName: 'allow-everything-temp',
          PolicyDocument: policyDoc([{ Effect: 'Allow', Action: ['*'], Resource: '*' }]),
        },
      ],
    });
    const r = run(check, inline, roleGraph());
    expect(r.status === 'fail' && r.evidence.wildcards).toEqual([
      { inlinePolicy: 'allow-everything-temp', actions: ['*'] },
    ]);
  });

  it('leaves AWS managed policies to another check', () => {
    const managed = 'arn:aws:iam::aws:policy/AmazonSageMakerFullAccess';
    const graph = roleGraph();
    graph.relations.push({ fromNativeId: ROLE_ARN, kind: 'attached_policy', toNativeId: managed });
    expect(run(check, role, graph).status).toBe('pass');
  });

  it('does not apply to a role no SageMaker resource uses', () => {
    const bedrockAgent = { ...roleGraph().assets[1]!, assetType: 'aws.bedrock.agent' };
    expect(run(check, role, roleGraph([], [bedrockAgent])).status).toBe('not_applicable');
    expect(run(check, role).status).toBe('not_applicable');
  });

  it('is unknown when an attached customer policy or the inline policies were not read', () => {
    const graph = roleGraph([]);
    graph.relations.push({ fromNativeId: ROLE_ARN, kind: 'attached_policy', toNativeId: SCOPED_POLICY_ARN });
    expect(run(check, role, graph)).toEqual({
      status: 'unknown',
      missing: [`aws.iam.policy ${SCOPED_POLICY_ARN}`],
    });
    expect(run(check, roleAsset(without(wellScopedRole, 'InlinePolicies')), roleGraph())).toEqual({
      status: 'unknown',
      missing: ['InlinePolicies'],
    });
  });
});
