import { describe, expect, test } from 'vitest';
import { mulberry32, seedOf } from '../../../src/geo/prng';

/** mulberry32 written independently with BigInt arithmetic modulo 2³² (no Math.imul). */
function referenceMulberry32(seed: number): () => number {
  const M = 2n ** 32n;
  let a = BigInt(seed >>> 0);
  return () => {
    a = (a + 0x6d2b79f5n) % M;
    let t = a;
    t = ((t ^ (t >> 15n)) * (t | 1n)) % M;
    t = (t ^ ((t + ((t ^ (t >> 7n)) * (t | 61n))) % M)) % M;
    return Number(t ^ (t >> 14n)) / 2 ** 32;
  };
}

describe('seedOf (FNV-1a, 32 bit)', () => {
  test('published test vectors', () => {
    expect(seedOf('')).toBe(0x811c9dc5);
    expect(seedOf('a')).toBe(0xe40c292c);
    expect(seedOf('foobar')).toBe(0xbf9cf968);
  });
});

describe('mulberry32', () => {
  test('matches an independent implementation, for numeric and string seeds', () => {
    for (const seed of [0, 1, 42, 0xdeadbeef, seedOf('viet-yen:kcn-quang-chau')]) {
      const a = mulberry32(seed);
      const b = referenceMulberry32(seed);
      for (let i = 0; i < 50; i++) expect(a.next()).toBe(b());
    }
    const s = mulberry32('demo');
    const r = referenceMulberry32(seedOf('demo'));
    expect([s.next(), s.next()]).toEqual([r(), r()]);
  });

  test('range and int stay in bounds; int reaches both ends', () => {
    const rng = mulberry32(7);
    const ints = new Set<number>();
    for (let i = 0; i < 500; i++) {
      const x = rng.range(-2, 3);
      expect(x).toBeGreaterThanOrEqual(-2);
      expect(x).toBeLessThan(3);
      ints.add(rng.int(1, 4));
    }
    expect([...ints].sort()).toEqual([1, 2, 3, 4]);
  });

  test('next can be detached (the synthetic generators use it as a plain function)', () => {
    const next = mulberry32(9).next;
    expect(next()).toBe(mulberry32(9).next());
  });
});
