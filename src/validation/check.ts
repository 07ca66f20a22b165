// The checker: every rule of issue 3 over one parsed (or raw text) GeoJSON file. Pure: the Node
// script and the in-browser import both call this and differ only in how they get the bytes.
import type { Position } from 'geojson';
import type { Polygonal as Areal } from '../geo/types.ts';
import { fileProblem, featureProblem, type LayerKind, type Problem } from './types.ts';
import { inferLayer, isProjectUnitsFile } from './layers.ts';
import { binaryProblem, decodeGeoJsonBytes, parseGeoJsonText } from './input.ts';
import { collectionBboxProblem, featureStructureProblems, topLevelFeatures } from './structure.ts';
import { isWellShapedGeometry, polygonsOf, positionsOf, type LabelledPolygon } from './geometry.ts';
import { extraDimensionWarning, rangeProblems } from './ranges.ts';
import { ringShapeProblemsOf, windingProblemsOf } from './rings.ts';
import { kinkProblemsOf } from './kinks.ts';
import { duplicateIdProblems, featureIdOf } from './ids.ts';
import { geometryTypeProblem, propertyVerdict, schemaFor } from './schemas.ts';
import { DISTRICT_BBOX, districtFromGeoJson, districtShape, extentProblem, farProblem, type DistrictShape } from './extent.ts';
import { crsMemberMsg } from './crs-member.ts';
import { scanJson, scanRefusalMsg, type ScanRefusal } from './scan.ts';
import { msg, type Msg } from './messages.ts';
import { formatCount, MAX_FEATURES, MAX_PROBLEMS_PER_FEATURE } from './limits.ts';
import { describeTiling, measureTiling, tilingProblem, type Tiling } from './tiling.ts';
import { slatedCountProblem } from './slated.ts';

export { parseGeoJsonText } from './input.ts';

export interface CheckOptions {
  /** Layer kind; inferred from fileName when absent ('generic' when neither is known). */
  layer?: LayerKind;
  fileName?: string;
  /** District outline (any parsed GeoJSON holding it); without it the district bbox is used. */
  district?: unknown;
}

export interface CheckReport {
  layer: LayerKind;
  featureCount: number;
  problems: Problem[];
  /** Facts worth printing for a file that passes (tiling numbers, which outline was used). */
  notes: string[];
}

interface GeometryVerdict {
  errors: Msg[];
  warnings: Msg[];
  /** A Polygon/MultiPolygon with no geometric problem, fit for clipping (tiling). */
  areal: Areal | null;
  /** Those of `errors` that a clipping engine resolves itself (self-intersections, winding). */
  repairable: Msg[];
}

/** All of a ring's points on one straight line (a bow-tie has zero area too, but is not flat). */
function isFlat(ring: readonly Position[]): boolean {
  const a = ring[0]!;
  const b = ring.find((p) => p[0] !== a[0] || p[1] !== a[1]);
  if (b === undefined) return true;
  const dx = b[0]! - a[0]!, dy = b[1]! - a[1]!;
  return ring.every((p) => dx * (p[1]! - a[1]!) - dy * (p[0]! - a[0]!) === 0);
}

/**
 * Ring shape, then kinks, then winding: each step only means something once the previous passed.
 * `clippable`: closed, long enough and without self-intersections — all that clipping (tiling) needs;
 * a wrong winding is reported but does not stop the tiling measurement.
 */
function polygonProblems(polygon: LabelledPolygon): { errors: Msg[]; clippable: boolean; repairable?: true } {
  const shape = ringShapeProblemsOf(polygon);
  if (shape.length > 0) return { errors: shape, clippable: false };
  // A flat ring (zero area: all its points on one line) is reported as such by the winding rule;
  // calling its overlapping segments self-intersections would say less.
  if (!polygon.rings.some(isFlat)) {
    const kinks = kinkProblemsOf(polygon);
    if (kinks.length > 0) return { errors: kinks, clippable: false, repairable: true };
  }
  return { errors: windingProblemsOf(polygon), clippable: true, repairable: true };
}

/** The extent rule: within the district (project layers, plans, units) or merely near it (any file). */
interface ExtentRule {
  shape: DistrictShape;
  within: boolean;
}

function geometryVerdict(g: unknown, rule: ExtentRule): GeometryVerdict {
  // Malformed geometries were already reported by geojson-validation; null geometries by the schema.
  if (!isWellShapedGeometry(g)) return { errors: [], warnings: [], areal: null, repairable: [] };
  const positions = positionsOf(g);
  const warning = extraDimensionWarning(positions);
  const warnings = warning === null ? [] : [warning];
  const ranges = rangeProblems(positions);
  // Out-of-range or infinite coordinates make winding, kinks and distances meaningless.
  if (ranges.length > 0) return { errors: ranges, warnings, areal: null, repairable: [] };
  const verdicts = polygonsOf(g).map(polygonProblems);
  const outside = rule.within ? extentProblem(positions, rule.shape) : farProblem(positions, rule.shape);
  const errors = [...verdicts.flatMap((v) => v.errors), ...(outside === null ? [] : [outside])];
  const isAreal = g.type === 'Polygon' || g.type === 'MultiPolygon';
  const repairable = verdicts.flatMap((v) => (v.repairable ? v.errors : []));
  return { errors, warnings, areal: isAreal && verdicts.every((v) => v.clippable) ? g : null, repairable };
}

function propertiesOf(f: unknown): unknown {
  return typeof f === 'object' && f !== null ? (f as Record<string, unknown>).properties : undefined;
}

function geometryOf(f: unknown): unknown {
  return typeof f === 'object' && f !== null && !Array.isArray(f) ? (f as Record<string, unknown>).geometry : undefined;
}

function tilingOf(units: Areal[], district: Areal | null): Tiling | Msg {
  try {
    return measureTiling(units, district);
  } catch (e) {
    // polyclip (inside turf.union/difference) can give up on near-degenerate input.
    return msg('tilingFailed', { detail: e instanceof Error ? e.message : String(e) });
  }
}

function isMsg(v: Tiling | Msg): v is Msg {
  return 'code' in v;
}

/** A scan's refusal as the file's one problem (the per-feature limits name their feature). */
function scanProblem(r: ScanRefusal): Problem {
  return r.featureIndex === null ? fileProblem(scanRefusalMsg(r)) : featureProblem(r.featureIndex, null, scanRefusalMsg(r));
}

function runChecks(value: unknown, layer: LayerKind, options: CheckOptions): CheckReport {
  const features = topLevelFeatures(value);
  if (!Array.isArray(features)) return { layer, featureCount: 0, problems: [fileProblem(features)], notes: [] };
  const problems: Problem[] = [];
  const notes: string[] = [];
  if (features.length > MAX_FEATURES) {
    return { layer, featureCount: features.length, problems: [fileProblem(msg('tooManyFeatures', { n: formatCount(features.length), max: formatCount(MAX_FEATURES) }))], notes };
  }
  const bbox = collectionBboxProblem(value as Record<string, unknown>);
  if (bbox !== null) problems.push(fileProblem(bbox));
  const crs = crsMemberMsg((value as Record<string, unknown>).crs);
  if (crs !== null) problems.push(fileProblem(crs));

  const schema = schemaFor(layer);
  const districtGeometry = options.district === undefined ? null : districtFromGeoJson(options.district);
  const within = schema?.withinDistrict === true;
  const rule: ExtentRule = { shape: districtShape(districtGeometry), within };
  if (within && districtGeometry === null) {
    const { west, east, south, north } = DISTRICT_BBOX;
    notes.push(`no usable district outline: extent tested against the bbox ${west}–${east} E, ${south}–${north} N`);
  }

  const ids = features.map(featureIdOf);
  const areals: (Areal | null)[] = [];
  features.forEach((f, i) => {
    const id = ids[i] ?? null;
    const errors = featureStructureProblems(f);
    const warnings: Msg[] = [];
    if (schema !== null && typeof f === 'object' && f !== null && !Array.isArray(f)) {
      const props = propertyVerdict(propertiesOf(f), schema);
      errors.push(...props.errors);
      warnings.push(...props.warnings);
      const type = geometryTypeProblem(geometryOf(f), schema, layer);
      if (type !== null) errors.push(type);
    }
    const verdict = geometryVerdict(geometryOf(f), rule);
    areals.push(verdict.areal);
    // A feature's own problems are capped (a polygon of 100,000 broken holes is one bad feature).
    const all = [...errors, ...verdict.errors];
    const shown = all.length > MAX_PROBLEMS_PER_FEATURE ? all.slice(0, MAX_PROBLEMS_PER_FEATURE - 1) : all;
    const repairable = new Set(verdict.repairable);
    for (const m of shown) problems.push(repairable.has(m) ? { ...featureProblem(i, id, m), rule: 'repairable' } : featureProblem(i, id, m));
    if (shown.length < all.length) problems.push(featureProblem(i, id, msg('moreProblems', { n: all.length - shown.length })));
    for (const m of [...warnings, ...verdict.warnings]) problems.push(featureProblem(i, id, m, 'warning'));
  });
  for (const d of duplicateIdProblems(ids)) problems.push({ ...featureProblem(d.index, ids[d.index] ?? null, d.message), rule: 'repairable' });

  if (layer === 'units') {
    if (areals.every((g) => g !== null)) {
      const tiling = tilingOf(areals as Areal[], districtGeometry);
      const problem = isMsg(tiling) ? tiling : tilingProblem(tiling);
      if (problem !== null) problems.push(fileProblem(problem));
      else if (!isMsg(tiling)) notes.push(`tiling: ${describeTiling(tiling, 3)}`);
    } else {
      notes.push('tiling not measured: some units have no sound Polygon/MultiPolygon geometry');
    }
    if (options.fileName !== undefined && isProjectUnitsFile(options.fileName)) {
      const slated = slatedCountProblem(features.map(propertiesOf));
      if (slated !== null) problems.push(fileProblem(slated));
    }
  }
  // Per-feature problems in feature order, whole-file ones after them.
  const order = (p: Problem): number => p.featureIndex ?? features.length;
  problems.sort((a, b) => order(a) - order(b));
  return { layer, featureCount: features.length, problems, notes };
}

/** All problems of one file. A string is taken as the file's text; anything else as parsed JSON. */
export function checkGeoJson(input: unknown, options: CheckOptions = {}): CheckReport {
  const layer = options.layer ?? (options.fileName === undefined ? 'generic' : inferLayer(options.fileName));
  let value = input;
  if (typeof input === 'string') {
    // Limits first (features, positions, properties, depth): refused before JSON.parse builds anything.
    const scan = scanJson(input);
    if (!scan.ok) return { layer, featureCount: 0, problems: [scanProblem(scan)], notes: [] };
    const parsed = parseGeoJsonText(input);
    if (!parsed.ok) return { layer, featureCount: 0, problems: [parsed.problem], notes: [] };
    value = parsed.value;
  }
  try {
    return runChecks(value, layer, options);
  } catch (e) {
    // Last resort so that no input ever produces a stack trace. The property tests assert this line
    // never appears: reaching it is a checker bug, not a data problem.
    const why = e instanceof Error ? e.message : String(e);
    return { layer, featureCount: 0, problems: [fileProblem(msg('internal', { detail: why.slice(0, 200) }))], notes: [] };
  }
}

export function checkFeatureCollection(input: unknown, options: CheckOptions = {}): Problem[] {
  return checkGeoJson(input, options).problems;
}

/** Same, from a file's raw bytes (Node's readFile, the browser's File.arrayBuffer()). */
export function checkGeoJsonBytes(bytes: Uint8Array, options: CheckOptions = {}): CheckReport {
  const layer = options.layer ?? (options.fileName === undefined ? 'generic' : inferLayer(options.fileName));
  const refuse = (p: Problem): CheckReport => ({ layer, featureCount: 0, problems: [p], notes: [] });
  const binary = binaryProblem(bytes);
  if (binary !== null) return refuse(binary);
  // Limits on the bytes, before decoding: a refused file costs no string and no objects.
  const scan = scanJson(bytes);
  if (!scan.ok) return refuse(scanProblem(scan));
  const text = decodeGeoJsonBytes(bytes);
  if (!text.ok) return refuse(text.problem);
  const parsed = parseGeoJsonText(text.value);
  if (!parsed.ok) return refuse(parsed.problem);
  return checkGeoJson(parsed.value, options);
}
