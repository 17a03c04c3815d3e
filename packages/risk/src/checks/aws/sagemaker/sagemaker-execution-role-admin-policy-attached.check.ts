import { defineCheck, has } from '../../../check';
import { EXECUTION_ROLE_CONTROLS } from './iam-policy.util';
import { sagemakerUsersOf } from './sagemaker-fields.util';

/** AWS managed policies that amount to administrator rights, or to the power to grant them. */
const ADMIN_EQUIVALENT = new Set(['AdministratorAccess', 'PowerUserAccess', 'IAMFullAccess']);

export const sagemakerExecutionRoleAdminPolicyAttached = defineCheck({
  id: 'aws.sagemaker.execution_role.admin_policy_attached',
  title: 'IAM role used by SageMaker has an administrator policy attached',
  severity: 'critical',
  provider: 'aws',
  assetType: 'aws.iam.role',
  rationale:
    'AdministratorAccess, PowerUserAccess or IAMFullAccess on a role SageMaker runs as makes every notebook ' +
    'user, training script and model container an account administrator (or able to become one). One ' +
    'poisoned package or compromised notebook is then a full account takeover.',
  reads: ['ListAttachedRolePolicies.AttachedPolicies'],
  remediation: {
    console:
      'In IAM open the role, detach the administrator policy, and attach a policy scoped to the buckets, keys ' +
      'and SageMaker actions the workload uses (IAM Access Analyzer can generate one from CloudTrail).',
    cli: 'aws iam detach-role-policy --role-name <role> --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
    terraform:
      'resource "aws_iam_role_policy_attachment" "sagemaker" {\n  role       = aws_iam_role.sagemaker.name\n' +
      '  policy_arn = aws_iam_policy.sagemaker_scoped.arn # not AdministratorAccess\n}',
  },
  controls: EXECUTION_ROLE_CONTROLS,
  evaluate(asset, ctx) {
    const using = sagemakerUsersOf(ctx);
    if ('verdict' in using) return using.verdict;
    const a = asset.attributes;
    if (!has(a, 'AttachedPolicyArns') || !Array.isArray(a.AttachedPolicyArns)) {
      return { status: 'unknown', missing: ['AttachedPolicyArns'] };
    }
    const arns = a.AttachedPolicyArns.filter((x): x is string => typeof x === 'string');
    const admin = arns.filter((arn) => {
      const m = /^arn:aws[a-z-]*:iam::aws:policy\/(.+)$/.exec(arn);
      return m !== null && ADMIN_EQUIVALENT.has(m[1]!);
    });
    const usedBy = using.users.map((u) => u.nativeId);
    return admin.length > 0
      ? { status: 'fail', evidence: { adminPolicies: admin, usedBy } }
      : { status: 'pass', evidence: { AttachedPolicyArns: arns, usedBy } };
  },
});
