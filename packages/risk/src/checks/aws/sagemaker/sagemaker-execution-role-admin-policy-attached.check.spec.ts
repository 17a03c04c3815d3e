import { describe, expect, it } from 'vitest';
import { run } from '../../../testing';
import { sagemakerExecutionRoleAdminPolicyAttached as check } from './sagemaker-execution-role-admin-policy-attached.check';
import {
  SCOPED_POLICY_ARN,
  TRAINING_JOB_ARN,
  roleAsset,
  roleGraph,
  wellScopedRole,
  without,
} from './testing';

const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const withPolicies = (...arns: string[]) => roleAsset({ ...wellScopedRole, AttachedPolicyArns: arns });

describe(check.id, () => {
  it('passes for a role without administrator policies', () => {
    expect(run(check, roleAsset(wellScopedRole), roleGraph())).toEqual({
      status: 'pass',
      evidence: { AttachedPolicyArns: [SCOPED_POLICY_ARN], usedBy: [TRAINING_JOB_ARN] },
    });
  });

  it('fails when AdministratorAccess is attached', () => {
    expect(run(check, withPolicies(SCOPED_POLICY_ARN, ADMIN), roleGraph())).toEqual({
      status: 'fail',
      evidence: { adminPolicies: [ADMIN], usedBy: [TRAINING_JOB_ARN] },
    });
    expect(run(check, withPolicies('arn:aws:iam::aws:policy/IAMFullAccess'), roleGraph()).status).toBe(
      'fail',
    );
  });

  it('does not count a customer policy that happens to share the name', () => {
    const lookalike = 'arn:aws:iam::123456789012:policy/AdministratorAccess';
    expect(run(check, withPolicies(lookalike), roleGraph()).status).toBe('pass');
  });

  it('does not apply to a role no SageMaker resource uses', () => {
    expect(run(check, withPolicies(ADMIN)).status).toBe('not_applicable');
  });

  it('is unknown when the attached policies were not listed', () => {
    expect(run(check, roleAsset(without(wellScopedRole, 'AttachedPolicyArns')), roleGraph())).toEqual({
      status: 'unknown',
      missing: ['AttachedPolicyArns'],
    });
  });
});
