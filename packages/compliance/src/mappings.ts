import type { TControlRelationship } from '@aispm/contracts';
import { findControl, frameworks, type Framework } from './catalogs';
import type { ControlCheckMapping } from './posture';

/** What compliance needs of a check: its id and its version-pinned control references (risk's CheckDefinition). */
export interface MappedCheck {
  id: string;
  controls: readonly { ref: string; relationship: TControlRelationship }[];
}

/** The check-to-control mappings of one built-in framework, read from the checks' `controls`. */
export function builtInMappings(framework: Framework, checks: readonly MappedCheck[]): ControlCheckMapping[] {
  const prefix = `${framework.key}@${framework.version}:`;
  return checks.flatMap((check) =>
    check.controls
      .filter((m) => m.ref.startsWith(prefix))
      .map((m) => ({
        controlId: m.ref.slice(prefix.length),
        checkId: check.id,
        relationship: m.relationship,
      })),
  );
}

/**
 * Why the mappings are incomplete: a reference no catalog has, the same reference twice on a check, or a check
 * without a single control in one of the built-in frameworks. Empty when every check maps to all of them.
 */
export function mappingProblems(checks: readonly MappedCheck[]): string[] {
  const problems: string[] = [];
  for (const check of checks) {
    const refs = check.controls.map((m) => m.ref);
    for (const ref of refs) if (!findControl(ref)) problems.push(`${check.id}: ${ref} is in no catalog`);
    for (const ref of new Set(refs.filter((r, i) => refs.indexOf(r) !== i)))
      problems.push(`${check.id}: ${ref} is mapped twice`);
    for (const f of frameworks) {
      const prefix = `${f.key}@${f.version}:`;
      if (!refs.some((r) => r.startsWith(prefix) && findControl(r)))
        problems.push(`${check.id}: no control of ${f.name}`);
    }
  }
  return problems;
}
