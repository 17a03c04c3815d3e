import type { CheckAsset, CheckContext } from '../../check';
import { armProperties, asObject, type Json } from './arm';
import { lookup } from './inventory-index';

export const RAI_POLICY_ASSET_TYPE = 'azure.cognitiveservices.rai_policy';

/** The harm categories whose filters must block at Medium or stricter, on prompts and on completions. */
const HARM_CATEGORIES = ['Hate', 'Sexual', 'Violence', 'Selfharm'] as const;

interface RequiredFilter {
  name: string;
  source: 'Prompt' | 'Completion';
  /** Harm categories have a severity threshold; Jailbreak (Prompt Shields) is on or off. */
  graded: boolean;
}

const REQUIRED: readonly RequiredFilter[] = [
  ...HARM_CATEGORIES.flatMap((name) =>
    (['Prompt', 'Completion'] as const).map((source) => ({ name, source, graded: true })),
  ),
  { name: 'Jailbreak', source: 'Prompt', graded: false },
];

/** `Selfharm`, `SelfHarm` and `self_harm` name the same filter. */
const norm = (s: unknown) => (typeof s === 'string' ? s.toLowerCase().replace(/[^a-z]/g, '') : '');

export interface FilterAssessment {
  /** The required filters that are off, not blocking or only block High severity, as returned. */
  weak: Json[];
  /** Required filters (or their members) the policy and its base policy did not return. */
  missing: string[];
  /** Every required filter found, as returned (evidence of a pass). */
  checked: Json[];
}

/**
 * The RAI policy of a model deployment: the target of its `uses_guardrail` relation or, when the graph holds
 * no edge, the account's policy named by `raiPolicyName`. Undefined when it is not in the inventory.
 */
export function deploymentPolicy(
  deployment: CheckAsset,
  ctx: CheckContext,
  policyName: string,
): { policy: CheckAsset | undefined; policyId: string } {
  const policyId =
    ctx.outgoingIds('uses_guardrail')[0] ??
    deployment.nativeId.replace(/\/deployments\/[^/]+$/i, `/raiPolicies/${policyName}`);
  const policy = ctx.outgoing('uses_guardrail')[0] ?? policyById(ctx, policyId);
  return { policy, policyId };
}

const byId = (a: CheckAsset) => [a.nativeId.toLowerCase()];

function policyById(ctx: CheckContext, id: string): CheckAsset | undefined {
  return lookup(ctx.inAccount(RAI_POLICY_ASSET_TYPE), byId, id.toLowerCase())[0];
}

/**
 * Reads the required filters of a content filter (RAI) policy. A filter the policy does not list is looked up
 * in its base policy (`basePolicyName`, a sibling policy of the same account) when that is inventoried; one
 * found in neither is missing, never assumed on or off.
 */
export function assessFilters(policy: CheckAsset, ctx: CheckContext): FilterAssessment {
  const label = `raiPolicies/${policy.name}`;
  const own = filtersOf(policy);
  if (!own) return { weak: [], missing: [`${label}.properties.contentFilters`], checked: [] };
  const baseName = armProperties(policy)?.basePolicyName;
  const base =
    typeof baseName === 'string' && baseName !== '' && baseName !== policy.name
      ? policyById(ctx, policy.nativeId.replace(/\/raiPolicies\/[^/]+$/i, `/raiPolicies/${baseName}`))
      : undefined;
  const inherited = base ? (filtersOf(base) ?? []) : [];

  const result: FilterAssessment = { weak: [], missing: [], checked: [] };
  for (const req of REQUIRED) {
    const matches = (f: Json) => norm(f.name) === norm(req.name) && norm(f.source) === norm(req.source);
    const entry = own.find(matches) ?? inherited.find(matches);
    const at = `${label}.properties.contentFilters[${req.name}/${req.source}]`;
    if (!entry) {
      result.missing.push(at);
      continue;
    }
    const shown = { name: entry.name, source: entry.source, ...pick(entry) };
    result.checked.push(shown);
    const weak =
      entry.enabled === false ||
      entry.blocking === false ||
      (req.graded && norm(entry.severityThreshold) === 'high');
    if (weak) {
      result.weak.push(shown);
      continue;
    }
    for (const member of req.graded
      ? ['enabled', 'blocking', 'severityThreshold']
      : ['enabled', 'blocking']) {
      if (entry[member] === undefined) result.missing.push(`${at}.${member}`);
    }
  }
  return result;
}

function filtersOf(policy: CheckAsset): Json[] | undefined {
  const list = armProperties(policy)?.contentFilters;
  if (!Array.isArray(list)) return undefined;
  return list.map(asObject).filter((f): f is Json => f !== undefined);
}

function pick(entry: Json): Json {
  const out: Json = {};
  for (const k of ['enabled', 'blocking', 'severityThreshold']) if (entry[k] !== undefined) out[k] = entry[k];
  return out;
}
