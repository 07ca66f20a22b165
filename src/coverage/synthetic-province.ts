// A province-sized synthetic input for `npm run bench:db`: 99 units tiling a grid around Bắc Ninh
// (105.9–106.3 E, 21.0–21.3 N; the province has 99 communes and wards since July 2025) and plan
// registers of the shape src/coverage/synthetic.ts makes (20–200 vertices, 50–600 m, clustered and
// overlapping, some with holes), spread over the province as 9 districts' registers. Seeded.
import type { Position } from 'geojson';
import { mulberry32 } from '../geo/prng';
import { syntheticPlans } from './synthetic';
import type { InputFeature } from './types';

export const PROVINCE_BBOX: [number, number, number, number] = [105.9, 21.0, 106.3, 21.3];
const COLS = 11;
const ROWS = 9;
const M_PER_DEG_LAT = 110_750;
const M_PER_DEG_LON = 103_900;

/**
 * 11 × 9 = 99 units: a grid whose inner nodes are jittered (so units are not rectangles) and whose
 * shared edges are densified to ~50 m, identically on both sides, so the units tile exactly.
 * Every third unit is slated (a ward, for the target).
 */
export function provinceUnits(seed = 99): InputFeature[] {
  const rnd = mulberry32(seed).next;
  const [w, s, e, n] = PROVINCE_BBOX;
  const dx = (e - w) / COLS;
  const dy = (n - s) / ROWS;
  const node: Position[][] = [];
  for (let i = 0; i <= COLS; i++) {
    node.push([]);
    for (let j = 0; j <= ROWS; j++) {
      const inner = i > 0 && i < COLS && j > 0 && j < ROWS;
      node[i]!.push([w + i * dx + (inner ? (rnd() - 0.5) * 0.5 * dx : 0), s + j * dy + (inner ? (rnd() - 0.5) * 0.5 * dy : 0)]);
    }
  }
  const edge = (a: Position, b: Position): Position[] => {
    const k = Math.max(1, Math.ceil(Math.hypot((b[0]! - a[0]!) * M_PER_DEG_LON, (b[1]! - a[1]!) * M_PER_DEG_LAT) / 50));
    return Array.from({ length: k }, (_, t) => [a[0]! + ((b[0]! - a[0]!) * t) / k, a[1]! + ((b[1]! - a[1]!) * t) / k]);
  };
  const units: InputFeature[] = [];
  for (let j = 0; j < ROWS; j++) {
    for (let i = 0; i < COLS; i++) {
      const k = j * COLS + i;
      const corners = [node[i]![j]!, node[i + 1]![j]!, node[i + 1]![j + 1]!, node[i]![j + 1]!];
      const ring = corners.flatMap((c, q) => edge(c, corners[(q + 1) % 4]!));
      ring.push(ring[0]!);
      units.push({
        type: 'Feature',
        properties: { code: `BN${String(k + 1).padStart(2, '0')}`, name: `${k % 3 === 0 ? 'Phường' : 'Xã'} ${k + 1}`, slated: k % 3 === 0 },
        geometry: { type: 'Polygon', coordinates: [ring] },
      });
    }
  }
  return units;
}

/** `count` plans: nine districts' registers (a 3 × 3 split of the province), 40 clusters each. */
export function provincePlans(count: number, seed = 42): InputFeature[] {
  const [w, s, e, n] = PROVINCE_BBOX;
  const out: InputFeature[] = [];
  for (let d = 0; d < 9; d++) {
    const cx = d % 3;
    const cy = Math.floor(d / 3);
    const bbox: [number, number, number, number] = [w + (cx * (e - w)) / 3, s + (cy * (n - s)) / 3, w + ((cx + 1) * (e - w)) / 3, s + ((cy + 1) * (n - s)) / 3];
    const part = Math.floor(count / 9) + (d < count % 9 ? 1 : 0);
    for (const f of syntheticPlans(part, seed + d, bbox)) {
      out.push({ ...f, properties: { ...f.properties, id: `D${d + 1}-${String(f.properties?.['id'] ?? '')}` } });
    }
  }
  return out;
}
