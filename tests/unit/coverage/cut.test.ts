// Issue 15's fast paths against Clipper: the validity test that lets a valid plan skip the repair
// union (simple.ts) and the linear half-plane cuts that replace Clipper intersections (cut.ts).
import fc from 'fast-check';
import { Clipper, FillRule, type Path64 } from '@countertype/clipper2-ts';
import { describe, expect, it } from 'vitest';
import { clipAxis, clipLeftOf, packedArea } from '../../../src/coverage/cut';
import { pack } from '../../../src/coverage/packed';
import { validRings } from '../../../src/coverage/simple';

const toXY = (p: Path64): Int32Array => Int32Array.from(p.flatMap((q) => [q.x, q.y]));

/** Star-shaped blob around (cx, cy): simple by construction. */
const blobArb = fc
  .record({
    cx: fc.integer({ min: -1e6, max: 1e6 }),
    cy: fc.integer({ min: -1e6, max: 1e6 }),
    radii: fc.array(fc.integer({ min: 1000, max: 100_000 }), { minLength: 3, maxLength: 60 }),
    turn: fc.constantFrom(1, -1),
  })
  .map(({ cx, cy, radii, turn }) =>
    radii.map((r, i) => {
      const a = (turn * 2 * Math.PI * i) / radii.length;
      return { x: Math.round(cx + r * Math.cos(a)), y: Math.round(cy + r * Math.sin(a)) };
    }),
  )
  .filter((p) => Math.abs(Clipper.area(p)) > 0);

describe('validRings', () => {
  it('accepts simple rings, oriented the NonZero way, with the area Clipper gives them', () => {
    fc.assert(
      fc.property(blobArb, (ring) => {
        const xy = toXY(ring);
        const ok = validRings([xy]);
        // Star-shaped rings may still be refused (a collinear triple): then Clipper repairs them.
        if (ok) {
          const area = packedArea({ xy, ends: [xy.length >> 1] });
          expect(area).toBeGreaterThan(0);
          expect(area).toBeCloseTo(Clipper.areaPaths(Clipper.union([ring], FillRule.EvenOdd)), -2);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a bowtie, a ring touching itself, a hole outside or crossing the outer ring', () => {
    const sq = (x0: number, y0: number, s: number): Path64 => [{ x: x0, y: y0 }, { x: x0 + s, y: y0 }, { x: x0 + s, y: y0 + s }, { x: x0, y: y0 + s }];
    expect(validRings([toXY([{ x: 0, y: 0 }, { x: 10, y: 10 }, { x: 10, y: 0 }, { x: 0, y: 10 }])])).toBe(false);
    expect(validRings([toXY([{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 5, y: 5 }, { x: 10, y: 10 }, { x: 0, y: 10 }, { x: 5, y: 5 }])])).toBe(false);
    expect(validRings([toXY(sq(0, 0, 10)), toXY(sq(20, 20, 2))])).toBe(false);
    expect(validRings([toXY(sq(0, 0, 10)), toXY(sq(5, 5, 10))])).toBe(false);
    expect(validRings([toXY(sq(0, 0, 10)), toXY(sq(2, 2, 2)), toXY(sq(3, 3, 1))])).toBe(false);
    // A hole inside: valid, and turned clockwise.
    const outer = toXY(sq(0, 0, 10));
    const hole = toXY(sq(2, 2, 2));
    expect(validRings([outer, hole])).toBe(true);
    expect(packedArea({ xy: hole, ends: [4] })).toBeLessThan(0);
  });
});

describe('half-plane cuts', () => {
  it('the two halves of an axis cut add up to the whole', () => {
    fc.assert(
      fc.property(blobArb, fc.boolean(), fc.integer({ min: -1.2e6, max: 1.2e6 }), (ring, onX, at) => {
        const p = pack(Clipper.union([ring], FillRule.NonZero));
        const whole = packedArea(p);
        const lo = packedArea(clipAxis(p, onX, at, true));
        const hi = packedArea(clipAxis(p, onX, at, false));
        expect(lo).toBeGreaterThanOrEqual(0);
        expect(hi).toBeGreaterThanOrEqual(0);
        // Cut points are rounded to the integer grid: a sliver of at most the cut's length.
        expect(Math.abs(lo + hi - whole)).toBeLessThanOrEqual(4e5);
        const ref = Clipper.areaPaths(Clipper.intersect([ring], [onX ? [{ x: -2e9, y: -2e9 }, { x: at, y: -2e9 }, { x: at, y: 2e9 }, { x: -2e9, y: 2e9 }] : [{ x: -2e9, y: -2e9 }, { x: 2e9, y: -2e9 }, { x: 2e9, y: at }, { x: -2e9, y: at }]], FillRule.NonZero));
        expect(Math.abs(lo - ref)).toBeLessThanOrEqual(4e5);
      }),
      { numRuns: 300 },
    );
  });

  it('cuts along an oblique line agree with Clipper, and both sides add up to the whole', () => {
    fc.assert(
      fc.property(blobArb, fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -1e6, max: 1e6 }), (ring, ax, ay, bx, by) => {
        fc.pre(ax !== bx || ay !== by);
        const p = pack(Clipper.union([ring], FillRule.NonZero));
        const left = clipLeftOf(p, ax, ay, bx, by);
        const right = clipLeftOf(p, bx, by, ax, ay);
        fc.pre(left !== null && right !== null);
        const whole = packedArea(p);
        expect(Math.abs(packedArea(left!) + packedArea(right!) - whole)).toBeLessThanOrEqual(1e6);
        // Clipper on a big quad left of the line.
        const dx = bx - ax, dy = by - ay;
        const k = 4e9 / Math.hypot(dx, dy);
        const A = { x: Math.round(ax - dx * k), y: Math.round(ay - dy * k) };
        const B = { x: Math.round(ax + dx * k), y: Math.round(ay + dy * k) };
        const C = { x: Math.round(B.x - dy * k), y: Math.round(B.y + dx * k) };
        const D = { x: Math.round(A.x - dy * k), y: Math.round(A.y + dx * k) };
        const ref = Clipper.areaPaths(Clipper.intersect([ring], [[A, B, C, D]], FillRule.NonZero));
        expect(Math.abs(packedArea(left!) - ref)).toBeLessThanOrEqual(1e6 + 1e-9 * whole);
      }),
      { numRuns: 300 },
    );
  });
});
