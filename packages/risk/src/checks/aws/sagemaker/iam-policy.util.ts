/** Reading IAM policy documents as the IAM discoverers store them (decoded and parsed JSON). */
import type { ControlMapping } from '../../../check';

/** Over-privileged roles SageMaker code runs as: least privilege for AI workloads. */
export const EXECUTION_ROLE_CONTROLS: ControlMapping[] = [
  { ref: 'mitre-atlas@5.6.0:AML.M0026', relationship: 'intersects-with' },
  { ref: 'owasp-llm@2025:LLM06', relationship: 'intersects-with' },
  { ref: 'nist-ai-600-1@2024:GAI-2.9', relationship: 'intersects-with' },
  { ref: 'iso-42001@2023:A.4.5', relationship: 'intersects-with' },
  { ref: 'nist-ai-rmf@1.0:MEASURE 2.7', relationship: 'subset-of' },
  { ref: 'eu-ai-act@2024:Art. 15', relationship: 'intersects-with' },
];

type Statement = Record<string, unknown>;

function statements(document: unknown): Statement[] | undefined {
  if (typeof document !== 'object' || document === null) return undefined;
  const s = (document as Record<string, unknown>).Statement;
  if (Array.isArray(s)) return s.filter((x): x is Statement => typeof x === 'object' && x !== null);
  return typeof s === 'object' && s !== null ? [s as Statement] : [];
}

function list(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** `*` or a whole service (`sagemaker:*`); IAM action names are case-insensitive. */
export function isWildcardAction(action: string): boolean {
  return action === '*' || /^[a-z0-9-]+:\*$/i.test(action);
}

/**
 * The wildcard actions (`*`, `service:*`) that Allow statements of a document grant, or undefined when the
 * document is not a parsed policy (the discoverer keeps an unparseable document as its raw text).
 */
export function allowedWildcardActions(document: unknown): string[] | undefined {
  const all = statements(document);
  if (!all) return undefined;
  const found = all
    .filter((s) => s.Effect === 'Allow')
    .flatMap((s) => list(s.Action))
    .filter(isWildcardAction);
  return [...new Set(found)];
}

/** AWS managed policies are named `arn:<partition>:iam::aws:policy/...`; only customer policies are listed. */
export function isAwsManagedPolicyArn(arn: string): boolean {
  return /^arn:aws[a-z-]*:iam::aws:policy\//.test(arn);
}
