import { describe, expect, it } from 'vitest';
import { frameworkPosture, type CheckCounts, type ControlCheckMapping } from './posture';

const framework = {
  controls: [
    { id: 'C1', title: 'Encrypt data at rest' },
    { id: 'C2', title: 'Restrict network access' },
    { id: 'C3', title: 'Keep an AI policy' },
    { id: 'C4', title: 'Log inference' },
    { id: 'C5', title: 'Guard prompts' },
  ],
};

const mappings: ControlCheckMapping[] = [
  { controlId: 'C1', checkId: 'aws.a.no_cmk', relationship: 'subset-of' },
  { controlId: 'C1', checkId: 'gcp.b.no_cmek', relationship: 'intersects-with' },
  { controlId: 'C2', checkId: 'aws.a.public', relationship: 'intersects-with' },
  { controlId: 'C4', checkId: 'aws.a.no_logging', relationship: 'equivalent-to' },
  { controlId: 'C5', checkId: 'aws.a.guardrail', relationship: 'intersects-with' },
];

function row(checkId: string, counts: Partial<Omit<CheckCounts, 'checkId'>>): CheckCounts {
  return { checkId, failing: 0, passing: 0, unknown: 0, suppressed: 0, ...counts };
}

describe('frameworkPosture', () => {
  const summaries = [
    // Two accounts: the control fails because one of them has an open finding.
    row('aws.a.no_cmk', { passing: 4 }),
    row('aws.a.no_cmk', { failing: 2, passing: 1 }),
    row('aws.a.public', { passing: 3, suppressed: 1, unknown: 2 }),
    // Only unknown answers: no verdict, so no evidence either way.
    row('aws.a.no_logging', { unknown: 5 }),
  ];
  const posture = frameworkPosture(framework, mappings, summaries);
  const control = (id: string) => posture.controls.find((c) => c.id === id)!;

  it('fails a control when a mapped check has open findings, adding up the accounts', () => {
    expect(control('C1')).toMatchObject({ status: 'failing', failing: 2, passing: 5 });
    expect(control('C1').checks).toEqual([
      {
        checkId: 'aws.a.no_cmk',
        relationship: 'subset-of',
        failing: 2,
        passing: 5,
        unknown: 0,
        suppressed: 0,
        evaluated: true,
      },
      {
        checkId: 'gcp.b.no_cmek',
        relationship: 'intersects-with',
        failing: 0,
        passing: 0,
        unknown: 0,
        suppressed: 0,
        evaluated: false,
      },
    ]);
  });

  it('passes a control whose checks reached verdicts without open findings; suppressed ones are counted, not failed', () => {
    expect(control('C2')).toMatchObject({ status: 'passing', passing: 3, suppressed: 1, unknown: 2 });
  });

  it('asks for manual evidence when no check is mapped or none reached a verdict', () => {
    expect(control('C3')).toMatchObject({ status: 'manual', checks: [] });
    expect(control('C4')).toMatchObject({ status: 'manual', unknown: 5 });
    // Mapped, but never evaluated on any asset (no summary row anywhere).
    expect(control('C5')).toMatchObject({ status: 'manual', failing: 0, passing: 0 });
  });

  it('passes a control whose only verdicts are suppressed failures', () => {
    const p = frameworkPosture(framework, mappings, [row('aws.a.guardrail', { suppressed: 2 })]);
    expect(p.controls.find((c) => c.id === 'C5')).toMatchObject({ status: 'passing', suppressed: 2 });
  });

  it('counts the framework by status, keeping the catalog order', () => {
    expect(posture.controls.map((c) => c.id)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5']);
    expect(posture.totals).toEqual({ total: 5, passing: 1, failing: 1, manual: 3 });
  });

  it('lists a check mapped twice to one control once', () => {
    const p = frameworkPosture(
      { controls: [{ id: 'C1', title: 't' }] },
      [mappings[0]!, { ...mappings[0]!, relationship: 'intersects-with' }],
      [],
    );
    expect(p.controls[0]!.checks).toHaveLength(1);
  });
});
