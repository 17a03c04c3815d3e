import { describe, expect, it } from 'vitest';
import type { TSeverity } from '@aispm/contracts';
import type { ScanFinding } from './scan.findings';
import { failedAtOrAbove, scanExitCode } from './scan.gate';

const f = (severity: TSeverity, status: ScanFinding['status'], n = 0): ScanFinding => ({
  checkId: `check.${severity}.${n}`,
  assetNativeId: `asset-${n}`,
  severity,
  status,
  evidence: {},
  controls: [],
});

describe('failedAtOrAbove', () => {
  const findings = [
    f('high', 'fail', 1),
    f('medium', 'fail', 2),
    f('critical', 'pass', 3),
    f('low', 'unknown', 4),
  ];

  it('counts failed findings at or above the threshold, never passes or unknowns', () => {
    const ids = (t: TSeverity) => failedAtOrAbove(findings, t).map((x) => x.checkId);
    expect(ids('critical')).toEqual([]);
    expect(ids('high')).toEqual(['check.high.1']);
    expect(ids('medium')).toEqual(['check.high.1', 'check.medium.2']);
    expect(ids('low')).toEqual(['check.high.1', 'check.medium.2']);
    expect(ids('info')).toEqual(['check.high.1', 'check.medium.2']);
  });

  it('lets info through only at the info threshold', () => {
    expect(failedAtOrAbove([f('info', 'fail')], 'low')).toEqual([]);
    expect(failedAtOrAbove([f('info', 'fail')], 'info')).toHaveLength(1);
    expect(failedAtOrAbove([], 'info')).toEqual([]);
  });
});

describe('scanExitCode', () => {
  it('is 0 when everything was listed and the gate passed', () => {
    expect(scanExitCode(0, 0)).toBe(0);
  });
  it('is 3 when listings failed and the gate passed: what was not listed was not checked', () => {
    expect(scanExitCode(2, 0)).toBe(3);
  });
  it('is 4 when the gate failed, whether or not listings failed', () => {
    expect(scanExitCode(0, 1)).toBe(4);
    expect(scanExitCode(3, 5)).toBe(4);
  });
});
