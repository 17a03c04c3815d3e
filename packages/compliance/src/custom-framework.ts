import { parseDocument } from 'yaml';
import {
  CUSTOM_FRAMEWORK_LIMITS,
  ZCustomFrameworkDefinition,
  type TCustomFrameworkDefinition,
} from '@aispm/contracts';
import { frameworks } from './catalogs';

/** One thing wrong with an uploaded file: where (`controls[3].checks[0].checkId`) and what. */
export interface FrameworkProblem {
  path: string;
  message: string;
}

export type FrameworkParseResult =
  { ok: true; framework: TCustomFrameworkDefinition } | { ok: false; errors: FrameworkProblem[] };

export interface FrameworkParseOptions {
  /** Ids of the checks aispm runs: a control may only map to these. */
  knownCheckIds: ReadonlySet<string>;
  /** Keys the file may not take; the built-in frameworks' keys by default. */
  reservedKeys?: readonly string[];
}

/** At most this many problems are listed; a file wrong throughout is not answered with 10,000 lines. */
const MAX_PROBLEMS = 100;

/** `['controls', 3, 'checks', 0, 'checkId']` -> `controls[3].checks[0].checkId`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}

/**
 * Parses an uploaded framework file (JSON or YAML) and validates it: the shape, unique control ids, checks aispm
 * knows, OSCAL relationship terms, the size limits, and a key that is not a built-in framework's. YAML is read
 * with the failsafe schema, so every scalar stays the string it was written as (`version: 1.10` is "1.10").
 */
export function parseCustomFramework(
  text: string,
  format: 'json' | 'yaml',
  options: FrameworkParseOptions,
): FrameworkParseResult {
  if (Buffer.byteLength(text, 'utf8') > CUSTOM_FRAMEWORK_LIMITS.bytes) return tooLarge();
  // JSON is read by the YAML parser too (JSON is YAML 1.2), for its line and column on syntax errors; with the
  // JSON schema its numbers and booleans stay typed, so `"version": 1` is refused as it would be by JSON.parse.
  const label = format === 'json' ? 'JSON' : 'YAML';
  const doc = parseDocument(text, {
    schema: format === 'json' ? 'json' : 'failsafe',
    uniqueKeys: true,
  });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.slice(0, MAX_PROBLEMS).map((e) => {
        const where = e.linePos?.[0];
        const what = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
        return {
          path: '',
          message: where
            ? `${label} syntax error at line ${where.line}, column ${where.col}: ${what}`
            : `${label} syntax error: ${what}`,
        };
      }),
    };
  }
  let value: unknown;
  try {
    // Bounded alias expansion: a small file cannot unfold into gigabytes ("billion laughs").
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return {
      ok: false,
      errors: [{ path: '', message: `${label} could not be read: ${(e as Error).message}` }],
    };
  }
  return validateCustomFramework(value, options);
}

/**
 * Validates a framework already parsed (a JSON body). The shape and the rules that need the whole file (unique
 * control ids, known checks, a free key) are checked in one pass, so one answer lists every problem.
 */
export function validateCustomFramework(
  value: unknown,
  options: FrameworkParseOptions,
): FrameworkParseResult {
  if (JSON.stringify(value ?? null).length > CUSTOM_FRAMEWORK_LIMITS.bytes) return tooLarge();
  const parsed = ZCustomFrameworkDefinition.safeParse(value);
  const errors: FrameworkProblem[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
  errors.push(...crossFieldProblems(value, options));
  if (errors.length > 0 || !parsed.success) return { ok: false, errors: capped(errors) };
  return { ok: true, framework: parsed.data };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Read from the file as it is (valid or not), wherever the fields these rules need are there. */
function crossFieldProblems(value: unknown, options: FrameworkParseOptions): FrameworkProblem[] {
  if (!isRecord(value)) return [];
  const errors: FrameworkProblem[] = [];
  const reserved = options.reservedKeys ?? frameworks.map((f) => f.key);
  if (typeof value.key === 'string' && reserved.includes(value.key))
    errors.push({ path: 'key', message: `"${value.key}" is a built-in framework; choose another key` });
  const controls = Array.isArray(value.controls) ? (value.controls as unknown[]) : [];
  const firstIndex = new Map<string, number>();
  controls.forEach((control, c) => {
    if (!isRecord(control)) return;
    if (typeof control.id === 'string') {
      const first = firstIndex.get(control.id);
      if (first === undefined) firstIndex.set(control.id, c);
      else
        errors.push({
          path: `controls[${c}].id`,
          message: `duplicate control id "${control.id}" (first at controls[${first}])`,
        });
    }
    const seen = new Set<string>();
    const checks = Array.isArray(control.checks) ? (control.checks as unknown[]) : [];
    checks.forEach((check, k) => {
      if (!isRecord(check) || typeof check.checkId !== 'string') return;
      const path = `controls[${c}].checks[${k}].checkId`;
      if (!options.knownCheckIds.has(check.checkId))
        errors.push({ path, message: `unknown check "${check.checkId}"` });
      else if (seen.has(check.checkId))
        errors.push({ path, message: `check "${check.checkId}" is mapped to this control twice` });
      seen.add(check.checkId);
    });
  });
  return errors;
}

function capped(errors: FrameworkProblem[]): FrameworkProblem[] {
  if (errors.length <= MAX_PROBLEMS) return errors;
  return [
    ...errors.slice(0, MAX_PROBLEMS),
    { path: '', message: `and ${errors.length - MAX_PROBLEMS} more problems` },
  ];
}

function tooLarge(): FrameworkParseResult {
  const mb = CUSTOM_FRAMEWORK_LIMITS.bytes / 1_048_576;
  return { ok: false, errors: [{ path: '', message: `the file is larger than ${mb} MB` }] };
}
