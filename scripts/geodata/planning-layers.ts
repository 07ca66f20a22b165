// The planning layers (issue 3), built from the hand-authored table and the generated units.
// Pure: the parsed inputs in, the output files' names and exact text (plus a report) out; the
// CLI (scripts/build-planning-layers.ts) reads and writes the files. Deterministic: every random
// choice comes from a PRNG seeded by the table's seed and the feature id, so output is
// byte-identical.
//
// No official geometry exists for any of these features: industrial zones, the golf course, the
// pottery village and housing are grown from an anchor inside their host units to their stated
// area; roads and the railway are hand-traced schematic alignments; the river follows the district
// edge; plans-demo is a fictional register made to exercise the coverage tool (see
// geodata/README.md, "Planning layers"). The places the resolution names that the table lacks
// (source/resolution-places.json) are added as points to the tourism or infrastructure layer, at
// their published coordinate or at their commune's reference point (marked indicative); places
// without a position are not drawn. The golf course gets the decisions listed there.
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, Point, Polygon, Position } from 'geojson';
import { geometryArea, polygonCoordsArea } from '../../src/geo/area.ts';
import { extent } from '../../src/geo/extent.ts';
import { mulberry32 } from '../../src/geo/prng.ts';
import type { Polygonal } from '../../src/geo/types.ts';
import { blobPolygon, growToArea, randomBlobShape } from './grow-polygon.ts';
import { boundaryArc, clipLineToPolygons, offsetLine, pointInRings, simplifyLine } from './line-tools.ts';
import { VIET_YEN_PLANE as plane } from './local-plane.ts';
import { rotatedGrid, rotatedRect } from './plan-tiling.ts';
import { differenceGeom, dropSmallParts, intersectGeom, unionGeom } from './polygon-ops.ts';
import { stringifyFeatureCollection } from './serialize-geojson.ts';
import { polygonsOf, roundTo, tidyPolygonal } from './tidy-polygonal.ts';

type Confidence = 'H' | 'M' | 'U';

// ---------- the source table ----------
interface Shape {
  aspect: number;
  rotation_deg: number;
}
interface IndustrySrc {
  id: string;
  name: string;
  kind: 'KCN' | 'CCN';
  aliases: string[];
  host_units: string[];
  area_ha: number | null;
  demo_area_ha: number | null;
  status: 'operating' | 'expanding' | 'planned';
  decision: string | null;
  anchor: Position;
  shape: Shape;
  bounded_by?: { road: string; side: 'north' | 'south' | 'east' | 'west' }[];
  description: string;
  confidence: Confidence;
  note: string;
}
type InfraGeom =
  | { type: 'boundary_arc'; from: Position; to: Position; via: Position; offset_m: number; simplify_m: number }
  | { type: 'line'; waypoints: Position[] }
  | { type: 'bank_polygon'; near: Position; area_ha: number }
  | { type: 'point'; position: Position }
  | { type: 'grown_polygon'; anchor: Position; area_ha: number; shape: Shape };
interface InfraSrc {
  id: string;
  name: string;
  kind: string;
  status: 'existing' | 'planned';
  aliases: string[];
  host_units?: string[];
  geometry: InfraGeom;
  description: string;
  confidence: Confidence;
  geometry_note?: string;
  plan_ref?: string;
}
type TourismGeom =
  | { type: 'point'; position: Position; position_source: 'facts' | 'placed' }
  | { type: 'grown_polygon'; anchor: Position; area_ha: number; shape: Shape; within_box?: [number, number, number, number] }
  | { type: 'hull_polygon'; around: string[]; buffer_m: number };
interface TourismSrc {
  id: string;
  name: string;
  kind: string;
  unit_code: string;
  unit_codes?: string[];
  aliases: string[];
  geometry: TourismGeom;
  heritage_rank: string | null;
  description: string;
  confidence: Confidence;
}
interface PlansUnitSrc {
  code: string;
  approved: number;
  zoning: number;
  in_preparation: number;
  angle_deg: number;
}
interface PlanSpecial {
  center: Position;
  size_m: [number, number];
  angle_deg: number;
  level: Level;
  status: PlanStatus;
  name: string;
}
export interface PlanningSource {
  seed: string;
  industry: IndustrySrc[];
  infrastructure: InfraSrc[];
  tourism: TourismSrc[];
  plans_demo: { seed: string; cell_m: [number, number]; jitter_m: number; units: PlansUnitSrc[]; cross_boundary: PlanSpecial[]; overlaps: number };
}
export type Level = 'detailed' | 'zoning';
export type PlanStatus = 'approved' | 'in_preparation';

export interface UnitProps {
  id: string;
  code: string;
  name: string;
  type_2021: 'Thị trấn' | 'Xã';
  slated_ward: boolean;
}

// ---------- geodata/source/resolution-places.json (checked by checkResolutionPlaces) ----------
interface Bilingual {
  vi: string;
  en: string;
}
export interface PlaceSourceRef {
  document: string;
  date: string | null;
  url?: string;
  page?: string;
  note?: string;
}
export interface ResolutionPlace {
  id: string;
  name: Bilingual;
  kind: string;
  lon: number | null;
  lat: number | null;
  /** published: a sourced coordinate; indicative: the reference point of commune_unit_id; unknown: not placed */
  position: 'published' | 'indicative' | 'unknown';
  position_note: string;
  commune_unit_id: string | null;
  source: PlaceSourceRef;
  confidence: Confidence;
  verified: boolean;
  named_by_resolution: 'yes' | 'generic' | 'unverified';
  on_map: string | null;
  note: string;
}
export interface GolfDecision {
  id: string;
  decision: string | null;
  issuer: Bilingual;
  date: string;
  precision: 'day' | 'month' | 'quarter' | 'year';
  subject: Bilingual;
  area_ha: number | null;
  source: PlaceSourceRef;
  confidence: Confidence;
}
export interface ResolutionPlacesSource {
  places: ResolutionPlace[];
  golf_course: { on_map: string; units: string[]; decisions: GolfDecision[] };
}

/**
 * The layer a positioned place is drawn in, by its `kind`. A positioned place of a kind not listed
 * here stops the build (decide its layer, and add the kind's label to the catalog entry, first).
 * A line (QL17) cannot be drawn from one point: it stays out of this table until an alignment exists.
 */
export const PLACE_LAYERS: Readonly<Record<string, { layer: 'tourism' } | { layer: 'infrastructure'; status: 'existing' | 'planned' }>> = {
  quan_ho_village: { layer: 'tourism' },
  craft_village: { layer: 'tourism' },
  compact_urban_core: { layer: 'infrastructure', status: 'planned' },
};
/** Places that share one reference point are shown this far from it, around a circle, so each can be clicked. */
export const SHARED_POINT_SPREAD_M = 100;

export interface PlanningSources {
  /** geodata/source/planning.json */
  planning: PlanningSource;
  /** geodata/units-2021.geojson */
  units: FeatureCollection<Polygonal, UnitProps>;
  /** geodata/district.geojson */
  district: FeatureCollection<Polygonal>;
  /** geodata/source/resolution-places.json */
  places: ResolutionPlacesSource;
}

export interface PlanningBuild {
  /** file name under geodata/ → text, in writing order */
  files: Record<string, string>;
  /** what the build measured and did, one line each */
  report: string[];
}

export const PLANNING_LAYER_FILES = ['industry.geojson', 'infrastructure.geojson', 'tourism.geojson', 'plans-demo.geojson'] as const;

const HA = 10_000;
const areaOfRings = (rings: Position[][]) => polygonCoordsArea(rings);

// ---------- small helpers ----------
const round5 = (p: Position): Position => [roundTo(p[0]!, 5), roundTo(p[1]!, 5)];
const round5Line = (l: readonly Position[]): Position[] => {
  const out: Position[] = [];
  for (const p of l.map(round5)) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
};
const inside = (p: Position, g: Polygonal) => pointInRings(p, polygonsOf(g));
const feature = <G extends Feature['geometry']>(id: string, properties: Record<string, unknown>, geometry: G): Feature<G> => ({ type: 'Feature', id, properties, geometry });

/** Rounded, RFC 7946-wound, and checked for self-intersections (a failure stops the build). */
function finishPolygon(g: Polygonal | null, what: string): Polygonal {
  const t = g ? tidyPolygonal(g, 5) : null;
  if (!t) throw new Error(`${what}: empty geometry`);
  const k = turf.kinks(turf.feature(t));
  if (k.features.length > 0) throw new Error(`${what}: ${k.features.length} self-intersections after rounding`);
  return t;
}

/** A small regular polygon (disc) in metres, for keep-away zones around sites. */
const disc = (c: Position, r: number, n = 12): Polygon =>
  blobPolygon(plane, c, r, { aspect: 1, rotationDeg: 0, squareness: 2, wobble: [], vertices: n });

/** The half of the plane on one side of a (roughly monotone) road, as a large polygon. */
function sideOfRoad(way: readonly Position[], side: 'north' | 'south' | 'east' | 'west'): Polygon {
  const far = 0.3;
  const pts = way.map((p) => [p[0]!, p[1]!] as Position);
  let ring: Position[];
  if (side === 'north' || side === 'south') {
    pts.sort((a, b) => a[0]! - b[0]!);
    const w = pts[0]!;
    const e = pts[pts.length - 1]!;
    const y = side === 'north' ? Math.max(...pts.map((p) => p[1]!)) + far : Math.min(...pts.map((p) => p[1]!)) - far;
    ring = [[w[0]! - far, w[1]!], ...pts, [e[0]! + far, e[1]!], [e[0]! + far, y], [w[0]! - far, y]];
  } else {
    pts.sort((a, b) => a[1]! - b[1]!);
    const s = pts[0]!;
    const n = pts[pts.length - 1]!;
    const x = side === 'east' ? Math.max(...pts.map((p) => p[0]!)) + far : Math.min(...pts.map((p) => p[0]!)) - far;
    ring = [[s[0]!, s[1]! - far], ...pts, [n[0]!, n[1]! + far], [x, n[1]! + far], [x, s[1]! - far]];
  }
  ring.push(ring[0]!);
  return (turf.rewind(turf.polygon([ring])) as Feature<Polygon>).geometry;
}

/** Grows an indicative polygon from `anchor` inside `allowed` to `targetM2` (±1%, at worst ±3%). */
function grow(seed: string, id: string, anchor: Position, shape: Shape, allowed: Polygonal, targetM2: number): Polygonal {
  const rng = mulberry32(`${seed}:${id}`);
  const s = randomBlobShape(rng, { aspect: shape.aspect, rotationDeg: shape.rotation_deg });
  const r = growToArea(
    (radius) => dropSmallParts(intersectGeom(blobPolygon(plane, anchor, radius, s), allowed), areaOfRings, { minHoleM2: 2 * HA }),
    (g) => geometryArea(g),
    targetM2,
    { tolerance: 0.01, maxRadiusM: 6000 },
  );
  if (!r) throw new Error(`${id}: nothing can grow at its anchor`);
  if (Math.abs(r.ratio - 1) > 0.03) throw new Error(`${id}: reached ${(r.areaM2 / HA).toFixed(1)} ha of ${(targetM2 / HA).toFixed(1)} ha (host units too small or taken)`);
  return r.geometry;
}

/** Moves a placed point into its unit if the schematic unit boundary leaves it outside. */
function placeInside(id: string, p: Position, g: Polygonal, log: (s: string) => void): Position {
  if (inside(p, g)) return p;
  // nearest point of the unit shrunk by 150 m, so it sits clearly inside
  const shrunk = turf.buffer(turf.feature(g), -0.15, { units: 'kilometers' });
  const target = shrunk?.geometry ?? g;
  const np = turf.nearestPointOnLine(turf.polygonToLine(turf.feature(target)) as Feature<LineString | MultiLineString>, turf.point(p));
  log(`  ${id}: placed point outside its unit, moved ${(np.properties.dist * 1000 + 150).toFixed(0)} m inside`);
  return np.geometry.coordinates;
}

/** A polygon scaled about a point by `k` (shrinking a plan to hit a target). */
const scale = (g: Polygon, about: Position, k: number): Polygon => turf.transformScale(g, k, { origin: about });

/** Trims vertex-heavy pieces (clipped to schematic unit edges) to ≤ 30 vertices. */
function limitVertices(g: Polygon): Polygon {
  let out = g;
  for (let tol = 0.00003; out.coordinates[0]!.length > 31 && tol < 0.01; tol *= 1.6) {
    out = turf.simplify(turf.feature(g), { tolerance: tol, highQuality: true }).geometry as Polygon;
  }
  return out;
}

/**
 * Edge pieces of a unit (where the grid meets the schematic boundary) are often tiny: merge each
 * piece under 45 ha into its smallest neighbour while the result stays one polygon ≤ 150 ha, so
 * the register keeps plan-sized polygons (and stays within 40–80 plans).
 */
function mergeSmallPieces(pieces: { g: Polygon; c: Position; a: number }[]): void {
  for (let again = true; again; ) {
    again = false;
    pieces.sort((x, y) => x.a - y.a);
    for (const small of pieces) {
      if (small.a >= 45 * HA) break;
      const nbs = pieces.filter((o) => o !== small && turf.booleanIntersects(o.g, small.g));
      for (const nb of nbs) {
        const u = unionGeom([small.g, nb.g]);
        if (!u || u.type !== 'Polygon') continue;
        const a = geometryArea(u);
        if (a > 150 * HA) continue;
        nb.g = u;
        nb.a = a;
        pieces.splice(pieces.indexOf(small), 1);
        again = true;
        break;
      }
      if (again) break;
    }
  }
}

/** What every stage needs: the table, the units and district, and the report. */
interface Ctx {
  src: PlanningSource;
  units: Map<string, Feature<Polygonal, UnitProps>>;
  unitsFc: FeatureCollection<Polygonal, UnitProps>;
  unitGeom: (code: string) => Polygonal;
  /** union of the named units */
  unionOf: (codes: readonly string[]) => Polygonal;
  district: Polygonal;
  districtPolys: Position[][][];
  log: (s: string) => void;
}

// ---------- tourism points (first: industry keeps away from them) ----------
function placeTourismPoints(ctx: Ctx): Map<string, Position> {
  const tourismPos = new Map<string, Position>();
  for (const t of ctx.src.tourism) {
    if (t.geometry.type !== 'point') continue;
    const p = t.geometry.position_source === 'facts' ? t.geometry.position : placeInside(t.id, t.geometry.position, ctx.unitGeom(t.unit_code), ctx.log);
    tourismPos.set(t.id, round5(p));
  }
  return tourismPos;
}

// ---------- industry ----------
function buildIndustry(ctx: Ctx, tourismPos: ReadonlyMap<string, Position>): { features: Feature<Polygonal>[]; geoms: Polygonal[] } {
  const { src, log } = ctx;
  const roadById = new Map(src.infrastructure.map((i) => [i.id, i]));
  log('industry (indicative, grown to area):');
  const industryGeoms: Polygonal[] = [];
  const industry: Feature<Polygonal>[] = [];
  const keepAway = [...tourismPos.entries()].map(([id, p]) => disc(p, src.tourism.find((t) => t.id === id)!.heritage_rank || id === 'dinh-tho-ha' ? 450 : 180));
  for (const z of src.industry) {
    let allowed: Polygonal | null = ctx.unionOf(z.host_units);
    for (const b of z.bounded_by ?? []) {
      const road = roadById.get(b.road);
      if (!road || road.geometry.type !== 'line') throw new Error(`${z.id}: bounded_by unknown road ${b.road}`);
      allowed = intersectGeom(allowed, sideOfRoad(road.geometry.waypoints, b.side));
    }
    allowed = differenceGeom(allowed, [...industryGeoms, ...keepAway]);
    if (!allowed) throw new Error(`${z.id}: no room left in its host units`);
    const targetHa = z.area_ha ?? z.demo_area_ha;
    if (targetHa === null) throw new Error(`${z.id}: needs area_ha or demo_area_ha`);
    const g = finishPolygon(grow(src.seed, z.id, z.anchor, z.shape, allowed, targetHa * HA), z.id);
    // Rounding can nudge a vertex across a neighbour's edge: subtract earlier zones once more.
    const clean = finishPolygon(dropSmallParts(differenceGeom(g, industryGeoms), areaOfRings), z.id);
    industryGeoms.push(clean);
    const a = geometryArea(clean) / HA;
    log(`  ${z.id.padEnd(26)} ${a.toFixed(1).padStart(6)} ha (target ${targetHa}${z.area_ha === null ? ', demo size' : ''})`);
    industry.push(
      feature(z.id, {
        id: z.id,
        name: z.name,
        aliases: z.aliases,
        kind: z.kind,
        area_ha: z.area_ha,
        drawn_area_ha: roundTo(a, 1),
        host_units: z.host_units,
        status: z.status,
        decision: z.decision,
        description: z.description,
        note: z.note,
        geometry: 'indicative',
        geometry_source:
          z.area_ha === null
            ? `Indicative: grown from an anchor inside the host units and sized to a plausible demonstration area (~${targetHa} ha; the real area is not published, so area_ha is null); no official boundary published`
            : 'Indicative: grown from an anchor inside the host units and sized to the stated area (±10%); no official boundary published',
        provenance: 'indicative',
        confidence: z.confidence,
      }, clean),
    );
  }
  return { features: industry, geoms: industryGeoms };
}

// ---------- infrastructure ----------
function buildInfrastructure(ctx: Ctx, industryGeoms: readonly Polygonal[]): Feature[] {
  const { src, log, district, districtPolys } = ctx;
  log('infrastructure (indicative, schematic):');
  const infrastructure: Feature[] = [];
  let riverLine: Position[] | null = null;
  const outerRing = (() => {
    // the district's largest polygon's outer ring (RFC 7946: counter-clockwise)
    const parts = districtPolys.map((p) => ({ r: p[0]!, a: polygonCoordsArea([p[0]!]) }));
    parts.sort((x, y) => y.a - x.a);
    return parts[0]!.r;
  })();

  for (const it of src.infrastructure) {
    const gs = it.geometry;
    let geometry: Feature['geometry'];
    let geometrySource: string;
    if (gs.type === 'boundary_arc') {
      const arc = simplifyLine(boundaryArc(outerRing, gs.from, gs.to, gs.via, plane), gs.simplify_m, plane);
      // Offset outward: try the left side, and flip if that lands inside the district.
      let off = offsetLine(arc, gs.offset_m, plane);
      const insideShare = off.filter((p) => pointInRings(p, districtPolys)).length / off.length;
      if (insideShare > 0.5) off = offsetLine(arc, -gs.offset_m, plane);
      let line = round5Line(off);
      if (turf.kinks(turf.lineString(line)).features.length > 0) {
        line = round5Line(arc); // a sharp bend folded the offset: fall back to the boundary itself
        log(`  ${it.id}: offset folded, using the boundary line`);
      }
      riverLine = line;
      geometry = { type: 'LineString', coordinates: line };
      geometrySource = `Indicative: the district boundary's south and west arc (the river is the boundary), simplified ${gs.simplify_m} m and offset ~${gs.offset_m} m outward; not a surveyed river centreline`;
    } else if (gs.type === 'line') {
      const runs = clipLineToPolygons(gs.waypoints, districtPolys).map(round5Line).filter((r) => r.length >= 2);
      if (runs.length === 0) throw new Error(`${it.id}: line misses the district`);
      geometry = runs.length === 1 ? { type: 'LineString', coordinates: runs[0]! } : { type: 'MultiLineString', coordinates: runs };
      geometrySource = `Indicative: hand-traced schematic alignment through ${gs.waypoints.length} waypoints from the facts' description, clipped to the district; not a surveyed alignment${it.geometry_note ? `. ${it.geometry_note}` : ''}`;
    } else if (gs.type === 'bank_polygon') {
      // On the river bank: nearest point of the district boundary, half-disc grown inland.
      const bank = turf.nearestPointOnLine(turf.lineString(outerRing), turf.point(gs.near)).geometry.coordinates;
      const allowed = differenceGeom(intersectGeom(district, ctx.unionOf(it.host_units ?? [])), industryGeoms)!;
      geometry = finishPolygon(grow(src.seed, it.id, bank, { aspect: 1.6, rotation_deg: 0 }, allowed, gs.area_ha * HA), it.id);
      geometrySource = `Indicative: planned by the resolution, no site published; drawn as a ~${gs.area_ha} ha plot on the Cầu river bank`;
    } else if (gs.type === 'point') {
      const host = it.host_units?.[0];
      const p = host ? placeInside(it.id, gs.position, ctx.unitGeom(host), log) : gs.position;
      if (!pointInRings(p, districtPolys)) throw new Error(`${it.id}: point outside the district`);
      geometry = { type: 'Point', coordinates: round5(p) };
      geometrySource = 'Indicative: planned by the resolution, no site published; position placed by hand to show the intent';
    } else {
      const allowed = differenceGeom(ctx.unionOf(it.host_units ?? []), industryGeoms)!;
      geometry = finishPolygon(grow(src.seed, it.id, gs.anchor, gs.shape, allowed, gs.area_ha * HA), it.id);
      geometrySource = `Indicative: planned by the resolution, no site published; drawn as ~${gs.area_ha} ha near the industrial zones`;
    }
    log(`  ${it.id.padEnd(32)} ${geometry.type}`);
    infrastructure.push(
      feature(it.id, {
        id: it.id,
        name: it.name,
        aliases: it.aliases,
        kind: it.kind,
        status: it.status,
        ...(it.plan_ref ? { plan_ref: it.plan_ref } : {}),
        description: it.description,
        geometry_source: geometrySource,
        provenance: 'indicative',
        confidence: it.confidence,
      }, geometry),
    );
  }
  if (!riverLine) throw new Error('no river in the table');
  return infrastructure;
}

// ---------- tourism ----------
function buildTourism(ctx: Ctx, tourismPos: ReadonlyMap<string, Position>, industryGeoms: readonly Polygonal[]): Feature[] {
  const { src, log, district } = ctx;
  log('tourism:');
  const tourism: Feature[] = [];
  for (const t of src.tourism) {
    const gs = t.geometry;
    let geometry: Feature['geometry'];
    let geometrySource: string;
    if (gs.type === 'point') {
      geometry = { type: 'Point', coordinates: tourismPos.get(t.id)! };
      geometrySource =
        gs.position_source === 'facts'
          ? `Coordinates from the facts table (${t.confidence})`
          : 'Indicative: position placed by hand inside its unit (no published coordinates)';
    } else if (gs.type === 'grown_polygon') {
      let allowed = differenceGeom(ctx.unionOf(t.unit_codes ?? [t.unit_code]), industryGeoms)!;
      if (gs.within_box) allowed = intersectGeom(allowed, turf.bboxPolygon(gs.within_box).geometry)!;
      geometry = finishPolygon(grow(src.seed, t.id, gs.anchor, gs.shape, allowed, gs.area_ha * HA), t.id);
      geometrySource = `Indicative: grown from an anchor inside its unit(s) and sized to the stated area (~${gs.area_ha} ha); no official boundary published`;
    } else {
      // convex hull of discs around the named sites, kept to the host units and off industrial land
      const pts = gs.around.flatMap((id) => {
        const p = tourismPos.get(id);
        if (!p) throw new Error(`${t.id}: unknown site ${id}`);
        return disc(p, gs.buffer_m, 24).coordinates[0]!;
      });
      const hull = turf.convex(turf.featureCollection(pts.map((p) => turf.point(p))))!.geometry;
      let g = differenceGeom(intersectGeom(hull, ctx.unionOf(t.unit_codes ?? [t.unit_code])), industryGeoms);
      // the named sites must lie inside even if a schematic unit edge cuts them off
      g = unionGeom([g, ...gs.around.map((id) => intersectGeom(disc(tourismPos.get(id)!, 150), district))]);
      geometry = finishPolygon(dropSmallParts(g, areaOfRings, { minPartShare: 0.05, minHoleM2: 5 * HA }), t.id);
      geometrySource = `Indicative: boundary unpublished; convex hull ${gs.buffer_m} m around ${gs.around.join(', ')}, within its units and outside industrial zones`;
    }
    const a = geometry.type === 'Point' ? '' : ` ${(geometryArea(geometry) / HA).toFixed(1)} ha`;
    log(`  ${t.id.padEnd(30)} ${geometry.type}${a}`);
    tourism.push(
      feature(t.id, {
        id: t.id,
        name: t.name,
        aliases: t.aliases,
        kind: t.kind,
        unit_code: t.unit_code,
        ...(t.unit_codes ? { unit_codes: t.unit_codes } : {}),
        description: t.description,
        heritage_rank: t.heritage_rank,
        geometry_source: geometrySource,
        provenance: 'indicative',
        confidence: t.confidence,
      }, geometry),
    );
  }
  return tourism;
}

// ---------- places the resolution names (source/resolution-places.json) ----------
const viNumber = (x: number) => String(x).replace('.', ',');
const unitWord = (u: UnitProps) => (u.type_2021 === 'Thị trấn' ? 'thị trấn' : 'xã');

/** "268/QĐ-UBND ngày 14/02/2019 (UBND tỉnh Bắc Giang): Phê duyệt … – 152,4 ha": one decision as the card lists it. */
export function decisionText(d: GolfDecision): string {
  const [y, m, day] = d.date.split('-');
  const when =
    d.precision === 'day' ? `ngày ${day}/${m}/${y}` : d.precision === 'month' ? `tháng ${m}/${y}` : d.precision === 'quarter' ? `quý ${d.date.slice(-1)}/${y}` : `năm ${y}`;
  const head = d.decision ? `${d.decision} ${when} (${d.issuer.vi})` : `${d.issuer.vi} ${when} (chưa rõ số văn bản)`;
  // The subject's headline (before any ':' with details); the area from its own member.
  const subject = d.subject.vi.split(':')[0]!.trim();
  return `${head}: ${subject}${d.area_ha === null ? '' : ` – ${viNumber(d.area_ha)} ha`}`;
}

/** "document (date), page — url": where a place is named ("unverified" when no stored source confirms it). */
function placeSourceText(p: ResolutionPlace): string {
  const s = p.source;
  return `${s.document}${s.date ? ` (${s.date})` : ''}${s.page ? `, ${s.page}` : ''}${s.url ? ` — ${s.url}` : ''}${p.verified ? '' : ' — unverified'}`;
}

/**
 * One point per positioned place, in the file's order: at its published coordinate, or at the
 * reference point of its commune (indicative). Places of the same layer that share a reference
 * point are set SHARED_POINT_SPREAD_M around it (the first to the north, then clockwise). Every
 * point must lie in its commune and in the district, or the build stops.
 */
type PlacesCtx = Pick<Ctx, 'units' | 'unitGeom' | 'districtPolys' | 'log'> & { siteName: (id: string) => string | null };
export interface PlaceFeatures {
  tourism: Feature<Point>[];
  infrastructure: Feature<Point>[];
}

function buildPlaces(ctx: PlacesCtx, places: ResolutionPlacesSource): PlaceFeatures {
  const { log, units } = ctx;
  log('places named by the resolution (resolution-places.json):');
  const placed = places.places.filter((p) => p.position !== 'unknown');
  const key = (p: ResolutionPlace) => `${PLACE_LAYERS[p.kind]?.layer}:${p.lon},${p.lat}`;
  const sharing = new Map<string, ResolutionPlace[]>();
  for (const p of placed) if (p.position === 'indicative') sharing.set(key(p), [...(sharing.get(key(p)) ?? []), p]);
  const out = { tourism: [] as Feature<Point>[], infrastructure: [] as Feature<Point>[] };
  for (const p of placed) {
    const where = PLACE_LAYERS[p.kind];
    if (!where) throw new Error(`${p.id}: no layer for a placed "${p.kind}" (add it to PLACE_LAYERS)`);
    if (p.lon === null || p.lat === null) throw new Error(`${p.id}: position "${p.position}" without lon/lat`);
    const code = p.commune_unit_id ?? [...units.keys()].find((c) => inside([p.lon!, p.lat!], ctx.unitGeom(c)));
    if (!code) throw new Error(`${p.id}: its position lies in no unit`);
    const unit = units.get(code)!.properties;
    let at: Position = [p.lon, p.lat];
    const group = p.position === 'indicative' ? sharing.get(key(p))! : [p];
    if (group.length > 1) {
      const a = (2 * Math.PI * group.indexOf(p)) / group.length;
      const [x, y] = plane.toPlane(at);
      at = plane.toLonLat([x + SHARED_POINT_SPREAD_M * Math.sin(a), y + SHARED_POINT_SPREAD_M * Math.cos(a)]);
    }
    at = round5(at);
    if (!inside(at, ctx.unitGeom(code))) throw new Error(`${p.id}: point outside its commune ${code}`);
    if (!pointInRings(at, ctx.districtPolys)) throw new Error(`${p.id}: point outside the district`);

    const others = group.filter((o) => o !== p).map((o) => o.name.vi);
    const onMap = p.on_map ? ctx.siteName(p.on_map) : null;
    const description = [
      p.name.vi.includes(unit.name) ? `${p.name.vi}.` : `${p.name.vi}, ${unit.name}.`,
      p.position === 'indicative'
        ? `Vị trí gần đúng: điểm tham chiếu của ${unitWord(unit)} ${unit.name} (nguồn chỉ nêu tên ${unitWord(unit)}), không phải vị trí đã công bố${others.length ? `; đặt cách điểm đó ${SHARED_POINT_SPREAD_M} m vì ${others.join(', ')} dùng chung điểm` : ''}.`
        : `Vị trí theo tọa độ có nguồn${onMap ? `; cùng nơi với ${onMap} trên bản đồ` : ''}.`,
      p.named_by_resolution === 'yes'
        ? 'Nghị quyết 162-NQ/TU nêu địa điểm này.'
        : p.named_by_resolution === 'generic'
          ? 'Nghị quyết 162-NQ/TU nêu chung loại địa điểm này, không nêu tên.'
          : 'Việc Nghị quyết 162-NQ/TU nêu địa điểm này chưa được kiểm chứng.',
      ...(p.verified ? [] : ['Chưa có nguồn nào xác nhận địa điểm này.']),
    ].join(' ');
    const geometrySource =
      p.position === 'indicative'
        ? `Indicative: the reference point of ${unit.type_2021 === 'Thị trấn' ? 'township' : 'commune'} ${unit.name} (${code}, units-2021.json): the sources name the unit, not a site; no published position${others.length ? `; shown ${SHARED_POINT_SPREAD_M} m from it because ${group.length} places share it` : ''}`
        : `Published position: ${p.position_note}`;
    const common = { id: p.id, name: p.name.vi, aliases: [p.name.en], kind: p.kind };
    const tail = { geometry_source: geometrySource, provenance: 'indicative', confidence: p.confidence, source: placeSourceText(p) };
    const geometry: Point = { type: 'Point', coordinates: at };
    log(`  ${p.id.padEnd(32)} ${where.layer.padEnd(14)} ${p.position}${others.length ? ` (spread ${SHARED_POINT_SPREAD_M} m)` : ''}`);
    if (where.layer === 'tourism') out.tourism.push(feature(p.id, { ...common, unit_code: code, description, heritage_rank: null, ...tail }, geometry));
    else out.infrastructure.push(feature(p.id, { ...common, status: where.status, description, ...tail }, geometry));
  }
  for (const p of places.places.filter((x) => x.position === 'unknown')) log(`  ${p.id.padEnd(32)} unknown: ${p.position_note}`);
  return out;
}

/**
 * The points of the positioned places alone (what buildPlanningLayers appends to the tourism and
 * infrastructure layers). `siteNames`: names of the features `on_map` may refer to.
 */
export function buildPlaceFeatures(
  places: ResolutionPlacesSource,
  units: FeatureCollection<Polygonal, UnitProps>,
  district: FeatureCollection<Polygonal>,
  siteNames: ReadonlyMap<string, string> = new Map(),
): PlaceFeatures & { report: string[] } {
  const report: string[] = [];
  const byCode = new Map(units.features.map((f) => [f.properties.code, f]));
  const out = buildPlaces(
    {
      units: byCode,
      unitGeom: (code) => {
        const u = byCode.get(code);
        if (!u) throw new Error(`unknown unit code ${code}`);
        return u.geometry;
      },
      districtPolys: polygonsOf(district.features[0]!.geometry),
      log: (line) => report.push(line),
      siteName: (id) => siteNames.get(id) ?? null,
    },
    places,
  );
  return { ...out, report };
}

// ---------- plans-demo (fictional) ----------
interface Plan {
  name: string;
  level: Level;
  status: PlanStatus;
  geometry: Polygonal;
}
const isApprovedDetailed = (p: Plan) => p.level === 'detailed' && p.status === 'approved';
const withZoning = (p: Plan) => p.status === 'approved';
const all = () => true;

function buildPlansDemo(ctx: Ctx): Feature<Polygonal>[] {
  const { src, units, unitGeom, district, log } = ctx;
  const pd = src.plans_demo;
  const prng = mulberry32(`${pd.seed}`);
  const plans: Plan[] = [];
  const unitArea = new Map([...units.keys()].map((c) => [c, geometryArea(unitGeom(c))]));

  /** Share of a unit covered by the union of the plans that pass `counts` (overlaps once). */
  function coverage(code: string, counts: (p: Plan) => boolean, extra: Polygonal[] = []): number {
    const u = unitGeom(code);
    const touching = [...plans.filter(counts).map((p) => p.geometry), ...extra].filter((g) => turf.booleanIntersects(g, u));
    const un = unionGeom(touching);
    return un ? geometryArea(intersectGeom(un, u)) / unitArea.get(code)! : 0;
  }

  const unitName = (code: string) => units.get(code)!.properties.name;
  const villagesOf = (code: string) => src.tourism.filter((t) => t.unit_code === code && t.kind === 'quan_ho_village').map((t) => t.name.replace('Làng quan họ ', ''));
  const counters = new Map<string, number>();
  function planName(code: string, level: Level, status: PlanStatus): string {
    const n = (counters.get(code) ?? 0) + 1;
    counters.set(code, n);
    const u = unitName(code);
    if (level === 'zoning') return `Quy hoạch phân khu 1/2000 khu ${n} ${u}`;
    const vs = villagesOf(code);
    const v = vs.length > 0 ? vs[(n - 1) % vs.length]! : u;
    const forms = [`Khu dân cư mới ${v}`, `Khu đô thị mới ${u} ${n}`, `QHCT 1/500 khu dân cư số ${n} ${u}`, `Khu dân cư dịch vụ ${u} ${n}`, `QHCT 1/500 khu nhà ở ${v} ${n}`];
    const name = forms[(n - 1) % forms.length]!;
    return status === 'in_preparation' ? `${name} (đang lập)` : name;
  }

  // 1. plans that cross unit boundaries, placed first so the tiling below accounts for them
  for (const c of pd.cross_boundary) {
    const g = intersectGeom(rotatedRect(plane, c.center, c.size_m[0], c.size_m[1], c.angle_deg), district);
    if (g) plans.push({ name: c.name, level: c.level, status: c.status, geometry: g });
  }

  // 2. per unit: cut it with a rotated, jittered grid; add pieces from the centre outward until the
  //    approved-detailed target is met (the last piece shrunk to land on it), then zoning, then
  //    in-preparation pieces on top.
  const [cellW, cellH] = pd.cell_m;
  for (const u of pd.units) {
    const ug = unitGeom(u.code);
    const bbox = extent(ug)!;
    const centre = turf.centerOfMass(turf.feature(ug)).geometry.coordinates;
    const cells = rotatedGrid(plane, bbox, centre, u.angle_deg, cellW, cellH, prng, pd.jitter_m);
    const pieces = cells
      .map((c) => {
        const g = dropSmallParts(intersectGeom(c.polygon, ug), areaOfRings);
        return g && g.type === 'Polygon' ? { g, c: c.center, a: geometryArea(g) } : null;
      })
      .filter((p): p is { g: Polygon; c: Position; a: number } => p !== null && p.a >= 1 * HA);
    mergeSmallPieces(pieces);
    for (const p of pieces) {
      // node jitter can stretch a cell past 150 ha: shrink such pieces about their centre
      if (p.a > 148 * HA) {
        const about = turf.centerOfMass(turf.feature(p.g)).geometry.coordinates;
        const g = dropSmallParts(intersectGeom(scale(p.g, about, Math.sqrt((146 * HA) / p.a)), ug), areaOfRings);
        if (g && g.type === 'Polygon') p.g = g;
      }
      p.g = limitVertices(p.g);
    }
    pieces.sort((a, b) => turf.distance(a.c, centre) - turf.distance(b.c, centre));
    for (let i = pieces.length - 1; i >= 0; i--) if (pieces[i]!.a < 8 * HA) pieces.splice(i, 1);
    const phases: [Level, PlanStatus, number, (p: Plan) => boolean][] = [
      ['detailed', 'approved', u.approved, isApprovedDetailed],
      ['zoning', 'approved', u.approved + u.zoning, withZoning],
      ['detailed', 'in_preparation', u.approved + u.zoning + u.in_preparation, all],
    ];
    for (const [level, status, target, counts] of phases) {
      if (target <= 0) continue;
      let cov = coverage(u.code, counts);
      while (cov < target - 0.005 && pieces.length > 0) {
        const piece = pieces.shift()!;
        let g: Polygon = piece.g;
        const full = coverage(u.code, counts, [g]);
        if (full > target + 0.01) {
          // shrink about the piece's own centre until the unit lands on the target
          const about = turf.centerOfMass(turf.feature(g)).geometry.coordinates;
          // re-clip: a scaled non-convex piece can poke out of its unit
          const shrink = (k: number): Polygon => {
            const c = dropSmallParts(intersectGeom(scale(piece.g, about, k), ug), areaOfRings);
            return c && c.type === 'Polygon' ? c : scale(piece.g, about, k);
          };
          let lo = 0.2;
          let hi = 1;
          for (let i = 0; i < 25; i++) {
            const k = (lo + hi) / 2;
            if (coverage(u.code, counts, [shrink(k)]) > target) hi = k;
            else lo = k;
          }
          g = limitVertices(shrink((lo + hi) / 2));
          if (geometryArea(g) < 5 * HA) break; // too small to be a plan: stop a bit short
        }
        plans.push({ name: planName(u.code, level, status), level, status, geometry: g });
        cov = coverage(u.code, counts);
      }
    }
  }

  // 3. deliberate overlaps: local adjustment plans ("điều chỉnh cục bộ") straddling two approved
  //    detailed plans of the same unit; they overlap both, so a naive sum double-counts.
  {
    const approved = plans.filter(isApprovedDetailed);
    let made = 0;
    for (let i = 0; i < approved.length && made < pd.overlaps; i += 3) {
      const a = approved[i]!;
      const b = approved.find((p, j) => j > i && turf.booleanIntersects(p.geometry, a.geometry));
      if (!b) continue;
      const ca = turf.centerOfMass(turf.feature(a.geometry)).geometry.coordinates;
      const cb = turf.centerOfMass(turf.feature(b.geometry)).geometry.coordinates;
      const mid = [(ca[0]! + cb[0]!) / 2, (ca[1]! + cb[1]!) / 2];
      const host = [...units.keys()].find((c) => inside(mid, unitGeom(c)));
      if (!host) continue;
      const g = intersectGeom(rotatedRect(plane, mid, 520, 380, prng.range(0, 180)), unitGeom(host));
      if (!g || geometryArea(g) < 5 * HA) continue;
      plans.push({ name: `QHCT 1/500 điều chỉnh cục bộ khu dân cư ${unitName(host)} ${made + 1}`, level: 'detailed', status: 'approved', geometry: g });
      made++;
    }
  }

  const planFeatures: Feature<Polygonal>[] = [];
  const pad = (n: number) => String(n).padStart(2, '0');
  plans.forEach((p, i) => {
    const id = `qh-${String(i + 1).padStart(3, '0')}`;
    const g = finishPolygon(dropSmallParts(p.geometry, areaOfRings), id);
    const unitCodes = [...units.keys()].filter((c) => turf.booleanIntersects(g, unitGeom(c)) && geometryArea(intersectGeom(g, unitGeom(c))) >= 0.5 * HA).sort();
    const approved = p.status === 'approved';
    const decision = approved ? `${prng.int(100, 9999)}/QĐ-UBND (demo)` : null;
    // fictional approval dates spread over 2019-01 .. 2025-06
    const month = prng.int(0, 77);
    const approvedOn = approved ? `${2019 + Math.floor(month / 12)}-${pad((month % 12) + 1)}-${pad(prng.int(1, 28))}` : null;
    if (!approved) prng.next(); // keep the stream aligned whatever the statuses
    planFeatures.push(
      feature(id, {
        id,
        name: p.name,
        level: p.level,
        status: p.status,
        decision,
        approved_on: approvedOn,
        area_ha: roundTo(geometryArea(g) / HA, 2),
        unit_codes: unitCodes,
        demo: true,
        geometry_source: 'Demonstration: fictional plan polygon, not a real plan',
        provenance: 'demonstration',
      }, g),
    );
  });

  // report: coverage of each unit by the final (rounded) plans
  const finals: Plan[] = planFeatures.map((f) => ({ name: '', level: f.properties!.level as Level, status: f.properties!.status as PlanStatus, geometry: f.geometry }));
  plans.length = 0;
  plans.push(...finals);
  log(`plans-demo: ${planFeatures.length} fictional plans (${finals.filter(isApprovedDetailed).length} approved detailed, ${finals.filter((p) => p.level === 'zoning').length} zoning, ${finals.filter((p) => p.status === 'in_preparation').length} in preparation)`);
  log('  coverage   unit              slated  approved-detailed  +zoning  +zoning+in-prep');
  for (const f of ctx.unitsFc.features) {
    const c = f.properties.code;
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);
    log(`  ${c}  ${f.properties.name.padEnd(12)} ${String(f.properties.slated_ward).padEnd(6)} ${pct(coverage(c, isApprovedDetailed)).padStart(18)} ${pct(coverage(c, withZoning)).padStart(8)} ${pct(coverage(c, all)).padStart(16)}`);
  }
  return planFeatures;
}

/** Builds the four planning layers from the table, the units and the district. */
export function buildPlanningLayers(input: PlanningSources): PlanningBuild {
  const report: string[] = [];
  const units = new Map(input.units.features.map((f) => [f.properties.code, f]));
  const unitGeom = (code: string): Polygonal => {
    const u = units.get(code);
    if (!u) throw new Error(`unknown unit code ${code}`);
    return u.geometry;
  };
  const district = input.district.features[0]!.geometry;
  const ctx: Ctx = {
    src: input.planning,
    units,
    unitsFc: input.units,
    unitGeom,
    unionOf: (codes) => unionGeom(codes.map(unitGeom))!,
    district,
    districtPolys: polygonsOf(district),
    log: (s) => report.push(s),
  };
  const tourismPos = placeTourismPoints(ctx);
  const industry = buildIndustry(ctx, tourismPos);
  const infrastructure = buildInfrastructure(ctx, industry.geoms);
  const tourism = buildTourism(ctx, tourismPos, industry.geoms);
  const golf = tourism.find((f) => f.id === input.places.golf_course.on_map);
  if (!golf) throw new Error(`golf_course.on_map: no tourism feature ${input.places.golf_course.on_map}`);
  golf.properties = { ...golf.properties, decisions: input.places.golf_course.decisions.map(decisionText) };
  const places = buildPlaces({ ...ctx, siteName: (id) => ctx.src.tourism.find((t) => t.id === id)?.name ?? null }, input.places);
  const plans = buildPlansDemo(ctx);
  const [fIndustry, fInfra, fTourism, fPlans] = PLANNING_LAYER_FILES;
  return {
    files: {
      [fIndustry]: stringifyFeatureCollection(industry.features),
      [fInfra]: stringifyFeatureCollection([...infrastructure, ...places.infrastructure]),
      [fTourism]: stringifyFeatureCollection([...tourism, ...places.tourism]),
      [fPlans]: stringifyFeatureCollection(plans),
    },
    report,
  };
}
