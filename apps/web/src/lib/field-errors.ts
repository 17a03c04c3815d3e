import { useState, type ChangeEvent } from 'react';
import { ApiError } from '../api/client';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** Maps an error path (a request body path such as `scopeIds.0`) to the form field that shows it, or null. */
export type FieldOf<F extends string> = (path: string) => F | null;

/** A `FieldOf` for forms whose fields are the body's top-level keys: `scopes.2` belongs to `scopes`. */
export function topLevelFields<F extends string>(fields: readonly F[]): FieldOf<F> {
  return (path) => fields.find((field) => field === path.split('.')[0]) ?? null;
}

/** The first message for each field; errors no field holds are left to the form's ProblemAlert. */
export function collectFieldErrors<F extends string>(
  errors: readonly { path: string; message: string }[],
  fieldOf: FieldOf<F>,
): FieldErrors<F> {
  const result: FieldErrors<F> = {};
  for (const error of errors) {
    const field = fieldOf(error.path);
    if (field && !result[field]) result[field] = error.message;
  }
  return result;
}

type Issue = { path: readonly PropertyKey[]; message: string };
/** A zod `safeParse` result, as far as the form needs it. */
type Parsed = { success: true } | { success: false; error: { issues: readonly Issue[] } };

/**
 * The error shown under each field of a form: set by the form's own checks or taken from the API's problem
 * `errors[]`, and cleared as soon as the field is edited. `fieldOf` (when the API's errors are mapped) also tells
 * the ProblemAlert which errors are already shown beside their fields.
 */
export function useFieldErrors<F extends string>(fieldOf?: FieldOf<F>) {
  const [errors, setErrors] = useState<FieldErrors<F>>({});

  const clear = (field: F) =>
    setErrors((current) => {
      const next = { ...current };
      delete next[field];
      return next;
    });

  return {
    errors,
    setErrors,
    /**
     * Shows the form's own findings before anything is sent: `required` (what an empty field needs) over the
     * contract's issues. The API validates with the same contract; checking here first saves a round trip.
     */
    check: <P extends Parsed>(
      parsed: P,
      required: FieldErrors<F> = {},
    ): parsed is Extract<P, { success: true }> => {
      const issues = parsed.success
        ? []
        : parsed.error.issues.map((issue) => ({
            path: issue.path.map(String).join('.'),
            message: issue.message,
          }));
      const found = { ...(fieldOf ? collectFieldErrors(issues, fieldOf) : {}), ...required };
      setErrors(found);
      return parsed.success && Object.keys(found).length === 0;
    },
    /** Shows the API's field errors, when the failure is a problem from the API. */
    showProblem: (error: unknown) => {
      if (fieldOf && error instanceof ApiError)
        setErrors(collectFieldErrors(error.problem.errors ?? [], fieldOf));
    },
    shownElsewhere: (path: string) => (fieldOf ? fieldOf(path) !== null : false),
    /** `value`, `onChange` and `error` for a text or password input. */
    text: (field: F, value: string, setValue: (value: string) => void) => ({
      value,
      error: errors[field],
      onChange: (event: ChangeEvent<HTMLInputElement>) => {
        setValue(event.currentTarget.value);
        clear(field);
      },
    }),
    /** `value`, `onChange` and `error` for an input whose onChange gives the value itself (select, checkbox group). */
    value: <V>(field: F, value: V, setValue: (value: V) => void) => ({
      value,
      error: errors[field],
      onChange: (next: V) => {
        setValue(next);
        clear(field);
      },
    }),
  };
}
