import { describe, expect, it } from 'vitest';
import { findControl, frameworks } from './catalogs';

describe('framework catalogs', () => {
  it('resolves version-pinned references to catalog controls', () => {
    expect(findControl('owasp-llm@2025:LLM03')?.title).toBe('Supply Chain');
    expect(findControl('iso-42001@2023:A.2.2')?.title).toBe('AI policy');
    expect(findControl('nist-ai-rmf@1.0:GOVERN 1.1')?.framework).toBe('nist-ai-rmf');
    expect(findControl('mitre-atlas@5.6.0:AML.T0000')?.title).toBe('Search Open Technical Databases');
  });

  it('refuses references to unknown controls or the wrong version', () => {
    expect(findControl('owasp-llm@2023:LLM03')).toBeUndefined();
    expect(findControl('owasp-llm@2025:LLM99')).toBeUndefined();
  });

  it('carries the licence of every catalog and has no duplicate references', () => {
    const refs = frameworks.flatMap((f) => f.controls.map((c) => c.ref));
    expect(new Set(refs).size).toBe(refs.length);
    for (const f of frameworks) {
      expect(f.license.length).toBeGreaterThan(5);
      expect(f.controls.length).toBeGreaterThan(5);
    }
  });
});
