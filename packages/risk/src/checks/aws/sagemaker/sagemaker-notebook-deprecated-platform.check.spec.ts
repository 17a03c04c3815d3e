import { describe, expect, it } from 'vitest';
import { notebookAsset, run, wellConfiguredNotebook } from '../../../testing';
import { sagemakerNotebookDeprecatedPlatform as check } from './sagemaker-notebook-deprecated-platform.check';

const on = (PlatformIdentifier: string) => notebookAsset({ ...wellConfiguredNotebook, PlatformIdentifier });

describe(check.id, () => {
  it('passes on current platforms', () => {
    expect(run(check, on('notebook-al2023-v1'))).toEqual({
      status: 'pass',
      evidence: { PlatformIdentifier: 'notebook-al2023-v1' },
    });
    expect(run(check, on('notebook-al2-v3')).status).toBe('pass');
  });

  it('fails on Amazon Linux 1 and on JupyterLab 1 or 3', () => {
    expect(run(check, on('notebook-al2-v2'))).toEqual({
      status: 'fail',
      evidence: { PlatformIdentifier: 'notebook-al2-v2', platform: 'Amazon Linux 2, JupyterLab 3' },
    });
    expect(run(check, on('notebook-al1-v1')).status).toBe('fail');
    expect(run(check, on('notebook-al2-v1')).status).toBe('fail');
  });

  it('is unknown when PlatformIdentifier was not returned', () => {
    expect(run(check, notebookAsset(wellConfiguredNotebook))).toEqual({
      status: 'unknown',
      missing: ['PlatformIdentifier'],
    });
  });
});
