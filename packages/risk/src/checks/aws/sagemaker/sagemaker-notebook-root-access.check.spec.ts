import { describe, expect, it } from 'vitest';
import { notebookAsset, run, wellConfiguredNotebook } from '../../../testing';
import { sagemakerNotebookRootAccess as check } from './sagemaker-notebook-root-access.check';

describe(check.id, () => {
  it('passes when root access is disabled', () => {
    expect(run(check, notebookAsset(wellConfiguredNotebook))).toEqual({
      status: 'pass',
      evidence: { RootAccess: 'Disabled' },
    });
  });

  it('fails when root access is enabled', () => {
    const r = run(check, notebookAsset({ ...wellConfiguredNotebook, RootAccess: 'Enabled' }));
    expect(r).toEqual({ status: 'fail', evidence: { RootAccess: 'Enabled' } });
  });

  it('is unknown, not failed, when RootAccess was not returned even though AWS defaults it to Enabled', () => {
    const { RootAccess: _omitted, ...rest } = wellConfiguredNotebook;
    expect(run(check, notebookAsset(rest))).toEqual({ status: 'unknown', missing: ['RootAccess'] });
  });
});
