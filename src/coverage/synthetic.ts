// Deterministic synthetic inputs for the benchmark and property tests: a 17-unit tiling of the
// district bbox and plan registers of irregular blobs and rotated rectangles (some with holes).
// Seeded PRNG so every run measures the same register.
import { voronoi, featureCollection, point } from '@turf/turf';
import type { Feature, Polygon, Position } from 'geojson';
import { mulberry32 } from '../geo/prng';
import type { InputFeature } from './types';

export const DISTRICT_BBOX: [number, number, number, number] = [106.0, 21.19, 106.17, 21.35];
const M_PER_DEG_LAT = 110_750;
const M_PER_DEG_LON = 103_800; // at 21.27° N; only used to size synthetic shapes

/** 17 Voronoi cells over the district bbox; the first 9 (by id) are slated. */
export function syntheticUnits(seed = 17, count = 17): InputFeature[] {
  const rnd = mulberry32(seed).next;
  const [w, s, e, n] = DISTRICT_BBOX;
  const pts = featureCollection(Array.from({ length: count }, () => point([w + rnd() * (e - w), s + rnd() * (n - s)])));
  const cells = voronoi(pts, { bbox: DISTRICT_BBOX });
  // Real unit boundaries are digitised densely (tens of metres); Voronoi edges are kilometres
  // long. Densify (~50 m) so the units cost what real ones cost to clip.
  return cells.features
    .filter((f): f is Feature<Polygon> => !!f?.geometry)
    .map((f, i) => ({
      type: 'Feature',
      properties: { code: `U${String(i + 1).padStart(2, '0')}`, name: `Đơn vị ${i + 1}`, slated: i < 9 },
      geometry: { type: 'Polygon', coordinates: f.geometry.coordinates.map((r) => densify(r, 50)) },
    }));
}

function densify(r: Position[], metres: number): Position[] {
  const out: Position[] = [];
  for (let i = 0; i + 1 < r.length; i++) {
    const [x0, y0] = r[i] as [number, number];
    const [x1, y1] = r[i + 1] as [number, number];
    const k = Math.max(1, Math.ceil(Math.hypot((x1 - x0) * M_PER_DEG_LON, (y1 - y0) * M_PER_DEG_LAT) / metres));
    for (let j = 0; j < k; j++) out.push([x0 + ((x1 - x0) * j) / k, y0 + ((y1 - y0) * j) / k]);
  }
  out.push(r[r.length - 1]!);
  return out;
}

function ring(cx: number, cy: number, pts: [number, number][]): Position[] {
  const r = pts.map(([dx, dy]) => [cx + dx / M_PER_DEG_LON, cy + dy / M_PER_DEG_LAT]);
  r.push(r[0]!);
  return r;
}

/** Star-shaped blob (simple by construction: one vertex per angle), radius in metres. */
function blob(rnd: () => number, r: number, n: number): [number, number][] {
  const k1 = 2 + Math.floor(rnd() * 3);
  const k2 = 5 + Math.floor(rnd() * 4);
  const p1 = rnd() * 6.28;
  const p2 = rnd() * 6.28;
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const a = (i / n) * 2 * Math.PI;
    const rr = r * (1 + 0.25 * Math.sin(k1 * a + p1) + 0.1 * Math.sin(k2 * a + p2));
    out.push([rr * Math.cos(a), rr * Math.sin(a)]);
  }
  return out;
}

/** Rotated rectangle, edges densified so it has n vertices (registers digitise like that). */
function rect(rnd: () => number, w: number, h: number, n: number): [number, number][] {
  const rot = rnd() * Math.PI;
  const corners: [number, number][] = [[-w / 2, -h / 2], [w / 2, -h / 2], [w / 2, h / 2], [-w / 2, h / 2]];
  const per = Math.max(1, Math.floor(n / 4));
  const out: [number, number][] = [];
  for (let c = 0; c < 4; c++) {
    const [x0, y0] = corners[c]!;
    const [x1, y1] = corners[(c + 1) % 4]!;
    for (let j = 0; j < per; j++) {
      const t = j / per;
      const x = x0 + (x1 - x0) * t;
      const y = y0 + (y1 - y0) * t;
      out.push([x * Math.cos(rot) - y * Math.sin(rot), x * Math.sin(rot) + y * Math.cos(rot)]);
    }
  }
  return out;
}

/**
 * A register of `count` plans: clustered (plans overlap like real registers do), 50–600 m,
 * 20–200 vertices, ~15% with a hole, ~70% approved detailed.
 */
export function syntheticPlans(count: number, seed = 42, bbox = DISTRICT_BBOX): InputFeature[] {
  const rnd = mulberry32(seed).next;
  const [w, s, e, n] = bbox;
  const clusters = Array.from({ length: 40 }, () => [w + rnd() * (e - w), s + rnd() * (n - s)] as const);
  const plans: InputFeature[] = [];
  for (let i = 0; i < count; i++) {
    const c = clusters[Math.floor(rnd() * clusters.length)]!;
    const spread = 0.012;
    const cx = Math.min(e, Math.max(w, c[0] + (rnd() - 0.5) * 2 * spread));
    const cy = Math.min(n, Math.max(s, c[1] + (rnd() - 0.5) * 2 * spread));
    const size = 50 + rnd() * 550; // metres across
    const nv = 20 + Math.floor(rnd() * 181);
    const isRect = rnd() < 0.35;
    const outer = isRect ? rect(rnd, size, size * (0.4 + rnd() * 0.6), nv) : blob(rnd, size / 2, nv);
    const rings = [ring(cx, cy, outer)];
    if (!isRect && rnd() < 0.15) rings.push(ring(cx, cy, blob(rnd, size * 0.12, 20)).reverse());
    const u = rnd();
    plans.push({
      type: 'Feature',
      properties: {
        id: `P${i}`,
        level: u < 0.85 ? 'detailed' : 'zoning',
        status: rnd() < 0.8 ? 'approved' : 'in_preparation',
      },
      geometry: { type: 'Polygon', coordinates: rings },
    });
  }
  return plans;
}

/** All rings of a (Multi)Polygon feature ([] for anything else). */
function ringsOf(f: InputFeature): Position[][] {
  const g = f.geometry;
  if (g?.type === 'Polygon') return g.coordinates;
  if (g?.type === 'MultiPolygon') return g.coordinates.flat();
  return [];
}

/** Even-odd point in polygon over all rings (holes and parts included). */
function insideRings(rings: readonly Position[][], x: number, y: number): boolean {
  let inside = false;
  for (const r of rings) {
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const [xi, yi] = r[i] as [number, number];
      const [xj, yj] = r[j] as [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Box–Muller normal deviate. */
function gauss(rnd: () => number): number {
  const u = Math.max(rnd(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
}

/** Round to 1e-7° (~1 cm), as registers exported from GIS tools are. */
const r7 = (v: number): number => Math.round(v * 1e7) / 1e7;

/**
 * A register shaped like a real one (issue 15), over the given units:
 * - outer rings of 20–200 vertices (irregular blobs, and rotated rectangles digitised densely);
 * - plan radius 50–600 m, log-uniform;
 * - 60 % clustered around 8 urban centres (Gaussian, σ 0.5–1.2 km) so plans overlap heavily,
 *   25 % centred on a unit boundary (they straddle it), 15 % anywhere in the district;
 * - 10 % with a hole; ~68 % approved detailed plans (85 % detailed, 80 % approved).
 * Deterministic for a seed, and a register of n plans is the first n plans of any larger one.
 */
export function realisticPlans(count: number, units: readonly InputFeature[], seed = 42): InputFeature[] {
  const rnd = mulberry32(seed).next;
  const unitRings = units.map(ringsOf).filter((r) => r.length > 0);
  const all = unitRings.flat();
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const r of all) for (const [x, y] of r as [number, number][]) {
    w = Math.min(w, x); s = Math.min(s, y); e = Math.max(e, x); n = Math.max(n, y);
  }
  if (!Number.isFinite(w)) [w, s, e, n] = DISTRICT_BBOX;
  const inDistrict = (x: number, y: number): boolean => unitRings.length === 0 || unitRings.some((r) => insideRings(r, x, y));
  const anywhere = (): [number, number] => {
    for (let k = 0; k < 1000; k++) {
      const x = w + rnd() * (e - w), y = s + rnd() * (n - s);
      if (inDistrict(x, y)) return [x, y];
    }
    return [(w + e) / 2, (s + n) / 2];
  };
  const centres = Array.from({ length: 8 }, () => ({ at: anywhere(), sigma: 500 + rnd() * 700 }));
  // Boundary edges, weighted by length, for plans that straddle a unit boundary.
  const edges: { a: Position; b: Position; cum: number }[] = [];
  let total = 0;
  for (const r of all) for (let i = 0; i + 1 < r.length; i++) {
    const a = r[i]!, b = r[i + 1]!;
    total += Math.hypot((b[0]! - a[0]!) * M_PER_DEG_LON, (b[1]! - a[1]!) * M_PER_DEG_LAT);
    edges.push({ a, b, cum: total });
  }
  const onBoundary = (): [number, number] => {
    const t = rnd() * total;
    let lo = 0, hi = edges.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (edges[mid]!.cum < t) lo = mid + 1;
      else hi = mid;
    }
    const ed = edges[lo]!;
    const u = rnd();
    return [ed.a[0]! + (ed.b[0]! - ed.a[0]!) * u, ed.a[1]! + (ed.b[1]! - ed.a[1]!) * u];
  };
  const plans: InputFeature[] = [];
  for (let i = 0; i < count; i++) {
    const kind = rnd();
    let cx: number, cy: number;
    if (kind < 0.6) {
      const c = centres[Math.floor(rnd() * centres.length)]!;
      cx = c.at[0] + (gauss(rnd) * c.sigma) / M_PER_DEG_LON;
      cy = c.at[1] + (gauss(rnd) * c.sigma) / M_PER_DEG_LAT;
    } else if (kind < 0.85 && edges.length > 0) {
      [cx, cy] = onBoundary();
    } else {
      [cx, cy] = anywhere();
    }
    const radius = 50 * Math.exp(rnd() * Math.log(600 / 50));
    const nv = 20 + Math.floor(rnd() * 181);
    const isRect = rnd() < 0.3;
    const outer = isRect ? rect(rnd, 2 * radius, 2 * radius * (0.4 + rnd() * 0.6), nv) : blob(rnd, radius, nv);
    const rings = [ring(cx, cy, outer)];
    // Holes sit in the inner part of the shape (blobs reach ≥ 0.65 r, rectangles ≥ 0.2 × 2r).
    if (rnd() < 0.1) {
      const hr = radius * (0.08 + rnd() * 0.07);
      rings.push(ring(cx, cy, blob(rnd, hr, 12 + Math.floor(rnd() * 20))).reverse());
    }
    plans.push({
      type: 'Feature',
      properties: {
        id: `R${i}`,
        level: rnd() < 0.85 ? 'detailed' : 'zoning',
        status: rnd() < 0.8 ? 'approved' : 'in_preparation',
      },
      geometry: { type: 'Polygon', coordinates: rings.map((r) => r.map(([x, y]) => [r7(x!), r7(y!)])) },
    });
  }
  return plans;
}

/**
 * The register with approval dates (issue 16), as `approved_on` YYYY-MM-DD: approved plans get a
 * day between 2015-01-01 and 2025-12-31, more of them in later years (approvals grew as the
 * district urbanised: weight ∝ year − 2013); plans in preparation have none, and 3 % of approved
 * plans have none either (registers miss dates). A separate PRNG, so the geometry stays the same
 * register as without dates.
 */
export function withApprovalDates(plans: readonly InputFeature[], seed = 7): InputFeature[] {
  const rnd = mulberry32(seed).next;
  const years = Array.from({ length: 11 }, (_, i) => 2015 + i);
  const weights = years.map((y) => y - 2013);
  const total = weights.reduce((a, b) => a + b, 0);
  const pick = (): number => {
    let t = rnd() * total;
    for (let i = 0; i < years.length; i++) if ((t -= weights[i]!) < 0) return years[i]!;
    return years[years.length - 1]!;
  };
  return plans.map((f) => {
    const p = f.properties ?? {};
    const u = rnd(), v = rnd();
    if (p['status'] === 'in_preparation' || u < 0.03) return f;
    const day = new Date(Date.UTC(pick(), 0, 1) + Math.floor(v * 365) * 86_400_000).toISOString().slice(0, 10);
    return { ...f, properties: { ...p, approved_on: day } };
  });
}
