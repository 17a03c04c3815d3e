/**
 * Listing position carried in NextToken. Clients must treat the token as opaque (as with real AWS), so its
 * shape can change; the page number is carried so "fail on page N" faults do not depend on the page size.
 */
export interface PageToken {
  /** Index of the first item of the next page in the sorted, filtered listing. */
  offset: number;
  /** 1-based number of the page this token asks for. */
  page: number;
}

export function encodePageToken(token: PageToken): string {
  return Buffer.from(JSON.stringify({ o: token.offset, p: token.page })).toString('base64url');
}

/** The token's position, or null when it is not a token this simulator issued. */
export function decodePageToken(value: string): PageToken | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { o, p } = parsed as Record<string, unknown>;
    if (!Number.isSafeInteger(o) || !Number.isSafeInteger(p)) return null;
    if ((o as number) < 0 || (p as number) < 2) return null;
    return { offset: o as number, page: p as number };
  } catch {
    return null;
  }
}
