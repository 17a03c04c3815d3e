import { describe, expect, it } from 'vitest';
import type { CheckAsset } from '../../check';
import { run } from '../../testing';
import type { Json } from './arm';
import { openAiDeploymentContentFilterWeak as check } from './openai-deployment-content-filter-weak.check';
import { armAsset, contentFilter, openAiDeployment, strictRaiPolicy, withProps } from './testing';

const deployment = armAsset(openAiDeployment);
const policyId = String(strictRaiPolicy.id);

/** The strict policy with its filters passed through `change`. */
function policyWith(change: (filters: Json[]) => Json[], extra: Json = {}): CheckAsset {
  const filters = (strictRaiPolicy.properties as { contentFilters: Json[] }).contentFilters;
  return armAsset(withProps(strictRaiPolicy, { contentFilters: change(filters), ...extra }));
}

function evaluate(policies: CheckAsset[], dep: CheckAsset = deployment) {
  return run(check, dep, {
    assets: policies,
    relations: [{ fromNativeId: dep.nativeId, kind: 'uses_guardrail', toNativeId: policyId }],
  });
}

const isFilter = (name: string, source: string) => (f: Json) => f.name === name && f.source === source;

describe(check.id, () => {
  it('passes when every harm filter blocks at Medium or stricter and Jailbreak blocks', () => {
    const r = evaluate([armAsset(strictRaiPolicy)]);
    expect(r).toMatchObject({
      status: 'pass',
      evidence: { 'properties.raiPolicyName': 'strict-filter', raiPolicy: policyId },
    });
    expect(r.status === 'pass' && (r.evidence.contentFilters as Json[])).toHaveLength(9);
  });

  it('finds the policy by raiPolicyName when the graph holds no edge to it', () => {
    expect(run(check, deployment, { assets: [armAsset(strictRaiPolicy)] }).status).toBe('pass');
  });

  it('fails when a completion filter is disabled, naming it', () => {
    const policy = policyWith((fs) =>
      fs.map((f) => (isFilter('Hate', 'Completion')(f) ? { ...f, enabled: false, blocking: false } : f)),
    );
    expect(evaluate([policy])).toEqual({
      status: 'fail',
      evidence: {
        'properties.raiPolicyName': 'strict-filter',
        raiPolicy: policyId,
        weakFilters: [
          { name: 'Hate', source: 'Completion', enabled: false, blocking: false, severityThreshold: 'Low' },
        ],
      },
    });
  });

  it('fails when a filter only blocks High severity or only annotates', () => {
    const high = policyWith((fs) =>
      fs.map((f) => (isFilter('Sexual', 'Prompt')(f) ? { ...f, severityThreshold: 'High' } : f)),
    );
    expect(evaluate([high]).status).toBe('fail');
    const annotateOnly = policyWith((fs) =>
      fs.map((f) => (isFilter('Violence', 'Prompt')(f) ? { ...f, blocking: false } : f)),
    );
    expect(evaluate([annotateOnly]).status).toBe('fail');
  });

  it('fails when the Jailbreak filter is off', () => {
    const policy = policyWith((fs) =>
      fs.map((f) => (f.name === 'Jailbreak' ? { ...f, enabled: false, blocking: false } : f)),
    );
    const r = evaluate([policy]);
    expect(r.status === 'fail' && r.evidence.weakFilters).toEqual([
      { name: 'Jailbreak', source: 'Prompt', enabled: false, blocking: false },
    ]);
  });

  it('reads a filter the policy does not list from its base policy in the inventory', () => {
    const withoutJailbreak = policyWith((fs) => fs.filter((f) => f.name !== 'Jailbreak'));
    const base = armAsset({
      ...strictRaiPolicy,
      id: policyId.replace('strict-filter', 'Microsoft.DefaultV2'),
      name: 'Microsoft.DefaultV2',
      properties: {
        type: 'SystemManaged',
        mode: 'Blocking',
        contentFilters: [{ ...contentFilter('Jailbreak', 'Prompt', null), enabled: false, blocking: false }],
      },
    });
    expect(evaluate([withoutJailbreak, base]).status).toBe('fail');
    expect(evaluate([withoutJailbreak])).toEqual({
      status: 'unknown',
      missing: ['raiPolicies/strict-filter.properties.contentFilters[Jailbreak/Prompt]'],
    });
  });

  it('is unknown when a filter entry does not say whether it blocks', () => {
    const policy = policyWith((fs) =>
      fs.map((f) => (isFilter('Selfharm', 'Completion')(f) ? { ...f, blocking: undefined } : f)),
    );
    expect(evaluate([policy])).toEqual({
      status: 'unknown',
      missing: ['raiPolicies/strict-filter.properties.contentFilters[Selfharm/Completion].blocking'],
    });
  });

  it('is unknown when the named policy is not in the inventory', () => {
    expect(evaluate([])).toEqual({ status: 'unknown', missing: [policyId] });
  });

  it('is unknown when the deployment names no policy', () => {
    const dep = armAsset(withProps(openAiDeployment, { raiPolicyName: undefined }));
    expect(run(check, dep, { assets: [armAsset(strictRaiPolicy)] })).toEqual({
      status: 'unknown',
      missing: ['properties.raiPolicyName'],
    });
  });
});
