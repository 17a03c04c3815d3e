import { describe, expect, it } from 'vitest';
import { notebookAsset, wellConfiguredNotebook } from '../../testing';
import { sagemakerNotebookRootAccess as check } from './sagemaker-notebook-root-access.check';

describe(check.id, () => {
  it('passes when root access is disabled', () => {
    expect(check.evaluate(notebookAsset(wellConfiguredNotebook))).toEqual({
      status: 'pass',
      evidence: { RootAccess: 'Disabled' },
    });
  });

  it('fails when root access is enabled', () => {
    const r = check.evaluate(notebookAsset({ ...wellConfiguredNotebook, RootAccess: 'Enabled' }));
    expect(r).toEqual({ status: 'fail', evidence: { RootAccess: 'Enabled' } });
  });

  it('is unknown, not failed, when RootAccess was not returned even though AWS defaults it to Enabled', () => {
    const { RootAccess: _omitted, ...rest } = wellConfiguredNotebook;
    expect(check.evaluate(notebookAsset(rest))).toEqual({ status: 'unknown', missing: ['RootAccess'] });
  });
});
