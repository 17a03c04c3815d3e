import { defineCheck, has } from '../../../check';
import { at, requireFields } from './sagemaker-fields.util';

/** The role behind an identity: an assumed-role session ARN without its session name. */
function principalOf(arn: unknown): string | undefined {
  if (typeof arn !== 'string' || arn === '') return undefined;
  const m = /^arn:aws[a-z-]*:sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(arn);
  return m ? `role ${m[1]}/${m[2]}` : arn;
}

/** An approval that says of itself that it was automatic (in its description or customer metadata). */
function selfDeclaredAutomatic(a: Record<string, unknown>): string | undefined {
  const description = a.ApprovalDescription;
  if (typeof description === 'string' && /auto[- ]?approv|automatic(ally)? approv/i.test(description)) {
    return 'the approval description says it was automatic';
  }
  const metadata = a.CustomerMetadataProperties;
  if (typeof metadata === 'object' && metadata !== null) {
    for (const [key, value] of Object.entries(metadata)) {
      if (/approv/i.test(key) && typeof value === 'string' && /\bauto|pipeline|\bci\b/i.test(value)) {
        return `CustomerMetadataProperties ${key}=${value}`;
      }
    }
  }
  return undefined;
}

export const sagemakerModelPackageAutoApproved = defineCheck({
  id: 'aws.sagemaker.model_package.auto_approved',
  title: 'SageMaker model version was approved without a human review',
  severity: 'high',
  provider: 'aws',
  assetType: 'aws.sagemaker.model_package',
  rationale:
    'Deployment pipelines release model versions once they are Approved in the registry. A version approved ' +
    'when it was registered, or by the same pipeline identity that built it, reached production without anyone ' +
    'looking at its evaluation, bias metrics or lineage: a poisoned dataset or a tampered training job ships ' +
    'straight to users.',
  reads: [
    'DescribeModelPackage.ModelApprovalStatus',
    'DescribeModelPackage.CreatedBy',
    'DescribeModelPackage.LastModifiedBy',
    'DescribeModelPackage.LastModifiedTime',
    'DescribeModelPackage.ApprovalDescription',
    'DescribeModelPackage.CustomerMetadataProperties',
  ],
  remediation: {
    console:
      'In Studio > Models > Model registry, set the version back to "Pending manual approval" until a reviewer ' +
      'approves it. Register new versions as PendingManualApproval (the RegisterModel step of the pipeline) and ' +
      'allow sagemaker:UpdateModelPackage only to reviewers, never to the build pipeline role.',
    cli:
      'aws sagemaker update-model-package --model-package-arn <arn> --model-approval-status PendingManualApproval ' +
      '--approval-description "Awaiting review"',
    terraform:
      'resource "aws_iam_role_policy" "pipeline_cannot_approve" {\n  role   = aws_iam_role.model_build_pipeline.id\n' +
      '  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n' +
      '      Effect   = "Deny"\n      Action   = ["sagemaker:UpdateModelPackage"]\n' +
      '      Resource = "*"\n    }]\n  })\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0008', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0058', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM03', relationship: 'intersects-with' },
    { ref: 'iso-42001@2023:A.6.2.5', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 14', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MANAGE 1.1', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.7', relationship: 'intersects-with' },
  ],
  evaluate(asset) {
    const unknown = requireFields(asset, 'ModelPackageArn', 'ModelApprovalStatus');
    if (unknown) return unknown;
    const a = asset.attributes;
    if (a.ModelApprovalStatus !== 'Approved') {
      return { status: 'pass', evidence: { ModelApprovalStatus: a.ModelApprovalStatus } };
    }
    const creator = principalOf(at(a, 'CreatedBy.IamIdentity.Arn'));
    const approver = principalOf(at(a, 'LastModifiedBy.IamIdentity.Arn'));
    const evidence = {
      ModelApprovalStatus: a.ModelApprovalStatus,
      'CreatedBy.IamIdentity.Arn': at(a, 'CreatedBy.IamIdentity.Arn') ?? null,
      'LastModifiedBy.IamIdentity.Arn': at(a, 'LastModifiedBy.IamIdentity.Arn') ?? null,
      LastModifiedTime: a.LastModifiedTime ?? null,
      ApprovalDescription: a.ApprovalDescription ?? null,
    };
    const reasons: string[] = [];
    // SageMaker sets LastModifiedTime / LastModifiedBy when a version is updated (UpdateModelPackage) and
    // omits both until then: an Approved version without either was registered as Approved.
    if (!has(a, 'LastModifiedTime') && !has(a, 'LastModifiedBy')) {
      reasons.push('registered as Approved: no approval was recorded after it was created');
    }
    if (approver !== undefined && approver === creator) {
      reasons.push('approved by the identity that registered it');
    }
    const declared = selfDeclaredAutomatic(a);
    if (declared) reasons.push(declared);
    if (reasons.length > 0) return { status: 'fail', evidence: { ...evidence, reasons } };
    if (approver !== undefined) return { status: 'pass', evidence };
    // Updated by someone SageMaker did not record: the approval may or may not have been a review.
    return { status: 'unknown', missing: ['LastModifiedBy.IamIdentity.Arn'] };
  },
});
