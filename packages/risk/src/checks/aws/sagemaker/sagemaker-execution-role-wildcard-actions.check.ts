import { defineCheck, has, type Evidence } from '../../../check';
import { allowedWildcardActions, EXECUTION_ROLE_CONTROLS, isAwsManagedPolicyArn } from './iam-policy.util';
import { asRecords, at, sagemakerUsersOf } from './sagemaker-fields.util';

export const sagemakerExecutionRoleWildcardActions = defineCheck({
  id: 'aws.sagemaker.execution_role.wildcard_actions',
  title: 'IAM role used by SageMaker allows wildcard actions',
  severity: 'high',
  provider: 'aws',
  assetType: 'aws.iam.role',
  rationale:
    'SageMaker hands the execution role credentials to the code it runs: notebook users, training scripts, ' +
    'third-party containers and models. A policy of the role that allows "*" or a whole service ("s3:*", ' +
    '"iam:*") gives all of that code every action of the service on every resource, so one malicious ' +
    'dependency or notebook user can read all data, delete resources or escalate privileges.',
  reads: [
    'GetRolePolicy.PolicyDocument',
    'ListAttachedRolePolicies.AttachedPolicies',
    'GetPolicyVersion.PolicyVersion.Document',
  ],
  remediation: {
    console:
      'In IAM open the role, and in each customer managed or inline policy that allows "*" or "<service>:*", ' +
      'replace the wildcard with the actions the SageMaker workload needs, on the resources it needs (use IAM ' +
      "Access Analyzer to generate a policy from the role's CloudTrail activity).",
    cli:
      'aws iam put-role-policy --role-name <role> --policy-name <policy> --policy-document file://scoped.json && ' +
      'aws iam create-policy-version --policy-arn <policy-arn> --policy-document file://scoped.json --set-as-default',
    terraform:
      'data "aws_iam_policy_document" "sagemaker" {\n  statement {\n' +
      '    actions   = ["s3:GetObject", "s3:ListBucket"]\n' +
      '    resources = [aws_s3_bucket.training.arn, "${aws_s3_bucket.training.arn}/*"]\n  }\n}\n' +
      'resource "aws_iam_role_policy" "sagemaker" {\n  role   = aws_iam_role.sagemaker.id\n' +
      '  policy = data.aws_iam_policy_document.sagemaker.json\n}',
  },
  controls: EXECUTION_ROLE_CONTROLS,
  evaluate(asset, ctx) {
    const using = sagemakerUsersOf(ctx);
    if ('verdict' in using) return using.verdict;
    const a = asset.attributes;
    const missing: string[] = [];
    const wildcards: Evidence[] = [];

    if (!has(a, 'InlinePolicies')) missing.push('InlinePolicies');
    for (const p of asRecords(a.InlinePolicies)) {
      const actions = allowedWildcardActions(p.PolicyDocument);
      if (actions === undefined) missing.push(`InlinePolicies[${String(p.PolicyName)}].PolicyDocument`);
      else if (actions.length > 0) wildcards.push({ inlinePolicy: p.PolicyName, actions });
    }

    // AWS managed policies are not the customer's to scope; their risk is another check's.
    const attached = ctx.outgoingIds('attached_policy').filter((arn) => !isAwsManagedPolicyArn(arn));
    const policies = ctx.outgoing('attached_policy');
    for (const arn of attached) {
      const policy = policies.find((p) => p.nativeId === arn);
      if (!policy) {
        missing.push(`aws.iam.policy ${arn}`);
        continue;
      }
      const actions = allowedWildcardActions(at(policy.attributes, 'DefaultVersion.Document'));
      if (actions === undefined) missing.push(`${arn} DefaultVersion.Document`);
      else if (actions.length > 0) wildcards.push({ policy: arn, actions });
    }

    const usedBy = using.users.map((u) => u.nativeId);
    if (wildcards.length > 0) return { status: 'fail', evidence: { wildcards, usedBy } };
    if (missing.length > 0) return { status: 'unknown', missing };
    return { status: 'pass', evidence: { customerPolicies: attached, usedBy } };
  },
});
