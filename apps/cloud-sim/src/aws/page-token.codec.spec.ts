import { describe, expect, it } from 'vitest';
import { decodePageToken, encodePageToken } from './page-token.codec';

describe('page tokens', () => {
  it('round-trips a position', () => {
    const token = encodePageToken({ offset: 15, page: 4 });
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePageToken(token)).toEqual({ offset: 15, page: 4 });
  });

  it.each([
    ['garbage', 'not-a-token'],
    ['empty', ''],
    ['a JSON array', Buffer.from('[1,2]').toString('base64url')],
    ['a negative offset', Buffer.from('{"o":-1,"p":2}').toString('base64url')],
    ['a fractional offset', Buffer.from('{"o":1.5,"p":2}').toString('base64url')],
    ['page 1 (the first page has no token)', Buffer.from('{"o":0,"p":1}').toString('base64url')],
    ['a missing page', Buffer.from('{"o":3}').toString('base64url')],
  ])('rejects %s', (_label, token) => {
    expect(decodePageToken(token)).toBeNull();
  });
});
