import { describe, expect, it } from 'vitest';
import { postureScore } from './posture.service';

describe('postureScore', () => {
  it('is null before any completed scan, so an empty estate is not reported as perfect', () => {
    expect(postureScore({ evaluatedAssets: 10, assetsWithOpenFindings: 0, completedScans: 0 })).toBeNull();
    expect(postureScore({ evaluatedAssets: 0, assetsWithOpenFindings: 0, completedScans: 3 })).toBeNull();
  });

  it('is the rounded share of evaluated assets without open findings', () => {
    expect(postureScore({ evaluatedAssets: 12, assetsWithOpenFindings: 9, completedScans: 1 })).toBe(25);
    expect(postureScore({ evaluatedAssets: 3, assetsWithOpenFindings: 1, completedScans: 1 })).toBe(67);
    expect(postureScore({ evaluatedAssets: 5, assetsWithOpenFindings: 0, completedScans: 1 })).toBe(100);
  });
});
