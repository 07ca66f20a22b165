// fast-check arbitraries for small random coverage cases near Việt Yên (106.05 E, 21.25 N).
// Coordinates on a 1e-5° (~1 m) lattice keep cases readable when a property fails.
import fc from 'fast-check';
import type { Position } from 'geojson';
import type { InputFeature } from '../../../src/coverage/types';

const LON0 = 106.05;
const LAT0 = 21.25;
const STEP = 1e-5;

const P = (x: number, y: number): Position => [LON0 + x * STEP, LAT0 + y * STEP];

export function rectRing(x: number, y: number, w: number, h: number): Position[] {
  return [P(x, y), P(x + w, y), P(x + w, y + h), P(x, y + h), P(x, y)];
}

/** Axis-aligned rectangle, 5–800 lattice steps a side. */
export const rectArb = fc
  .record({ x: fc.integer({ min: -500, max: 500 }), y: fc.integer({ min: -500, max: 500 }), w: fc.integer({ min: 5, max: 800 }), h: fc.integer({ min: 5, max: 800 }) })
  .map(({ x, y, w, h }) => rectRing(x, y, w, h));

/** Star-shaped blob (simple by construction: strictly increasing angles around the centre). */
export const blobArb = fc
  .record({
    cx: fc.integer({ min: -400, max: 400 }),
    cy: fc.integer({ min: -400, max: 400 }),
    radii: fc.array(fc.integer({ min: 30, max: 400 }), { minLength: 3, maxLength: 12 }),
    rot: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ cx, cy, radii, rot }) => {
    const n = radii.length;
    const ring = radii.map((r, i) => {
      const a = ((i + rot) / n) * 2 * Math.PI;
      return P(Math.round(cx + r * Math.cos(a)), Math.round(cy + r * Math.sin(a)));
    });
    ring.push(ring[0]!);
    return ring;
  })
  // Rounding to the lattice can make tiny blobs degenerate; keep clearly valid ones.
  .filter((ring) => new Set(ring.map((p) => p.join())).size === ring.length - 1);

export const ringArb = fc.oneof(rectArb, blobArb);

export const unitsArb = fc.array(ringArb, { minLength: 1, maxLength: 2 }).map((rings) =>
  rings.map((r, i): InputFeature => ({ type: 'Feature', properties: { code: `U${i}`, slated: i === 0 }, geometry: { type: 'Polygon', coordinates: [r] } })),
);

export const levelArb = fc.constantFrom('detailed', 'detailed', 'detailed', 'zoning', undefined);
export const statusArb = fc.constantFrom('approved', 'approved', 'approved', 'in_preparation', undefined);

export function planFeature(id: string, ring: Position[], level?: string, status?: string): InputFeature {
  const properties: Record<string, unknown> = { id };
  if (level) properties['level'] = level;
  if (status) properties['status'] = status;
  return { type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: [ring] } };
}

export const plansArb = fc
  .array(fc.record({ ring: ringArb, level: levelArb, status: statusArb }), { minLength: 0, maxLength: 6 })
  .map((ps) => ps.map((p, i) => planFeature(`P${i}`, p.ring, p.level, p.status)));

export const cellArb = fc.constantFrom(60, 150, 400);
