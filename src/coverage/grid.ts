// Split each unit into grid cells (unit ∩ square), built once per unit set. Cells make one plan
// edit cost only the few cells its bbox touches instead of a whole unit's union.
// Clipping is always Clipper.intersect with the square as a path: clipper2-ts 1.5.4's rectClip
// drops corners on some cells (measured: up to half a cell's area lost), so it is not used.
import { Clipper, FillRule, type Path64, type Paths64 } from '@countertype/clipper2-ts';
import type { Frame } from './frame';
import { pathsArea } from './measure';
import type { PlaneBBox, PlaneGeometry } from './repair';

/** Default cell edge: ~400 m keeps unions small (tens of plan pieces) at register densities. */
export const DEFAULT_CELL_METRES = 400;

export interface Cell {
  unit: number;
  /** the grid square as a path */
  rect: Path64;
  rectBox: PlaneBBox;
  /** unit ∩ rect, NonZero-normalised */
  geom: Paths64;
  /** true when the cell is the whole square: plan pieces need only a rect clip */
  interior: boolean;
  /** planar area (plane units²), for cheap "piece fills the cell" tests */
  area64: number;
  /**
   * Planar area below which a gap in a cell is rounding, not a gap: a strip one grid unit
   * (0.01 mm) wide along the cell's outline. Without it a plan identical to the unit covers
   * 0.9999999 of it (rounded intersection points; float sums of ~1e16 products).
   */
  slack64: number;
  /** ellipsoidal area, m² */
  area_m2: number;
  bbox: PlaneBBox;
}

export function buildCells(unit: PlaneGeometry, unitIndex: number, frame: Frame, cellMetres = DEFAULT_CELL_METRES): Cell[] {
  const size = Math.max(1, Math.round(cellMetres * frame.unitsPerMetre));
  const { minX, minY, maxX, maxY } = unit.bbox;
  const cells: Cell[] = [];
  // Two levels (column strip, then cell) so each cell clip sees only the strip's vertices,
  // not the whole unit boundary.
  for (let gx = Math.floor(minX / size); gx * size < maxX; gx++) {
    const x0 = gx * size;
    const x1 = x0 + size;
    const strip = Clipper.intersect(unit.paths, [square(x0, minY - 1, x1, maxY + 1)], FillRule.NonZero);
    if (strip.length === 0) continue;
    for (let gy = Math.floor(minY / size); gy * size < maxY; gy++) {
      const y0 = gy * size;
      const y1 = y0 + size;
      const rect = square(x0, y0, x1, y1);
      const geom = Clipper.intersect(strip, [rect], FillRule.NonZero);
      const area64 = Clipper.areaPaths(geom);
      if (area64 <= 0) continue;
      const b = Clipper.getBoundsPaths(geom);
      const interior = isSquare(geom, x0, y0, x1, y1);
      cells.push({
        unit: unitIndex,
        rect,
        rectBox: { minX: x0, minY: y0, maxX: x1, maxY: y1 },
        geom,
        interior,
        area64,
        slack64: perimeter(geom),
        area_m2: pathsArea(geom, frame),
        bbox: { minX: b.left, minY: b.top, maxX: b.right, maxY: b.bottom },
      });
    }
  }
  return cells;
}

function isSquare(geom: Paths64, x0: number, y0: number, x1: number, y1: number): boolean {
  const p = geom[0];
  return geom.length === 1 && !!p && p.length === 4 && p.every((q) => (q.x === x0 || q.x === x1) && (q.y === y0 || q.y === y1));
}

function perimeter(paths: Paths64): number {
  let s = 0;
  for (const p of paths) for (let i = 0; i < p.length; i++) {
    const a = p[i]!;
    const b = p[(i + 1) % p.length]!;
    s += Math.hypot(b.x - a.x, b.y - a.y);
  }
  return s;
}

function square(x0: number, y0: number, x1: number, y1: number): Path64 {
  return [{ x: x0, y: y0 }, { x: x1, y: y0 }, { x: x1, y: y1 }, { x: x0, y: y1 }];
}

function inside(b: PlaneBBox, box: PlaneBBox): boolean {
  return b.minX >= box.minX && b.maxX <= box.maxX && b.minY >= box.minY && b.maxY <= box.maxY;
}

/** Plan clipped to a cell. A plan wholly inside an interior cell needs no clipping at all. */
export function clipToCell(cell: Cell, plan: Paths64, planBox: PlaneBBox): Paths64 {
  if (cell.interior && inside(planBox, cell.rectBox)) return plan;
  return Clipper.intersect(plan, cell.interior ? [cell.rect] : cell.geom, FillRule.NonZero);
}
