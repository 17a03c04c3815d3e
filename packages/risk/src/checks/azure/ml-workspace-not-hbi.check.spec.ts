import { describe, expect, it } from 'vitest';
import { run } from '../../testing';
import { mlWorkspaceNotHbi as check } from './ml-workspace-not-hbi.check';
import { armAsset, mlWorkspace, withProps } from './testing';

describe(check.id, () => {
  it('passes an HBI workspace', () => {
    expect(run(check, armAsset(mlWorkspace))).toEqual({
      status: 'pass',
      evidence: { 'properties.hbiWorkspace': true },
    });
  });

  it('fails when hbiWorkspace is false', () => {
    expect(run(check, armAsset(withProps(mlWorkspace, { hbiWorkspace: false })))).toEqual({
      status: 'fail',
      evidence: { 'properties.hbiWorkspace': false },
    });
  });

  it('is unknown when ARM left hbiWorkspace out', () => {
    expect(run(check, armAsset(withProps(mlWorkspace, { hbiWorkspace: undefined })))).toEqual({
      status: 'unknown',
      missing: ['properties.hbiWorkspace'],
    });
  });
});
