import type { TControlRelationship, TControlStatus } from '@aispm/contracts';

/** A control as posture reads it: built-in catalogs and uploaded frameworks alike. */
export interface PostureControl {
  id: string;
  title: string;
  description?: string;
}

/** One check mapped to one control of the framework. */
export interface ControlCheckMapping {
  controlId: string;
  checkId: string;
  relationship: TControlRelationship;
}

/** A row of `check_summaries`: one account and one check. Several rows of a check (one per account) add up. */
export interface CheckCounts {
  checkId: string;
  failing: number;
  passing: number;
  unknown: number;
  suppressed: number;
}

export interface CheckPosture extends CheckCounts {
  relationship: TControlRelationship;
  /** The check reached a verdict (pass, fail, or a suppressed fail) on at least one asset. */
  evaluated: boolean;
}

export interface ControlPosture extends PostureControl {
  status: TControlStatus;
  checks: CheckPosture[];
  failing: number;
  passing: number;
  unknown: number;
  suppressed: number;
}

export interface FrameworkPosture {
  controls: ControlPosture[];
  totals: { total: number; passing: number; failing: number; manual: number };
}

const ZERO = { failing: 0, passing: 0, unknown: 0, suppressed: 0 };

/**
 * The status of every control of a framework from the per-account, per-check figures.
 *
 * - `failing`: a mapped check has open findings (failing > 0).
 * - `passing`: at least one mapped check reached a verdict on an asset (passing, failing or suppressed > 0) and
 *   none has open findings. Suppressed findings are accepted risks: they do not fail the control, and the
 *   control shows how many there are.
 * - `manual`: no check is mapped, or none reached a verdict (never evaluated, or only `unknown` answers because
 *   the cloud did not return what the checks read): the control needs evidence from outside aispm.
 */
export function frameworkPosture(
  framework: { controls: readonly PostureControl[] },
  mappings: readonly ControlCheckMapping[],
  summaries: readonly CheckCounts[],
): FrameworkPosture {
  const byCheck = new Map<string, CheckCounts>();
  for (const s of summaries) {
    const sum = byCheck.get(s.checkId) ?? { checkId: s.checkId, ...ZERO };
    sum.failing += s.failing;
    sum.passing += s.passing;
    sum.unknown += s.unknown;
    sum.suppressed += s.suppressed;
    byCheck.set(s.checkId, sum);
  }
  const byControl = new Map<string, ControlCheckMapping[]>();
  for (const m of mappings) byControl.set(m.controlId, [...(byControl.get(m.controlId) ?? []), m]);

  const controls = framework.controls.map((control): ControlPosture => {
    const seen = new Set<string>();
    const checks: CheckPosture[] = [];
    for (const m of byControl.get(control.id) ?? []) {
      if (seen.has(m.checkId)) continue;
      seen.add(m.checkId);
      const counts = byCheck.get(m.checkId) ?? { checkId: m.checkId, ...ZERO };
      checks.push({
        ...counts,
        relationship: m.relationship,
        evaluated: counts.passing + counts.failing + counts.suppressed > 0,
      });
    }
    const sum = (k: keyof typeof ZERO) => checks.reduce((n, c) => n + c[k], 0);
    const status: TControlStatus = checks.some((c) => c.failing > 0)
      ? 'failing'
      : checks.some((c) => c.evaluated)
        ? 'passing'
        : 'manual';
    return {
      ...control,
      status,
      checks,
      failing: sum('failing'),
      passing: sum('passing'),
      unknown: sum('unknown'),
      suppressed: sum('suppressed'),
    };
  });
  const count = (s: TControlStatus) => controls.filter((c) => c.status === s).length;
  return {
    controls,
    totals: {
      total: controls.length,
      passing: count('passing'),
      failing: count('failing'),
      manual: count('manual'),
    },
  };
}
