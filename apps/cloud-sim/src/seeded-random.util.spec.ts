import { describe, expect, it } from 'vitest';
import { deriveSeed, seededRandom } from './seeded-random.util';

describe('seededRandom', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => seededRandom(43).next())).not.toEqual(seqA);
  });

  it('stays within the asked bounds', () => {
    const r = seededRandom(1);
    const ints = Array.from({ length: 2000 }, () => r.int(3, 6));
    expect(Math.min(...ints)).toBe(3);
    expect(Math.max(...ints)).toBe(6);
    expect(r.hex(17)).toMatch(/^[0-9a-f]{17}$/);
  });

  it('shuffles without losing or duplicating items, leaving the input alone', () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = seededRandom(5).shuffle(input);
    expect([...shuffled].sort()).toEqual(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('derives distinct stream seeds per label', () => {
    expect(deriveSeed(42, 'fault:0')).toBe(deriveSeed(42, 'fault:0'));
    expect(deriveSeed(42, 'fault:0')).not.toBe(deriveSeed(42, 'fault:1'));
    expect(deriveSeed(42, 'fault:0')).not.toBe(deriveSeed(43, 'fault:0'));
  });
});
