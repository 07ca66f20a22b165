// Plane geometry of the DXF reader: bulge arcs within 0.1 m of the true arc, hole nesting, and the
// text clean-up of MTEXT.
import { describe, expect, it } from 'vitest';
import { fc, test as fcTest } from '@fast-check/vitest';
import {
  ARC_TOLERANCE, MAX_ARC_SEGMENTS, arcSegments, bulgePoints, nestRings, pointInRing, signedArea, type XY,
} from '../../../src/import/dxf-geometry.ts';
import { plainMtext } from '../../../src/import/dxf.ts';

/** The centre and radius of the arc a bulge describes (independently of bulgePoints: from the sagitta). */
function circle(a: XY, b: XY, bulge: number): { cx: number; cy: number; r: number } {
  const chord = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const s = (bulge * chord) / 2; // signed sagitta
  const r = (chord * chord) / (8 * Math.abs(s)) + Math.abs(s) / 2;
  // The arc's midpoint lies at the sagitta from the chord's midpoint, to the right for a positive bulge.
  const ux = (b[0] - a[0]) / chord;
  const uy = (b[1] - a[1]) / chord;
  const mx = (a[0] + b[0]) / 2 + uy * s;
  const my = (a[1] + b[1]) / 2 - ux * s;
  // Centre: from the arc's midpoint, r back towards the chord.
  const k = Math.sign(s);
  return { cx: mx - uy * r * k, cy: my + ux * r * k, r };
}

describe('bulge arcs', () => {
  fcTest.prop([
    fc.double({ min: -3, max: 3, noNaN: true }).filter((b) => Math.abs(b) > 1e-3),
    fc.double({ min: 1, max: 2000, noNaN: true }),
    fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
  ])('every vertex on the circle, every chord within 0.1 m of it (bulge %d, chord %d m)', (bulge, length, angle) => {
    const a: XY = [405000, 2350000];
    const b: XY = [a[0] + length * Math.cos(angle), a[1] + length * Math.sin(angle)];
    const pts = [a, ...bulgePoints(a, b, bulge), b];
    const { cx, cy, r } = circle(a, b, bulge);
    const segments = pts.length - 1;
    const limited = segments >= MAX_ARC_SEGMENTS; // only huge radii hit the cap
    for (let i = 0; i < pts.length - 1; i++) {
      const [x1, y1] = pts[i]!;
      const [x2, y2] = pts[i + 1]!;
      expect(Math.abs(Math.hypot(x1 - cx, y1 - cy) - r)).toBeLessThan(1e-6 * Math.max(1, r));
      const mid = Math.abs(Math.hypot((x1 + x2) / 2 - cx, (y1 + y2) / 2 - cy) - r);
      if (!limited) expect(mid).toBeLessThanOrEqual(0.1);
    }
  });

  it('a half circle (bulge 1) of a 100 m chord: radius 50, within the tolerance, counter-clockwise', () => {
    const pts = bulgePoints([0, 0], [100, 0], 1);
    // Counter-clockwise from (0,0) to (100,0) around (50,0) passes below the chord.
    expect(Math.min(...pts.map((p) => p[1]))).toBeCloseTo(-50, 1);
    expect(pts.length + 1).toBe(arcSegments(50, Math.PI));
    expect(50 * (1 - Math.cos(Math.PI / arcSegments(50, Math.PI) / 2))).toBeLessThanOrEqual(ARC_TOLERANCE);
  });

  it('no points for a straight segment, a zero chord or a non-finite bulge', () => {
    expect(bulgePoints([0, 0], [1, 0], 0)).toEqual([]);
    expect(bulgePoints([0, 0], [0, 0], 1)).toEqual([]);
    expect(bulgePoints([0, 0], [1, 0], Number.NaN)).toEqual([]);
  });

  it('caps the number of segments for a hostile radius', () => {
    expect(arcSegments(1e12, 2 * Math.PI)).toBe(MAX_ARC_SEGMENTS);
    expect(arcSegments(Number.POSITIVE_INFINITY, 1)).toBe(1);
  });
});

const square = (x: number, y: number, s: number): XY[] => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];

describe('nesting rings into polygons', () => {
  it('a ring inside another of the same layer is its hole; an island in the hole is a polygon again', () => {
    const out = nestRings([
      { ring: square(30, 30, 20), group: 'A', data: 'island' },
      { ring: square(0, 0, 100), group: 'A', data: 'outer' },
      { ring: square(20, 20, 40), group: 'A', data: 'hole' },
    ]);
    expect(out.map((p) => [p.data, p.rings.length])).toEqual([['outer', 2], ['island', 1]]);
    expect(out[0]!.rings[1]).toEqual(square(20, 20, 40));
  });
  it('another layer, an overlapping ring or the same outline twice never make a hole', () => {
    const out = nestRings([
      { ring: square(0, 0, 100), group: 'A', data: 1 },
      { ring: square(10, 10, 10), group: 'B', data: 2 },
      { ring: square(90, 90, 50), group: 'A', data: 3 },
      { ring: square(0, 0, 100), group: 'A', data: 4 },
    ]);
    expect(out.map((p) => [p.data, p.rings.length]).sort()).toEqual([[1, 1], [2, 1], [3, 1], [4, 1]]);
  });
  it('point in ring: inside, on the boundary, outside', () => {
    const r = square(0, 0, 10);
    expect([pointInRing([5, 5], r), pointInRing([10, 5], r), pointInRing([11, 5], r)]).toEqual([1, 0, -1]);
    expect(signedArea(r)).toBe(100);
  });
});

describe('MTEXT text', () => {
  it.each([
    ['{\\fArial|b1|i0;QHCT\\P1/500}', 'QHCT\n1/500'],
    ['\\pxqc;\\A1;Lô \\H2.5x;A1', 'Lô A1'],
    ['Khu \\S1/2; đất', 'Khu 1/2 đất'],
    ['\\U+0110\\U+1EA5t \\~ở', 'Đất  ở'],
    ['a\\\\b \\{x\\}', 'a\\b {x}'],
    ['%%c20 %%d %%p1', '%%c20 %%d %%p1'.replace('%%c', 'Ø').replace('%%d', '°').replace('%%p', '±')],
  ])('%s → %s', (raw, plain) => {
    expect(plainMtext(raw)).toBe(plain);
  });
});
