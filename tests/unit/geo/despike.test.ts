// despikePath (src/geo/despike.ts) and the despiking Clipper operations (src/geo/clip.ts): the
// spikes that make clipper2-ts 1.5.4 exhaust the heap (upstream countertype/clipper2-ts#36) are
// taken out without changing any ring's area, and every boolean operation in src/ goes through
// clip.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Clipper, FillRule, type Path64, type Paths64 } from '@countertype/clipper2-ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { despikePath, despikePaths, hasSpike } from '../../../src/geo/despike.ts';
import * as Clip from '../../../src/geo/clip.ts';
import {
  DIAGONAL_SPIKE, DIAGONAL_SPIKE_CLEAN, path, SPIKE_15, SPIKE_15_CLEAN, SPIKE_5, SPIKE_5_CLEAN, VERTICAL_SPIKE, VERTICAL_SPIKE_CLEAN, type XY,
} from './spike-rings.ts';

/** Twice the signed area, exactly (BigInt shoelace). */
function area2(p: Path64): bigint {
  let s = 0n;
  for (let i = 0; i < p.length; i++) {
    const a = p[i]!;
    const b = p[(i + 1) % p.length]!;
    s += BigInt(a.x) * BigInt(b.y) - BigInt(b.x) * BigInt(a.y);
  }
  return s;
}

const key = (p: Path64): string[] => p.map((q) => `${q.x},${q.y}`);

/** The same closed ring, whatever vertex it starts at. */
function sameCycle(a: Path64, b: Path64): boolean {
  if (a.length !== b.length) return false;
  const ka = key(a).join(' ');
  const kb = key(b);
  return b.length === 0 || kb.some((_, i) => [...kb.slice(i), ...kb.slice(0, i)].join(' ') === ka);
}

/** The ring without any vertex on the line through its neighbours (its corners only). */
function corners(p: Path64): Path64 {
  const out = [...p];
  for (let changed = true; changed && out.length > 3; ) {
    changed = false;
    for (let i = 0; i < out.length && out.length > 3; i++) {
      const a = out[(i + out.length - 1) % out.length]!, b = out[i]!, c = out[(i + 1) % out.length]!;
      if ((b.x - a.x) * (c.y - b.y) === (b.y - a.y) * (c.x - b.x)) {
        out.splice(i, 1);
        changed = true;
      }
    }
  }
  return out;
}

const rotations = (r: XY): Path64[] => r.map((_, i) => path([...r.slice(i), ...r.slice(0, i)]));

describe('despikePath', () => {
  it.each([
    ['the 5-vertex horizontal spike', SPIKE_5, SPIKE_5_CLEAN],
    ['the 15-vertex ring with spikes of every direction', SPIKE_15, SPIKE_15_CLEAN],
    ['vertical spikes', VERTICAL_SPIKE, VERTICAL_SPIKE_CLEAN],
    ['diagonal spikes and a needle', DIAGONAL_SPIKE, DIAGONAL_SPIKE_CLEAN],
  ])('%s: only turning-back vertices go, leaving the same polygon from any starting vertex', (_name, spiky, clean) => {
    expect(sameCycle(despikePath(path(spiky)), path(clean))).toBe(true);
    for (const r of rotations(spiky)) {
      const d = despikePath(r);
      // Which of a fold's vertices goes can depend on where the ring starts; its corners cannot.
      expect(sameCycle(corners(d), corners(path(clean))), key(d).join(' ')).toBe(true);
      expect(d.every((p) => r.some((q) => q.x === p.x && q.y === p.y))).toBe(true);
      expect(area2(d)).toBe(area2(r));
      expect(hasSpike(d)).toBe(false);
    }
  });

  it('returns the same array when there is nothing to remove; keeps collinear vertices that go on', () => {
    const square = path([[0, 0], [5, 0], [10, 0], [10, 10], [0, 10]]);
    expect(despikePath(square)).toBe(square);
    const list = [square];
    expect(despikePaths(list)).toBe(list);
  });

  it('drops repeated vertices, the closing one included', () => {
    expect(key(despikePath(path([[0, 0], [0, 0], [4, 0], [4, 4], [4, 4], [0, 4], [0, 0]])))).toEqual(['0,0', '4,0', '4,4', '0,4']);
  });

  it('a ring with no area at all comes out with fewer than 3 vertices, and despikePaths drops it', () => {
    expect(despikePath(path([[0, 0], [5, 0], [2, 0]])).length).toBeLessThan(3);
    expect(despikePath(path([[0, 0], [3, 3], [0, 0], [3, 3]])).length).toBeLessThan(3);
    const ok = path([[0, 0], [4, 0], [4, 4]]);
    expect(despikePaths([path([[0, 0], [5, 0], [2, 0]]), ok])).toEqual([ok]);
  });

  it('decides collinearity exactly at 2^30 (where a double cross product rounds to 0)', () => {
    const big = 2 ** 30;
    // (0,0) → (2^30, 2^30 − 1) → (−1, −1): off the line by a cross product of −1: a thin triangle, kept.
    const thin = path([[0, 0], [big, big - 1], [-1, -1]]);
    expect(despikePath(thin)).toBe(thin);
    // (0,0) → (2^30, 2^30 − 2) → (−2^29, −2^29 + 1): exactly on the line, turning back: removed.
    const fold = path([[0, 0], [big, big - 2], [-(2 ** 29), -(2 ** 29) + 1], [0, 5]]);
    expect(key(despikePath(fold))).toEqual(['0,0', `${-(2 ** 29)},${-(2 ** 29) + 1}`, '0,5']);
  });
});

// ---- properties ---------------------------------------------------------------------------------

const coord = (m: number) => fc.integer({ min: -m, max: m });
/** A direction: horizontal, vertical, diagonal or any small integer vector. */
const dirArb = fc.oneof(
  fc.constant<[number, number]>([1, 0]),
  fc.constant<[number, number]>([0, 1]),
  fc.constant<[number, number]>([1, 1]),
  fc.tuple(fc.integer({ min: -7, max: 7 }), fc.integer({ min: -7, max: 7 })).filter(([x, y]) => x !== 0 || y !== 0),
);
/** A walk along a line out of a vertex: multiples of `dir`, turning back at random. */
const spikeArb = fc.record({ at: fc.nat(), dir: dirArb, steps: fc.array(fc.integer({ min: -30, max: 30 }), { minLength: 1, maxLength: 5 }), home: fc.boolean() });

/** The ring with each spike's walk inserted after its vertex; `home` walks end back on the vertex. */
function withSpikes(ring: Path64, spikes: { at: number; dir: [number, number]; steps: number[]; home: boolean }[], forceHome = false): Path64 {
  const out = ring.map((p) => [p]);
  for (const s of spikes) {
    const i = s.at % ring.length;
    const p = ring[i]!;
    const walk = s.steps.map((k) => ({ x: p.x + k * s.dir[0], y: p.y + k * s.dir[1] }));
    if (forceHome || s.home) walk.push({ ...p });
    out[i]!.push(...walk);
  }
  return out.flat();
}

const ringArb = (m: number) => fc.array(fc.tuple(coord(m), coord(m)), { minLength: 3, maxLength: 12 }).map((r) => path(r));

describe('despikePath properties', () => {
  it('never changes a ring\'s area (exactly), leaves no spike, and is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(ringArb(1000), ringArb(2 ** 30)), fc.array(spikeArb, { maxLength: 4 }), (ring, spikes) => {
        const spiky = withSpikes(ring, spikes);
        const d = despikePath(spiky);
        expect(area2(d)).toBe(area2(spiky));
        if (d.length >= 3) {
          expect(hasSpike(d)).toBe(false);
          expect(despikePath(d)).toBe(d);
        } else expect(area2(spiky)).toBe(0n);
      }),
      { numRuns: 500 },
    );
  });

  it('a spike-free ring with needles inserted (walks back to their vertex) comes back as it was', () => {
    fc.assert(
      fc.property(ringArb(1000).filter((r) => !hasSpike(r)), fc.array(spikeArb, { minLength: 1, maxLength: 4 }), (ring, spikes) => {
        // Corners only: a needle along a side may take a vertex that merely continues the side with it.
        expect(sameCycle(corners(despikePath(withSpikes(ring, spikes, true))), corners(ring))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('Clip.union of a ring with needles is Clipper\'s union of the ring without them, under both fill rules', () => {
    fc.assert(
      fc.property(ringArb(1000).filter((r) => !hasSpike(r)), fc.array(spikeArb, { minLength: 1, maxLength: 3 }), fc.constantFrom(FillRule.NonZero, FillRule.EvenOdd), (ring, spikes, rule) => {
        const got = Clipper.areaPaths(Clip.union([withSpikes(ring, spikes, true)], rule));
        // Equal up to where crossings round to the integer grid (a needle can take a vertex that
        // only continues a side, so a crossing may be computed on a longer edge): half a unit along
        // the boundary at most. 1.5.4's failures are not small: the heap, or a polygon lost.
        let perimeter = 0;
        ring.forEach((p, i) => (perimeter += Math.hypot(ring[(i + 1) % ring.length]!.x - p.x, ring[(i + 1) % ring.length]!.y - p.y)));
        expect(Math.abs(got - Clipper.areaPaths(Clipper.union([ring], rule)))).toBeLessThanOrEqual(perimeter / 2);
      }),
      { numRuns: 200 },
    );
  });
});

// ---- the operations -----------------------------------------------------------------------------

describe('Clip operations on the rings that exhaust clipper2-ts 1.5.4', () => {
  const scaled = (r: XY, k: number, dx: number, dy: number): Path64 => r.map(([x, y]) => ({ x: x * k + dx, y: y * k + dy }));
  const cases: [string, XY, XY][] = [
    ['SPIKE_5', SPIKE_5, SPIKE_5_CLEAN],
    ['SPIKE_15', SPIKE_15, SPIKE_15_CLEAN],
    ['VERTICAL_SPIKE', VERTICAL_SPIKE, VERTICAL_SPIKE_CLEAN],
    ['DIAGONAL_SPIKE', DIAGONAL_SPIKE, DIAGONAL_SPIKE_CLEAN],
  ];
  it.each(cases)('%s: union, difference and intersection finish with the clean ring\'s areas, any fill rule, at any scale', (_n, spiky, clean) => {
    for (const [k, dx, dy] of [[1, 0, 0], [100_000, -123_456_789, 987_654_321]] as const) {
      const s = scaled(spiky, k, dx, dy);
      const c = scaled(clean, k, dx, dy);
      const a = Math.abs(Clipper.area(c));
      const big: Paths64 = [scaled([[-100, -100], [100, -100], [100, 100], [-100, 100]], k, dx, dy)];
      const far: Paths64 = [scaled([[1000, 1000], [1010, 1000], [1010, 1010]], k, dx, dy)];
      // A ring's inside has winding ±1 (its orientation): Positive / Negative fill only one of them.
      const filled = (rule: FillRule, p: Path64): number => {
        const w = Math.sign(Clipper.area(p));
        return rule === FillRule.Positive ? +(w > 0) : rule === FillRule.Negative ? +(w < 0) : 1;
      };
      for (const rule of [FillRule.NonZero, FillRule.EvenOdd, FillRule.Positive, FillRule.Negative]) {
        const want = filled(rule, c) * a;
        expect(Clipper.areaPaths(Clip.union([s], rule))).toBe(want);
        expect(Clipper.areaPaths(Clip.union([s, ...far], rule))).toBe(want + filled(rule, far[0]!) * Math.abs(Clipper.area(far[0]!)));
      }
      expect(Clipper.areaPaths(Clip.intersect([s], big, FillRule.NonZero))).toBe(a);
      expect(Clipper.areaPaths(Clip.difference(big, [s], FillRule.NonZero))).toBe(Clipper.areaPaths(big) - a);
      expect(Clipper.areaPaths(Clip.difference([s], far, FillRule.EvenOdd))).toBe(a);
    }
  });
});

describe('every boolean operation in src/ goes through src/geo/clip.ts', () => {
  it('no other module calls Clipper.union / difference / intersect / xor / booleanOp / rectClip directly', () => {
    const src = fileURLToPath(new URL('../../../src/', import.meta.url));
    const direct = /\bClipper\.(union|difference|intersect|xor|booleanOp\w*|rectClip\w*|minkowski\w*)\s*\(|new\s+Clipper64\b/;
    const offenders: string[] = [];
    for (const f of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
      const rel = f.split('\\').join('/');
      if (!rel.endsWith('.ts') || rel === 'geo/clip.ts') continue;
      readFileSync(join(src, rel), 'utf8').split('\n').forEach((line, i) => {
        if (direct.test(line.replace(/\/\/.*$/, ''))) offenders.push(`src/${rel}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
