// FROZEN COPY of the coverage engine as it was before issue 15 (commit 62d4163 plus the grid
// bisection then in the work tree), kept only so `npm run bench:coverage` can measure the old
// engine against the new one in the same run. Not used by the app; do not change.
// Incremental coverage engine. Units are cut into grid cells once; each plan is clipped to the
// cells its bbox touches (pieces kept per cell); a cell's covered area is the ellipsoidal area of
// the union of its counting pieces, cached until a piece in it changes. An edit therefore costs a
// few small unions, and an options change only re-unions the cells whose counting set changed.
import Flatbush from 'flatbush';
import { Clipper, FillRule, type Paths64 } from '@countertype/clipper2-ts';
import { extent, lonLatXY } from '../../../src/geo/extent';
import { createFrame, type Frame } from './frame';
import { buildCells, clipToCell, DEFAULT_CELL_METRES, LARGE_VERTICES, splitAlongGrid, vertexCount, type Cell } from './grid';
import { pathsArea } from './measure';
import { attributeExclusion, normalizeOptions, planLevel, planStatus, unrecognisedDetail, type PlanAttribute } from '../../../src/coverage/plan-filter';
import type { PlanLevel, PlanStatus } from '../../../src/plans/vocabulary';
import { toPlaneGeometry, type PlaneBBox, type PlaneGeometry } from './repair';
import { computeTotals, meetsTarget, ratio } from '../../../src/coverage/totals';
import { explicitPlanId, isSlated, planId, uniqueIds, unitId, unitName } from '../../../src/coverage/unit-id';
import type { CoverageOptions, CoverageResult, ExcludedPlan, InputFeature, Problem, UnitCoverage } from '../../../src/coverage/types';

export interface EngineTuning {
  /** Grid cell edge in metres (default 400). Tests use small cells to exercise cell seams. */
  cellMetres?: number;
}

export interface CoverageIndex {
  result(): CoverageResult;
  upsertPlan(feature: InputFeature): string;
  removePlan(id: string): boolean;
  setOptions(o: Partial<CoverageOptions>): void;
  setUnits(units: readonly InputFeature[]): void;
}

interface Piece {
  paths: Paths64;
  area64: number;
  /** ellipsoidal area, computed lazily (only needed when the piece is alone in its cell) */
  area_m2?: number;
}

interface CellState extends Cell {
  pieces: Map<PlanRec, Piece>;
  covered_m2: number;
  dirty: boolean;
}

interface PlanRec {
  key: string;
  ordinal: number;
  feature: InputFeature;
  level: PlanAttribute<PlanLevel>;
  status: PlanAttribute<PlanStatus>;
  geom: PlaneGeometry | null;
  invalid: ExcludedPlan | null;
  repairs: Problem[];
  counting: boolean;
  cells: CellState[];
}

interface UnitState {
  id: string;
  name: string;
  slated: boolean;
  cells: CellState[];
  area_m2: number;
  row: UnitCoverage | null;
}

export function createCoverageIndex(
  units: readonly InputFeature[],
  plans: readonly InputFeature[],
  options?: Partial<CoverageOptions>,
  tuning: EngineTuning = {},
): CoverageIndex {
  const cellMetres = tuning.cellMetres ?? DEFAULT_CELL_METRES;
  let opts = normalizeOptions(options);
  let frame: Frame = createFrame(null);
  let unitStates: UnitState[] = [];
  let unitProblems: Problem[] = [];
  let cells: CellState[] = [];
  let cellIndex: Flatbush | null = null;
  const recs = new Map<string, PlanRec>();
  let renameProblems: Problem[] = [];
  let nextOrdinal = 0;

  function buildUnits(input: readonly InputFeature[]): void {
    frame = createFrame(extent(input.map((f) => f.geometry).filter((g) => g?.type === 'Polygon' || g?.type === 'MultiPolygon'), lonLatXY));
    unitProblems = [];
    cells = [];
    unitStates = input.map((f, i) => {
      const id = unitId(f, i);
      const st: UnitState = { id, name: unitName(f), slated: isSlated(f), cells: [], area_m2: 0, row: null };
      const out = toPlaneGeometry(f?.geometry, frame);
      if (!out.ok) {
        unitProblems.push({ subject: 'unit', id, kind: 'unit_invalid_geometry', message: `unit geometry unusable: ${out.detail}; area counted as 0` });
        return st;
      }
      for (const r of out.repairs) {
        const kind = r.kind === 'self_intersection_repaired' ? 'unit_self_intersection_repaired' : r.kind;
        unitProblems.push({ subject: 'unit', id, kind, message: r.message });
      }
      for (const c of buildCells(out.geom, i, frame, cellMetres)) {
        const cs: CellState = { ...c, pieces: new Map(), covered_m2: 0, dirty: false };
        st.cells.push(cs);
        cells.push(cs);
        st.area_m2 += c.area_m2;
      }
      return st;
    });
    if (cells.length > 0) {
      const idx = new Flatbush(cells.length);
      for (const c of cells) idx.add(c.bbox.minX, c.bbox.minY, c.bbox.maxX, c.bbox.maxY);
      idx.finish();
      cellIndex = idx;
    } else {
      cellIndex = null;
    }
  }

  function markDirty(c: CellState): void {
    c.dirty = true;
    const u = unitStates[c.unit];
    if (u) u.row = null;
  }

  function detach(rec: PlanRec): void {
    for (const c of rec.cells) {
      c.pieces.delete(rec);
      if (rec.counting) markDirty(c);
    }
    rec.cells = [];
  }

  /** (Re)compute a plan's geometry and its pieces in the cells it touches. */
  /** 1 mm²: a smaller overlap does not put a plan in plan_ids (touching edge seen through rounding). */
  function minArea64(): number {
    return 1e-6 * frame.unitsPerMetre ** 2;
  }

  function attach(rec: PlanRec): void {
    const out = toPlaneGeometry(rec.feature.geometry, frame);
    rec.repairs = [];
    if (!out.ok) {
      rec.geom = null;
      rec.invalid = { id: rec.key, reason: out.reason, detail: out.detail };
      rec.counting = false;
      return;
    }
    rec.geom = out.geom;
    rec.invalid = null;
    rec.repairs = out.repairs.map((r) => ({ subject: 'plan' as const, id: rec.key, kind: r.kind, message: r.message }));
    rec.counting = attributeExclusion(rec.level, rec.status, opts) === null;
    if (!cellIndex) return;
    const index = cellIndex;
    const b = out.geom.bbox;
    const place = (cell: CellState, part: Paths64, partBox: PlaneBBox): void => {
      const paths = clipToCell(cell, part, partBox);
      if (paths.length === 0) return;
      const area64 = Clipper.areaPaths(paths);
      // Touching along an edge or at a corner gives zero area: not a piece.
      if (area64 <= 0) return;
      cell.pieces.set(rec, { paths, area64 });
      rec.cells.push(cell);
      if (rec.counting) markDirty(cell);
    };
    const touched = index.search(b.minX, b.minY, b.maxX, b.maxY);
    if (touched.length > 4 && vertexCount(out.geom.paths) > LARGE_VERTICES) {
      // A huge plan over many cells: cut it along the grid once (O(n log n)) instead of clipping
      // all of it once per cell (O(n × cells)).
      const size = Math.max(1, Math.round(cellMetres * frame.unitsPerMetre));
      const byIndex = new Set(touched);
      splitAlongGrid(
        out.geom.paths,
        size,
        (gx, gy, part) => {
          const x0 = gx * size, y0 = gy * size;
          const pb = Clipper.getBoundsPaths(part);
          const partBox = { minX: pb.left, minY: pb.top, maxX: pb.right, maxY: pb.bottom };
          for (const ci of index.search(x0 + 1, y0 + 1, x0 + size - 1, y0 + size - 1)) {
            const cell = cells[ci]!;
            if (byIndex.has(ci) && cell.rectBox.minX === x0 && cell.rectBox.minY === y0) place(cell, part, partBox);
          }
        },
        (x0, y0, x1, y1) => index.search(x0, y0, x1, y1).length > 0,
      );
      return;
    }
    for (const ci of touched) place(cells[ci]!, out.geom.paths, b);
  }

  function makeRec(feature: InputFeature, key: string, ordinal: number): PlanRec {
    return {
      key,
      ordinal,
      feature,
      level: planLevel(feature),
      status: planStatus(feature),
      geom: null,
      invalid: null,
      repairs: [],
      counting: false,
      cells: [],
    };
  }

  function loadPlans(input: readonly InputFeature[]): void {
    recs.clear();
    const { ids, renamed } = uniqueIds(input.map((f, i) => planId(f, i)));
    renameProblems = renamed.map((r) => ({
      subject: 'plan' as const,
      id: r.to,
      kind: 'duplicate_id_renamed' as const,
      message: `plan id "${r.from}" appears more than once; this one is reported as "${r.to}"`,
    }));
    input.forEach((f, i) => {
      const rec = makeRec(f, ids[i]!, i);
      recs.set(rec.key, rec);
      attach(rec);
    });
    nextOrdinal = input.length;
  }

  function cellCovered(c: CellState): number {
    const full = c.area64 - c.slack64;
    const parts: Paths64 = [];
    let n = 0;
    let single: Piece | undefined;
    for (const [rec, piece] of c.pieces) {
      if (!rec.counting) continue;
      // A piece filling the cell settles it without any union.
      if (piece.area64 >= full) return c.area_m2;
      n++;
      single = piece;
      for (const p of piece.paths) parts.push(p);
    }
    if (n === 0 || !single) return 0;
    if (n === 1) {
      single.area_m2 ??= pathsArea(single.paths, frame);
      return Math.min(single.area_m2, c.area_m2);
    }
    // Overlaps counted once: NonZero union of normalised pieces.
    const merged = Clipper.union(parts, FillRule.NonZero);
    if (Clipper.areaPaths(merged) >= full) return c.area_m2;
    return Math.min(pathsArea(merged, frame), c.area_m2);
  }

  function unitRow(u: UnitState): UnitCoverage {
    let covered = 0;
    const ids = new Set<PlanRec>();
    const min = minArea64();
    for (const c of u.cells) {
      if (c.dirty) {
        c.covered_m2 = cellCovered(c);
        c.dirty = false;
      }
      covered += c.covered_m2;
      // A sliver piece (rounding along a shared edge) does not make a plan "in" the unit,
      // unless it is all of a tiny cell.
      for (const [rec, piece] of c.pieces) {
        if (rec.counting && (piece.area64 > min || piece.area64 >= c.area64 - c.slack64)) ids.add(rec);
      }
    }
    covered = Math.min(covered, u.area_m2);
    const coverage = ratio(covered, u.area_m2);
    return {
      id: u.id,
      name: u.name,
      slated: u.slated,
      area_m2: u.area_m2,
      covered_m2: covered,
      coverage,
      meets_target: meetsTarget(coverage, opts.target),
      plan_ids: [...ids].sort((a, b) => a.ordinal - b.ordinal).map((r) => r.key),
    };
  }

  buildUnits(units);
  loadPlans(plans);

  return {
    result(): CoverageResult {
      const rows = unitStates.map((u) => (u.row ??= unitRow(u)));
      const excluded: ExcludedPlan[] = [];
      const planProblems: Problem[] = [];
      let counted = 0;
      const ordered = [...recs.values()].sort((a, b) => a.ordinal - b.ordinal);
      for (const rec of ordered) {
        planProblems.push(...rec.repairs);
        if (rec.invalid) excluded.push(rec.invalid);
        else if (rec.counting) counted++;
        else {
          const detail = unrecognisedDetail(rec.level, rec.status);
          excluded.push({ id: rec.key, reason: attributeExclusion(rec.level, rec.status, opts) ?? 'invalid_geometry', ...(detail ? { detail } : {}) });
        }
      }
      return {
        units: rows.map((r) => ({ ...r, plan_ids: [...r.plan_ids] })),
        totals: computeTotals(rows),
        options: { levels: [...opts.levels], statuses: [...opts.statuses], target: opts.target },
        plans: { counted, excluded },
        as_of: null,
        problems: [...unitProblems, ...renameProblems, ...planProblems],
      };
    },

    upsertPlan(feature: InputFeature): string {
      // Without an id the plan gets the next index, skipping any taken one (never replaces).
      let key = explicitPlanId(feature);
      if (key === undefined) {
        while (recs.has(String(nextOrdinal))) nextOrdinal++;
        key = String(nextOrdinal);
      }
      const old = recs.get(key);
      if (old) detach(old);
      const rec = makeRec(feature, key, old ? old.ordinal : nextOrdinal++);
      recs.set(key, rec);
      attach(rec);
      return key;
    },

    removePlan(id: string): boolean {
      const rec = recs.get(id);
      if (!rec) return false;
      detach(rec);
      recs.delete(id);
      return true;
    },

    setOptions(o: Partial<CoverageOptions>): void {
      opts = normalizeOptions({ ...opts, ...o });
      for (const rec of recs.values()) {
        const counting = rec.geom !== null && attributeExclusion(rec.level, rec.status, opts) === null;
        if (counting !== rec.counting) {
          rec.counting = counting;
          for (const c of rec.cells) markDirty(c);
        }
      }
      // The target only changes meets_target: recompute rows (cheap, cells stay cached).
      for (const u of unitStates) u.row = null;
    },

    setUnits(next: readonly InputFeature[]): void {
      // A new unit set means a new frame: re-clip every plan.
      const features = [...recs.values()].sort((a, b) => a.ordinal - b.ordinal);
      buildUnits(next);
      for (const rec of features) {
        rec.cells = [];
        attach(rec);
      }
    },
  };
}

/** One-shot convenience: the same engine, no incremental state kept. */
export function computeCoverage(
  units: readonly InputFeature[],
  plans: readonly InputFeature[],
  options?: Partial<CoverageOptions>,
  tuning?: EngineTuning,
): CoverageResult {
  return createCoverageIndex(units, plans, options, tuning).result();
}
