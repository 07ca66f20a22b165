// Incremental coverage engine. Units are cut into grid cells once; each plan is cut along the grid
// into its parts per square (linear half-plane cuts, grid.ts) and kept per cell as a packed piece;
// a cell's covered area is the ellipsoidal area of the union of its counting pieces, cached (with
// the union itself) until a piece in it changes. An edit therefore costs a few small unions, and an
// options change only re-unions the cells whose counting set changed.
//
// Issue 15 (speed on registers shaped like real ones): plans already valid skip the repair union
// (simple.ts); parts inside or outside a unit need no Clipper intersection (grid.ts pieceInCell);
// a cell's union is cascaded (pairs of spatial neighbours first, stopping as soon as a partial
// union fills the cell), a piece added to a cell with a cached union is merged into it alone;
// pieces and unions are stored packed (packed.ts); result() is memoised until something changes.
//
// Issue 16: proposals (what-if plans) are kept out of a cell's union, which stays the coverage
// without them; cells holding a counting proposal keep a second cover, that union plus the
// proposals' pieces (few and small: recomputed whole on each proposal edit). Plans are kept sorted
// by approval date, so moving options.asOf re-counts only the plans between the two dates. Gaps
// (gaps.ts) are cell minus cover per cell, cached until that cell's cover changes, and merged
// across cell seams per unit.
import Flatbush from 'flatbush';
import { Clipper, FillRule, type Paths64 } from '@countertype/clipper2-ts';
import { extent, lonLatXY } from '../geo/extent';
import * as Clip from '../geo/clip';
import { createFrame, type Frame } from './frame';
import { clipBox, packedArea, packedBounds, splitPacked, square } from './cut';
import { buildCells, DEFAULT_CELL_METRES, piecePacked, squareKey, type Cell } from './grid';
import { pathsArea } from './measure';
import { approvalDate, type ApprovalDate } from './approval-date';
import { between, insertByDate, removeByDate } from './date-order';
import { differencePolygons, MIN_GAP_PIECE_M2, polygonsToGeometry, seamComponents, seamEdges, shortfall, unionPolygons, type CellGapPiece } from './gaps';
import { Arena, pack, unpack, type Packed } from './packed';
import { attributeExclusion, dateExclusion, isProposal, normalizeOptions, planLevel, planStatus, unrecognisedDetail, type PlanAttribute } from './plan-filter';
import type { PlanLevel, PlanStatus } from '../plans/vocabulary';
import { toPlaneGeometry, toPlanePacked, type PlaneBBox } from './repair';
import { computeTotals, meetsTarget, ratio } from './totals';
import { explicitPlanId, isSlated, planId, uniqueIds, unitId, unitName } from './unit-id';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { CoverageOptions, CoverageResult, ExcludedPlan, ExclusionReason, GapPieceProperties, GapsResult, GapUnit, InputFeature, Problem, UnitCoverage } from './types';

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
  /** Add or replace many plans; returns their ids. */
  upsertPlans(features: readonly InputFeature[]): string[];
  /** Remove plans by id; returns how many existed. */
  removePlans(ids: readonly string[]): number;
  /** Gaps to the target of these units (default: the slated units). */
  gaps(unitIds?: readonly string[]): GapsResult;
  /**
   * Approval dates (ascending, with repeats) of the plans that count by level, status and geometry
   * whatever the date: the steps at which coverage over time can change (timeline.ts).
   */
  approvalDates(): string[];
  /** The options in force (result().options holds only the ones a result file reports). */
  options(): Readonly<CoverageOptions>;
}

/** A plan's piece in a cell: its geometry lives in the cell's arena at `off`. */
interface Piece {
  off: number;
  area64: number;
}

/** Pieces merged per Clipper union in a cascade (measured at 10,000 realistic plans: 2 is ~30 % slower than 4; 8 is no faster). */
const GROUP = 4;

/** Cell states: clean, pieces only added since the cached union, or recompute from all pieces. */
const CLEAN = 0;
const ADDED = 1;
const DIRTY = 2;

interface CellState extends Cell {
  pieces: Map<PlanRec, Piece>;
  /** the pieces' geometry */
  arena: Arena;
  covered_m2: number;
  state: number;
  /** counting pieces added since the cached union (state ADDED) */
  added: Piece[];
  /**
   * The union of the counting pieces (packed), when computed: null when the cell is empty or a
   * single piece or `full`. Kept for incremental merges (and for the cells' gaps).
   */
  union: Packed | null;
  /** the counting pieces fill the cell */
  full: boolean;
  /** proposals with a piece here (counting or not); null when none */
  props: Set<PlanRec> | null;
  /** the cover with the counting proposals (union ∪ their pieces); null when none counts here */
  top: Cover | null;
  /** `top` must be recomputed (a proposal or the union under it changed) */
  topDirty: boolean;
  /** gap pieces (cell minus its cover), null until asked for or after the cover changed */
  gap: GapPiece[] | null;
  /** bbox of the counting pieces added or removed since the union was last computed */
  changed: PlaneBBox | null;
}

/** What covers a cell: its area, the union (null when empty or full), whether it fills the cell. */
interface Cover {
  covered_m2: number;
  union: Packed | null;
  full: boolean;
}

interface GapPiece extends CellGapPiece {
  /** identity for the merge cache */
  id: number;
  /** lon/lat geometry when the piece is a gap polygon on its own (made on first use) */
  geometry?: Polygon | MultiPolygon;
}

interface PlanRec {
  key: string;
  ordinal: number;
  feature: InputFeature;
  level: PlanAttribute<PlanLevel>;
  status: PlanAttribute<PlanStatus>;
  /** the geometry is usable (its pieces are in `cells`) */
  valid: boolean;
  invalid: ExcludedPlan | null;
  repairs: Problem[];
  counting: boolean;
  cells: CellState[];
  /** a what-if plan (properties.proposal === true) */
  proposal: boolean;
  approved: ApprovalDate;
  /** this plan's entry in the date order (dated non-proposals only) */
  dated: { date: string; rec: PlanRec } | null;
}

interface UnitState {
  id: string;
  name: string;
  slated: boolean;
  cells: CellState[];
  area_m2: number;
  row: UnitCoverage | null;
  /** plans with a piece of positive area (> 1 mm², or all of a tiny cell) here: how many such pieces */
  members: Map<PlanRec, number>;
  /** merged gap pieces as features, until a cell's cover changes */
  gaps: { features: Feature<Polygon | MultiPolygon, GapPieceProperties>[]; gap_m2: number } | null;
  /** merged geometry of multi-piece gap components, by their pieces' ids (reused while those pieces stand) */
  merges: Map<string, Polygon | MultiPolygon>;
}

let nextGapId = 1;

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
  /** grid square → the cells (one per unit meeting it) on it */
  let bySquare = new Map<number, CellState[]>();
  /** squares with cells, as prefix sums over the grid range: "any cell in these squares?" in O(1) */
  let occ = { gx0: 0, gy0: 0, w: 0, h: 0, sums: new Int32Array(1) };
  const occupied = (gx0: number, gy0: number, gx1: number, gy1: number): boolean => {
    const x0 = Math.max(gx0 - occ.gx0, 0), y0 = Math.max(gy0 - occ.gy0, 0);
    const x1 = Math.min(gx1 - occ.gx0, occ.w), y1 = Math.min(gy1 - occ.gy0, occ.h);
    if (x0 >= x1 || y0 >= y1) return false;
    const W = occ.w + 1;
    const s = occ.sums;
    return s[y1 * W + x1]! - s[y0 * W + x1]! - s[y1 * W + x0]! + s[y0 * W + x0]! > 0;
  };
  let size = 1;
  // Map order is register order: a new id is appended with the next ordinal, an upsert keeps its
  // place (Map.set on an existing key), so the plan list never needs sorting.
  const recs = new Map<string, PlanRec>();
  let renameProblems: Problem[] = [];
  let nextOrdinal = 0;
  /** non-proposal plans with a readable approval date, in date order; and those without one */
  let dated: { date: string; rec: PlanRec }[] = [];
  const undated = new Set<PlanRec>();
  /** memoised result and its plan section, dropped by whatever changes them */
  let cached: CoverageResult | null = null;
  let planSection: { counted: number; excluded: ExcludedPlan[]; problems: Problem[] } | null = null;

  function buildUnits(input: readonly InputFeature[]): void {
    frame = createFrame(extent(input.map((f) => f.geometry).filter((g) => g?.type === 'Polygon' || g?.type === 'MultiPolygon'), lonLatXY));
    size = Math.max(1, Math.round(cellMetres * frame.unitsPerMetre));
    unitProblems = [];
    cells = [];
    bySquare = new Map();
    unitStates = input.map((f, i) => {
      const id = unitId(f, i);
      const st: UnitState = { id, name: unitName(f), slated: isSlated(f), cells: [], area_m2: 0, row: null, members: new Map(), gaps: null, merges: new Map() };
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
        const cs: CellState = {
          ...c, pieces: new Map(), arena: new Arena(), covered_m2: 0, state: CLEAN, added: [], union: null, full: false,
          props: null, top: null, topDirty: false, gap: null, changed: null,
        };
        st.cells.push(cs);
        cells.push(cs);
        st.area_m2 += c.area_m2;
        const key = squareKey(Math.round(c.rectBox.minX / size), Math.round(c.rectBox.minY / size));
        const on = bySquare.get(key);
        if (on) on.push(cs);
        else bySquare.set(key, [cs]);
      }
      return st;
    });
    let gx0 = Infinity, gy0 = Infinity, gx1 = -Infinity, gy1 = -Infinity;
    for (const c of cells) {
      const gx = Math.round(c.rectBox.minX / size), gy = Math.round(c.rectBox.minY / size);
      gx0 = Math.min(gx0, gx); gy0 = Math.min(gy0, gy); gx1 = Math.max(gx1, gx + 1); gy1 = Math.max(gy1, gy + 1);
    }
    if (cells.length > 0) {
      const w = gx1 - gx0, h = gy1 - gy0, W = w + 1;
      const sums = new Int32Array((w + 1) * (h + 1));
      for (const c of cells) sums[(Math.round(c.rectBox.minY / size) - gy0 + 1) * W + Math.round(c.rectBox.minX / size) - gx0 + 1] = 1;
      for (let y = 1; y <= h; y++) for (let x = 1; x <= w; x++) sums[y * W + x] = sums[y * W + x]! + sums[(y - 1) * W + x]! + sums[y * W + x - 1]! - sums[(y - 1) * W + x - 1]!;
      occ = { gx0, gy0, w, h, sums };
    } else {
      occ = { gx0: 0, gy0: 0, w: 0, h: 0, sums: new Int32Array(1) };
    }
    if (cells.length > 0) {
      const idx = new Flatbush(cells.length);
      for (const c of cells) idx.add(c.bbox.minX, c.bbox.minY, c.bbox.maxX, c.bbox.maxY);
      idx.finish();
      cellIndex = idx;
    } else {
      cellIndex = null;
    }
  }

  function touch(c: CellState, state: number): void {
    if (state > c.state) c.state = state;
    const u = unitStates[c.unit];
    if (u) u.row = null;
    cached = null;
  }

  /** 1 mm²: a smaller overlap does not put a plan in plan_ids (touching edge seen through rounding). */
  function minArea64(): number {
    return 1e-6 * frame.unitsPerMetre ** 2;
  }

  /** A sliver piece (rounding along a shared edge) does not make a plan "in" the unit, unless it is all of a tiny cell. */
  function isMember(c: CellState, piece: Piece): boolean {
    return piece.area64 > minArea64() || piece.area64 >= c.area64 - c.slack64;
  }

  function member(c: CellState, rec: PlanRec, delta: number): void {
    const u = unitStates[c.unit];
    if (!u) return;
    const n = (u.members.get(rec) ?? 0) + delta;
    if (n > 0) u.members.set(rec, n);
    else u.members.delete(rec);
  }

  function detach(rec: PlanRec): void {
    for (const c of rec.cells) {
      const piece = c.pieces.get(rec);
      c.pieces.delete(rec);
      // The changed box is read from the arena before the piece is freed (compaction moves pieces).
      if (rec.counting && !rec.proposal) widen(c, piece);
      if (piece) {
        if (isMember(c, piece)) member(c, rec, -1);
        c.arena.free(piece.off);
        if (c.arena.garbage > 4096 && 2 * c.arena.garbage > c.arena.used) c.arena.compact(c.pieces.values());
      }
      if (rec.proposal) {
        c.props?.delete(rec);
        if (c.props?.size === 0) c.props = null;
        if (rec.counting) c.topDirty = true;
        touch(c, CLEAN);
      } else if (rec.counting) touch(c, DIRTY);
      else touch(c, CLEAN);
    }
    rec.cells = [];
    planSection = null;
    cached = null;
  }

  function place(rec: PlanRec, cell: CellState, packed: Packed, box: PlaneBBox | null): void {
    if (packed.ends.length === 0) return;
    const area64 = packedArea(packed);
    // Touching along an edge or at a corner gives zero area: not a piece.
    if (area64 <= 0) return;
    const b = box ?? packedBounds(packed);
    const piece: Piece = { off: cell.arena.add(packed, b.minX, b.minY, b.maxX, b.maxY), area64 };
    cell.pieces.set(rec, piece);
    rec.cells.push(cell);
    if (isMember(cell, piece)) member(cell, rec, 1);
    if (rec.proposal) {
      (cell.props ??= new Set()).add(rec);
      if (rec.counting) cell.topDirty = true;
      touch(cell, CLEAN);
    } else if (rec.counting) addCounting(cell, piece);
    else touch(cell, CLEAN);
  }

  /** Why a plan with usable geometry is left out under the current options, or null when it counts. */
  function exclusion(rec: PlanRec): ExclusionReason | null {
    return attributeExclusion(rec.level, rec.status, opts) ?? dateExclusion(rec.proposal, rec.approved, opts);
  }

  /** Re-evaluates whether a plan counts; a change reaches its cells as an addition or a removal. */
  function recount(rec: PlanRec): void {
    const counting = rec.valid && exclusion(rec) === null;
    if (counting === rec.counting) return;
    rec.counting = counting;
    for (const c of rec.cells) {
      if (rec.proposal) {
        c.topDirty = true;
        touch(c, CLEAN);
      } else if (!counting) removeCounting(c, c.pieces.get(rec));
      else {
        // A plan that starts counting is an addition to its cells' unions.
        const piece = c.pieces.get(rec);
        if (piece) addCounting(c, piece);
      }
    }
  }

  /** Puts a plan in the date order (or among the undated); proposals are never date-filtered. */
  function indexDate(rec: PlanRec, sorted: boolean): void {
    if (rec.proposal) return;
    if (typeof rec.approved === 'string') {
      rec.dated = { date: rec.approved, rec };
      if (sorted) insertByDate(dated, rec.dated);
      else dated.push(rec.dated);
    } else undated.add(rec);
  }

  function unindexDate(rec: PlanRec): void {
    if (rec.dated) removeByDate(dated, rec.dated);
    rec.dated = null;
    undated.delete(rec);
  }

  /** Widens the cell's changed box by a piece's bbox (read from the arena before the piece is freed). */
  function widen(c: CellState, piece: Piece | undefined): void {
    if (!piece) {
      // Unknown extent: the whole square.
      c.changed = { ...c.rectBox };
      return;
    }
    const b = c.arena.buf, o = piece.off;
    const ch = c.changed;
    if (!ch) c.changed = { minX: b[o + 2]!, minY: b[o + 3]!, maxX: b[o + 4]!, maxY: b[o + 5]! };
    else {
      ch.minX = Math.min(ch.minX, b[o + 2]!); ch.minY = Math.min(ch.minY, b[o + 3]!);
      ch.maxX = Math.max(ch.maxX, b[o + 4]!); ch.maxY = Math.max(ch.maxY, b[o + 5]!);
    }
  }

  function removeCounting(c: CellState, piece: Piece | undefined): void {
    widen(c, piece);
    touch(c, DIRTY);
  }

  function addCounting(cell: CellState, piece: Piece): void {
    widen(cell, piece);
    if (cell.state === CLEAN) {
      cell.state = ADDED;
      cell.added = [];
    }
    if (cell.state === ADDED) cell.added.push(piece);
    touch(cell, ADDED);
  }

  function attach(rec: PlanRec): void {
    const out = toPlanePacked(rec.feature.geometry, frame);
    rec.repairs = [];
    planSection = null;
    cached = null;
    if (!out.ok) {
      rec.valid = false;
      rec.invalid = { id: rec.key, reason: out.reason, detail: out.detail };
      rec.counting = false;
      return;
    }
    rec.valid = true;
    rec.invalid = null;
    rec.repairs = out.repairs.map((r) => ({ subject: 'plan' as const, id: rec.key, kind: r.kind, message: r.message }));
    rec.counting = exclusion(rec) === null;
    if (!cellIndex) return;
    const index = cellIndex;
    const b = out.geom.bbox;
    if (index.search(b.minX, b.minY, b.maxX, b.maxY).length === 0) return;
    // Cut along the grid once (linear half-plane cuts, each vertex about log2(squares) times),
    // then each square's part goes to the cells on that square.
    splitPacked(
      out.geom.packed,
      size,
      (gx, gy, part) => {
        const on = bySquare.get(squareKey(gx, gy));
        if (!on) return;
        const partBox = packedBounds(part);
        for (const cell of on) {
          const piece = piecePacked(cell, part, partBox);
          place(rec, cell, piece, piece === part ? partBox : null);
        }
      },
      occupied,
    );
  }

  function makeRec(feature: InputFeature, key: string, ordinal: number): PlanRec {
    return {
      key,
      ordinal,
      feature,
      level: planLevel(feature),
      status: planStatus(feature),
      valid: false,
      invalid: null,
      repairs: [],
      counting: false,
      cells: [],
      proposal: isProposal(feature),
      approved: approvalDate(feature),
      dated: null,
    };
  }

  function loadPlans(input: readonly InputFeature[]): void {
    recs.clear();
    dated = [];
    undated.clear();
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
      indexDate(rec, false);
      attach(rec);
    });
    // One sort for the whole register (stable: register order within a date).
    dated.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    nextOrdinal = input.length;
  }


  /** Covered area of a cell from its counting pieces, refreshing the cached union. */
  function cellCovered(c: CellState): number {
    const full = c.area64 - c.slack64;
    if (c.state === ADDED && (c.full || c.union !== null || c.covered_m2 === 0)) {
      // Only additions since the cached union: merge the new pieces into it.
      if (c.full) return c.area_m2;
      const parts: Piece[] = [...c.added];
      for (const p of parts) if (p.area64 >= full) return setFull(c);
      if (c.union === null && parts.length === 1 && c.covered_m2 === 0) {
        return single(c, parts[0]!);
      }
      const base = c.union ? [unpack(c.union)] : [];
      return merged(c, cascade([...base, ...spatialOrder(parts, c).map((p) => c.arena.unpack(p.off))], full));
    }
    if (c.state === DIRTY) {
      const local = repairAround(c);
      if (local !== null) return local;
    }
    // From scratch: every counting piece.
    const counting: Piece[] = [];
    for (const [rec, piece] of c.pieces) {
      // Proposals are not in the union: it is the coverage without them (see `top`).
      if (!rec.counting || rec.proposal) continue;
      // A piece filling the cell settles it without any union.
      if (piece.area64 >= full) return setFull(c);
      counting.push(piece);
    }
    c.union = null;
    c.full = false;
    if (counting.length === 0) return 0;
    if (counting.length === 1) return single(c, counting[0]!);
    return merged(c, cascade(spatialOrder(counting, c).map((p) => c.arena.unpack(p.off)), full));
  }

  /**
   * A removal (issue 16: moving the date back removes the latest plans) re-unions only the box
   * the pieces added or removed since the cached union span: outside the box the cached union
   * stays as it was, inside it is the union of the pieces meeting the box, clipped to it. In a
   * cell the plans fill, a removal whose neighbours still cover its box costs a clip or two and no
   * union at all. Null when there is no such box (then the caller re-unions every piece).
   */
  function repairAround(c: CellState): number | null {
    const ch = c.changed;
    const r = c.rectBox;
    if (!ch) return null;
    const x0 = Math.max(ch.minX, r.minX), y0 = Math.max(ch.minY, r.minY);
    const x1 = Math.min(ch.maxX, r.maxX), y1 = Math.min(ch.maxY, r.maxY);
    // Even a change spanning the whole square is cheaper this way than a union of every piece, as
    // the largest pieces are tried alone first (stepping the date back a month on the 10,000-plan
    // register, loaded machine: 31 ms a step, against 38 ms when boxes over half the square
    // re-unioned every piece).
    if (x0 >= x1 || y0 >= y1) return null;
    const box = square(x0, y0, x1, y1);
    const region: Paths64 = c.interior ? [box] : Clip.intersect(c.geom, [box], FillRule.NonZero);
    // "Fills the box": within a strip one grid unit wide along its outline (as for the cell).
    const regionFull = Clipper.areaPaths(region) - 2 * (x1 - x0 + y1 - y0);
    const near: Piece[] = [];
    for (const [rec, piece] of c.pieces) {
      if (rec.counting && !rec.proposal && c.arena.meets(piece.off, x0, y0, x1, y1)) near.push(piece);
    }
    // Largest first: in a cell the plans fill, one of them usually covers the whole box alone.
    near.sort((a, b) => b.area64 - a.area64);
    const parts: Paths64[] = [];
    let filled = false;
    for (const piece of near) {
      const part = clipBox(c.arena.extract(piece.off), x0, y0, x1, y1);
      const a = part.ends.length > 0 ? packedArea(part) : 0;
      if (a >= regionFull) {
        filled = true;
        break;
      }
      if (a > 0) parts.push(unpack(part));
    }
    const inside = filled ? 'full' : parts.length === 0 ? [] : cascade(parts, regionFull);
    // The cell was full and still is within the box: nothing else changed.
    if (inside === 'full' && c.full) return c.area_m2;
    const before: Paths64 | null = c.full ? c.geom : c.union ? unpack(c.union) : null;
    const outside = before ? Clip.difference(before, [box], FillRule.NonZero) : [];
    const all = [...outside, ...(inside === 'full' ? region : inside)];
    if (all.length === 0) {
      c.full = false;
      c.union = null;
      return 0;
    }
    return merged(c, cascade([all], c.area64 - c.slack64));
  }

  function setFull(c: CellState): number {
    c.full = true;
    c.union = null;
    return c.area_m2;
  }

  function single(c: CellState, p: Piece): number {
    c.full = false;
    // One piece is its own union.
    c.union = c.arena.extract(p.off);
    return Math.min(pathsArea(unpack(c.union), frame), c.area_m2);
  }

  function merged(c: CellState, u: Paths64 | 'full'): number {
    if (u === 'full') return setFull(c);
    c.full = false;
    c.union = u.length > 0 ? pack(u) : null;
    return Math.min(pathsArea(u, frame), c.area_m2);
  }

  /**
   * Union of NonZero paths, cascaded: neighbours in pairs, then pairs of pairs, so overlapping
   * pieces merge early and later levels see only the merged outlines (a flat union of hundreds
   * of overlapping pieces makes the scanline process every crossing of every pair). 'full' as
   * soon as a partial union fills the cell.
   */
  function cascade(level: Paths64[], full: number): Paths64 | 'full' {
    if (level.length === 1) {
      const u = Clip.union(level[0]!, FillRule.NonZero);
      return Clipper.areaPaths(u) >= full ? 'full' : u;
    }
    // Groups of GROUP neighbours per union: fewer Clipper calls than pairs, and still small
    // enough that overlapping outlines merge before the next level.
    while (level.length > 1) {
      const next: Paths64[] = [];
      for (let i = 0; i < level.length; i += GROUP) {
        if (i + 1 >= level.length) {
          next.push(level[i]!);
          continue;
        }
        const group: Paths64 = [];
        for (let k = i; k < Math.min(i + GROUP, level.length); k++) for (const p of level[k]!) group.push(p);
        const u = Clip.union(group, FillRule.NonZero);
        if (Clipper.areaPaths(u) >= full) return 'full';
        next.push(u);
      }
      level = next;
    }
    return level[0]!;
  }

  /** Brings a cell's union, its cover with proposals and (by dropping it) its gap up to date. */
  function refresh(c: CellState): void {
    if (c.state !== CLEAN) {
      c.covered_m2 = cellCovered(c);
      c.state = CLEAN;
      c.added = [];
      c.changed = null;
      if (c.props) c.topDirty = true;
      dropGap(c);
    }
    if (c.topDirty) {
      c.top = coverWithProposals(c);
      c.topDirty = false;
      dropGap(c);
    }
  }

  function dropGap(c: CellState): void {
    c.gap = null;
    const u = unitStates[c.unit];
    if (u) u.gaps = null;
  }

  /** The cell's union plus its counting proposals' pieces; null when no proposal counts here. */
  function coverWithProposals(c: CellState): Cover | null {
    const pieces: Piece[] = [];
    for (const rec of c.props ?? []) {
      const p = rec.counting ? c.pieces.get(rec) : undefined;
      if (p) pieces.push(p);
    }
    if (pieces.length === 0) return null;
    const full = c.area64 - c.slack64;
    const whole: Cover = { covered_m2: c.area_m2, union: null, full: true };
    if (c.full || pieces.some((p) => p.area64 >= full)) return whole;
    const parts: Paths64[] = pieces.map((p) => c.arena.unpack(p.off));
    if (c.union) parts.unshift(unpack(c.union));
    const u = cascade(parts, full);
    if (u === 'full') return whole;
    return { covered_m2: Math.min(pathsArea(u, frame), c.area_m2), union: u.length > 0 ? pack(u) : null, full: false };
  }

  function unitRow(u: UnitState): UnitCoverage {
    let covered = 0;
    let base = 0;
    for (const c of u.cells) {
      refresh(c);
      base += c.covered_m2;
      covered += (c.top ?? c).covered_m2;
    }
    covered = Math.min(covered, u.area_m2);
    base = Math.min(base, u.area_m2);
    const coverage = ratio(covered, u.area_m2);
    const ids: PlanRec[] = [];
    let proposal = false;
    for (const rec of u.members.keys()) {
      if (!rec.counting) continue;
      ids.push(rec);
      if (rec.proposal) proposal = true;
    }
    ids.sort((a, b) => a.ordinal - b.ordinal);
    const plan_ids = ids.map((r) => r.key);
    return Object.freeze({
      id: u.id,
      name: u.name,
      slated: u.slated,
      area_m2: u.area_m2,
      covered_m2: covered,
      coverage,
      meets_target: meetsTarget(coverage, opts.target),
      plan_ids: Object.freeze(plan_ids) as string[],
      // Only where a counting proposal meets the unit: "72,4 % → 81,0 % với đề xuất".
      ...(proposal ? { base_covered_m2: base, base_coverage: ratio(base, u.area_m2) } : {}),
    });
  }

  /** The cell's gap: cell minus its cover, as connected pieces with their areas and seam edges. */
  function cellGap(c: CellState): GapPiece[] {
    refresh(c);
    if (c.gap) return c.gap;
    const cover = c.top ?? c;
    const polys = cover.full ? [] : differencePolygons(c.geom, cover.union ? unpack(cover.union) : null);
    c.gap = polys.map((paths) => ({
      id: nextGapId++,
      paths,
      area_m2: cover.union === null && polys.length === 1 ? c.area_m2 : pathsArea(paths, frame),
      seams: c.interior || c.cuts ? seamEdges(paths, c.rectBox) : seamEdges(paths, c.rectBox),
    }));
    return c.gap;
  }

  /** A unit's gap pieces merged across cell seams, largest first, as WGS 84 features. */
  function unitGaps(u: UnitState): NonNullable<UnitState['gaps']> {
    if (u.gaps) return u.gaps;
    const pieces: GapPiece[] = [];
    for (const c of u.cells) for (const p of cellGap(c)) pieces.push(p);
    const merges = new Map<string, Polygon | MultiPolygon>();
    const parts: { geometry: Polygon | MultiPolygon; area_m2: number }[] = [];
    let gap_m2 = 0;
    for (const group of seamComponents(pieces)) {
      let area = 0;
      for (const i of group) area += pieces[i]!.area_m2;
      gap_m2 += area;
      if (area < MIN_GAP_PIECE_M2) continue;
      let geometry: Polygon | MultiPolygon;
      if (group.length === 1) {
        const p = pieces[group[0]!]!;
        geometry = p.geometry ??= polygonsToGeometry([p.paths], frame);
      } else {
        const key = group.map((i) => pieces[i]!.id).sort((a, b) => a - b).join(',');
        geometry = u.merges.get(key) ?? polygonsToGeometry(unionPolygons(group.map((i) => pieces[i]!.paths)), frame);
        merges.set(key, geometry);
      }
      parts.push({ geometry, area_m2: area });
    }
    u.merges = merges;
    parts.sort((a, b) => b.area_m2 - a.area_m2);
    u.gaps = {
      gap_m2,
      features: parts.map((p, i) => ({
        type: 'Feature' as const,
        properties: { unit_id: u.id, unit_name: u.name, area_m2: p.area_m2, rank: i + 1 },
        geometry: p.geometry,
      })),
    };
    return u.gaps;
  }

  function plansPart(): { counted: number; excluded: ExcludedPlan[]; problems: Problem[] } {
    if (planSection) return planSection;
    const excluded: ExcludedPlan[] = [];
    const problems: Problem[] = [];
    let counted = 0;
    for (const rec of recs.values()) {
      for (const p of rec.repairs) problems.push(p);
      if (rec.invalid) excluded.push(rec.invalid);
      else if (rec.counting) counted++;
      else {
        const reason = exclusion(rec) ?? 'invalid_geometry';
        const detail = reason === 'no_approval_date' && typeof rec.approved === 'object'
          ? `approval date "${rec.approved.unreadable}" is not a date (YYYY-MM-DD or DD/MM/YYYY)`
          : unrecognisedDetail(rec.level, rec.status);
        excluded.push({ id: rec.key, reason, ...(detail ? { detail } : {}) });
      }
    }
    planSection = { counted, excluded, problems };
    return planSection;
  }

  function upsertPlan(feature: InputFeature): string {
    // Without an id the plan gets the next index, skipping any taken one (never replaces).
    let key = explicitPlanId(feature);
    if (key === undefined) {
      while (recs.has(String(nextOrdinal))) nextOrdinal++;
      key = String(nextOrdinal);
    }
    const old = recs.get(key);
    if (old) {
      detach(old);
      unindexDate(old);
    }
    const rec = makeRec(feature, key, old ? old.ordinal : nextOrdinal++);
    recs.set(key, rec);
    indexDate(rec, true);
    attach(rec);
    return key;
  }

  function removePlan(id: string): boolean {
    const rec = recs.get(id);
    if (!rec) return false;
    detach(rec);
    unindexDate(rec);
    recs.delete(id);
    return true;
  }

  buildUnits(units);
  loadPlans(plans);

  return {
    /**
     * The current result. Memoised: when nothing changed since the last call it is the same
     * (frozen) object, at no cost; an edit recomputes only the cells and rows it touched.
     */
    result(): CoverageResult {
      if (cached) return cached;
      const rows = unitStates.map((u) => (u.row ??= unitRow(u)));
      const p = plansPart();
      cached = Object.freeze({
        units: Object.freeze(rows) as UnitCoverage[],
        totals: Object.freeze(computeTotals(rows)),
        options: Object.freeze({ levels: [...opts.levels], statuses: [...opts.statuses], target: opts.target }),
        plans: Object.freeze({ counted: p.counted, excluded: Object.freeze([...p.excluded]) as ExcludedPlan[] }),
        problems: Object.freeze([...unitProblems, ...renameProblems, ...p.problems]) as Problem[],
        as_of: opts.asOf ?? null,
      });
      return cached;
    },

    upsertPlan,
    removePlan,

    setOptions(o: Partial<CoverageOptions>): void {
      const prev = opts;
      opts = normalizeOptions({ ...opts, ...o });
      const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((v) => b.includes(v));
      if (!same(prev.levels, opts.levels) || !same(prev.statuses, opts.statuses) || prev.proposals !== opts.proposals) {
        for (const rec of recs.values()) recount(rec);
      } else if (prev.asOf !== opts.asOf) {
        // Only the plans between the two dates change (and the undated ones when the filter turns on or off).
        const was = prev.asOf ?? null, now = opts.asOf ?? null;
        if (was !== null && now !== null) for (const e of between(dated, was, now)) recount(e.rec);
        else {
          const from = was ?? now!;
          for (const e of between(dated, from, '9999-12-31')) recount(e.rec);
          for (const rec of undated) recount(rec);
        }
      }
      // The target only changes meets_target (and shortfalls): rows are rebuilt, cells stay cached.
      if (prev.target !== opts.target) for (const u of unitStates) u.row = null;
      planSection = null;
      cached = null;
    },

    upsertPlans: (features: readonly InputFeature[]): string[] => features.map((f) => upsertPlan(f)),

    removePlans(ids: readonly string[]): number {
      let n = 0;
      for (const id of ids) if (removePlan(id)) n++;
      return n;
    },

    options: () => opts,

    approvalDates(): string[] {
      const out: string[] = [];
      for (const e of dated) if (e.rec.valid && attributeExclusion(e.rec.level, e.rec.status, opts) === null) out.push(e.date);
      return out;
    },

    gaps(unitIds?: readonly string[]): GapsResult {
      const wanted = unitIds ? new Set(unitIds) : null;
      const units: GapUnit[] = [];
      const features: Feature<Polygon | MultiPolygon, GapPieceProperties>[] = [];
      for (const u of unitStates) {
        if (wanted ? !wanted.has(u.id) : !u.slated) continue;
        const row = (u.row ??= unitRow(u));
        const g = unitGaps(u);
        units.push({
          unit_id: u.id,
          name: u.name,
          slated: u.slated,
          area_m2: row.area_m2,
          covered_m2: row.covered_m2,
          gap_m2: g.gap_m2,
          shortfall_m2: shortfall(opts.target, row.area_m2, row.covered_m2),
        });
        for (const f of g.features) features.push(f);
      }
      return { as_of: opts.asOf ?? null, target: opts.target, units, pieces: { type: 'FeatureCollection', features } };
    },

    setUnits(next: readonly InputFeature[]): void {
      // A new unit set means a new frame: re-clip every plan.
      const features = [...recs.values()];
      buildUnits(next);
      for (const rec of features) {
        rec.cells = [];
        attach(rec);
      }
      cached = null;
    },
  };
}

/** Pieces in Morton (Z) order of their bbox centres within the cell: neighbours merge first. */
function spatialOrder(pieces: Piece[], c: CellState): Piece[] {
  const box = c.rectBox;
  const a = c.arena;
  const w = Math.max(1, box.maxX - box.minX);
  const h = Math.max(1, box.maxY - box.minY);
  const key = (p: Piece): number => {
    const x = Math.max(0, Math.min(255, Math.floor(((a.centre2X(p.off) / 2 - box.minX) / w) * 256)));
    const y = Math.max(0, Math.min(255, Math.floor(((a.centre2Y(p.off) / 2 - box.minY) / h) * 256)));
    let k = 0;
    for (let bit = 7; bit >= 0; bit--) k = (k << 2) | (((x >> bit) & 1) << 1) | ((y >> bit) & 1);
    return k;
  };
  return pieces.map((p) => ({ p, k: key(p) })).sort((a, b) => a.k - b.k).map((e) => e.p);
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
