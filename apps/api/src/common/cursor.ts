import { ProblemException } from './problem';

/** Opaque keyset cursors: base64url JSON of the last row's sort key. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): unknown[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity) return key;
  } catch {
    // fall through to the problem below
  }
  throw new ProblemException({
    status: 400,
    title: 'Invalid request',
    detail: 'The cursor is not one this API issued; start again without a cursor.',
    errors: [{ path: 'cursor', message: 'invalid cursor' }],
  });
}
