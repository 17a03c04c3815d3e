import { describe, expect, it } from 'vitest';
import { riskContext, riskScore } from './scoring';
import { notebookAsset, wellConfiguredNotebook } from './testing';

describe('risk scoring', () => {
  it('ranks the same failure higher on an exposed running notebook than on a stopped private one', () => {
    const exposed = riskContext(
      notebookAsset({
        ...wellConfiguredNotebook,
        DirectInternetAccess: 'Enabled',
        NotebookInstanceStatus: 'InService',
      }),
    );
    const stopped = riskContext(
      notebookAsset({ ...wellConfiguredNotebook, NotebookInstanceStatus: 'Stopped' }),
    );
    expect(exposed).toEqual({ internetExposed: true, running: true });
    expect(stopped).toEqual({ internetExposed: false, running: false });
    expect(riskScore('medium', exposed)).toBe(65);
    expect(riskScore('medium', stopped)).toBe(35);
  });

  it('keeps the severity order whatever the context', () => {
    const ctx = { internetExposed: null, running: null };
    expect(riskScore('critical', ctx)).toBeGreaterThan(riskScore('high', ctx));
    expect(riskScore('high', ctx)).toBeGreaterThan(riskScore('medium', ctx));
    expect(riskScore('low', ctx)).toBeGreaterThan(riskScore('info', ctx));
  });

  it('treats missing context as unknown, not as safe', () => {
    expect(riskContext(notebookAsset({}))).toEqual({ internetExposed: null, running: null });
    expect(riskScore('critical', { internetExposed: true, running: true })).toBe(100);
  });
});
