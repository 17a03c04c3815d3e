import { describe, expect, it } from 'vitest';
import { findControl, frameworks, mappingProblems } from '@aispm/compliance';
import { checks } from '@aispm/risk';

// The mappings live on the checks (packages/risk) and the catalogs in packages/compliance; the API is where
// both meet, so the completeness rule is enforced here over the real registry.
describe('check-to-control mappings of the registry', () => {
  it('resolves every reference to a catalog control and reaches all six built-in frameworks from every check', () => {
    expect(frameworks.map((f) => f.key)).toEqual([
      'owasp-llm',
      'mitre-atlas',
      'nist-ai-rmf',
      'nist-ai-600-1',
      'iso-42001',
      'eu-ai-act',
    ]);
    expect(mappingProblems(checks)).toEqual([]);
  });

  it('uses MITRE ATLAS mitigations or techniques, not tactics', () => {
    for (const check of checks)
      for (const m of check.controls.filter((c) => c.ref.startsWith('mitre-atlas@')))
        expect(findControl(m.ref)?.id, `${check.id} -> ${m.ref}`).toMatch(/^AML\.[MT]\d{4}/);
  });
});
