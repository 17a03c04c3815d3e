import { defineCheck, has, type CheckResult } from '../../../check';
import { isRecord } from './attributes';
import { notInInventory, related } from './neighbours';

const FULL_ACCESS = /^arn:aws[a-z-]*:iam::aws:policy\/AmazonBedrockFullAccess$/;
const AWS_MANAGED = /^arn:aws[a-z-]*:iam::aws:policy\//;

/** `bedrock:*` (any case, any run of `*`): every Bedrock action. */
function allBedrockActions(action: unknown): boolean {
  if (typeof action !== 'string') return false;
  const [service, name, ...rest] = action.split(':');
  return rest.length === 0 && service?.toLowerCase() === 'bedrock' && /^\*+$/.test(name ?? '');
}

/**
 * The Allow statements of a parsed policy document that grant every Bedrock action; undefined when the
 * document is not a readable policy (not stored, or not JSON).
 */
function bedrockWildcardStatements(document: unknown): Record<string, unknown>[] | undefined {
  if (!isRecord(document)) return undefined;
  const raw = document.Statement;
  const statements = Array.isArray(raw) ? raw.filter(isRecord) : isRecord(raw) ? [raw] : undefined;
  return statements?.filter((s) => {
    const actions = Array.isArray(s.Action) ? s.Action : [s.Action];
    return s.Effect === 'Allow' && actions.some(allBedrockActions);
  });
}

export const bedrockIamFullAccessPolicyAttached = defineCheck({
  id: 'aws.bedrock.iam.full_access_policy_attached',
  title: 'IAM role has full Amazon Bedrock access (AmazonBedrockFullAccess or bedrock:*)',
  severity: 'high',
  provider: 'aws',
  assetType: 'aws.iam.role',
  rationale:
    'bedrock:* lets whoever acts as the role invoke every model at your cost, read and change agents and ' +
    'knowledge bases, delete or weaken guardrails, turn off model invocation logging and create or delete ' +
    'custom models. An agent or application running as this role needs a handful of those actions; a prompt ' +
    'injection or a stolen session gets all of them. Full wildcards ("*") are the subject of the wildcard ' +
    'action checks; AWS managed policies other than AmazonBedrockFullAccess are not read.',
  reads: [
    'ListAttachedRolePolicies.AttachedPolicies.PolicyArn',
    'GetRolePolicy.PolicyDocument',
    'GetPolicyVersion.PolicyVersion.Document',
  ],
  remediation: {
    console:
      'IAM console > Roles > this role > Permissions: detach AmazonBedrockFullAccess and replace bedrock:* in ' +
      'inline and customer managed policies with the actions the role uses (for an agent: bedrock:InvokeModel ' +
      'on its model, bedrock:Retrieve on its knowledge bases, bedrock:ApplyGuardrail on its guardrail), on ' +
      "those resources only. IAM Access Analyzer can generate a policy from the role's CloudTrail activity.",
    cli:
      'aws iam detach-role-policy --role-name <role> --policy-arn arn:aws:iam::aws:policy/AmazonBedrockFullAccess\n' +
      'aws iam put-role-policy --role-name <role> --policy-name bedrock-scoped --policy-document ' +
      'file://bedrock-least-privilege.json',
    terraform:
      'data "aws_iam_policy_document" "bedrock_scoped" {\n  statement {\n' +
      '    actions   = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]\n' +
      '    resources = [var.model_arn]\n  }\n}\n\nresource "aws_iam_role_policy" "bedrock" {\n' +
      '  role   = aws_iam_role.this.id\n  policy = data.aws_iam_policy_document.bedrock_scoped.json\n}',
  },
  controls: [
    { ref: 'mitre-atlas@5.6.0:AML.M0026', relationship: 'intersects-with' },
    { ref: 'owasp-llm@2025:LLM06', relationship: 'intersects-with' },
    { ref: 'mitre-atlas@5.6.0:AML.T0034', relationship: 'intersects-with' },
    { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
    { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
    { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
    { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
  ],
  evaluate(asset, ctx): CheckResult {
    const a = asset.attributes;
    const absent = ['AttachedPolicyArns', 'InlinePolicies'].filter((f) => !has(a, f));
    if (absent.length > 0) return { status: 'unknown', missing: absent };
    const attached = Array.isArray(a.AttachedPolicyArns) ? a.AttachedPolicyArns.map(String) : [];
    const inline = Array.isArray(a.InlinePolicies) ? a.InlinePolicies.filter(isRecord) : [];
    const grants: Record<string, unknown>[] = [];
    const missing: string[] = [];

    for (const arn of attached) {
      if (FULL_ACCESS.test(arn)) grants.push({ policyArn: arn });
      if (AWS_MANAGED.test(arn)) continue;
      const policy = related(ctx, 'attached_policy', (id) => id === arn).found[0];
      if (!policy) {
        missing.push(notInInventory('aws.iam.policy', arn));
        continue;
      }
      const version = policy.attributes.DefaultVersion;
      const statements = bedrockWildcardStatements(isRecord(version) ? version.Document : undefined);
      if (!statements) missing.push(`${arn}: GetPolicyVersion.PolicyVersion.Document`);
      else if (statements.length > 0) grants.push({ policyArn: arn, statements });
    }
    for (const p of inline) {
      const statements = bedrockWildcardStatements(p.PolicyDocument);
      if (!statements) missing.push(`${asset.name}/${String(p.PolicyName)}: GetRolePolicy.PolicyDocument`);
      else if (statements.length > 0) grants.push({ inlinePolicy: p.PolicyName, statements });
    }

    if (grants.length > 0) return { status: 'fail', evidence: { grants } };
    if (missing.length > 0) return { status: 'unknown', missing };
    return {
      status: 'pass',
      evidence: { AttachedPolicyArns: attached, InlinePolicies: inline.map((p) => p.PolicyName) },
    };
  },
});
