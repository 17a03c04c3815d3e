import type { z } from 'zod';
import { ProblemException } from './problem';

/** Opaque keyset cursors: base64url JSON of the last row's sort key. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Decodes a cursor into its sort key, or answers 400 when it is not one this API issued. */
export function decodeCursor<S extends z.ZodType>(cursor: string, key: S): z.infer<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    raw = undefined;
  }
  const parsed = key.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new ProblemException({
    status: 400,
    title: 'Invalid request',
    detail: 'The cursor is not one this API issued; start again without a cursor.',
    errors: [{ path: 'cursor', message: 'invalid cursor' }],
  });
}
