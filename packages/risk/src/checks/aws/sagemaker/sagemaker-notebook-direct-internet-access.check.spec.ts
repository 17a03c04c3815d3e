import { describe, expect, it } from 'vitest';
import { notebookAsset, run, wellConfiguredNotebook } from '../../../testing';
import { sagemakerNotebookDirectInternetAccess as check } from './sagemaker-notebook-direct-internet-access.check';

describe(check.id, () => {
  it('passes when direct internet access is disabled', () => {
    expect(run(check, notebookAsset(wellConfiguredNotebook)).status).toBe('pass');
  });

  it('fails with the returned value as evidence when it is enabled', () => {
    const r = run(check, notebookAsset({ ...wellConfiguredNotebook, DirectInternetAccess: 'Enabled' }));
    expect(r).toEqual({
      status: 'fail',
      evidence: { DirectInternetAccess: 'Enabled', SubnetId: 'subnet-0a1b2c3d' },
    });
  });

  it('is unknown when the cloud did not return the field', () => {
    const { DirectInternetAccess: _omitted, ...rest } = wellConfiguredNotebook;
    expect(run(check, notebookAsset(rest))).toEqual({
      status: 'unknown',
      missing: ['DirectInternetAccess'],
    });
  });
});
