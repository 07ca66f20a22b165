// One WebGL program per layer type. MapLibre compiles a program for each layer type and each
// pattern of which paint properties vary by feature (an attribute) or not (a uniform). With WebGL
// on the CPU (SwiftShader: headless browsers, and laptops on a projector without a GPU driver) a
// program costs tens of milliseconds on the first frame, and the catalog's mix of constant and
// data-driven colours, widths, dashes and opacities made 17 of them for the first view, against
// 7 for a bare map. Giving every layer of a type the same pattern (the properties below are made
// per-feature, with the same value for every feature) brings that to 8. MapLibre has no option for
// this; the values drawn do not change.
import type { LayerSpecification } from 'maplibre-gl';

/**
 * `['case', ['==', ['geometry-type'], NONE], v, v]` is `v` for every feature, but MapLibre sees an
 * expression that depends on the feature and binds it as an attribute. (The geometry type, not a
 * property: `has` throws on a feature whose `properties` is not an object, as hostile files have.)
 */
const NONE = 'vy:no-such-geometry-type';

type PerFeatureKind = 'source' | 'composite';
/** The properties made per-feature, per layer type; line widths also follow the zoom (the river widens). */
const PER_FEATURE: Record<string, Record<string, PerFeatureKind>> = {
  fill: { 'fill-color': 'source', 'fill-opacity': 'source' },
  line: { 'line-color': 'source', 'line-opacity': 'source', 'line-dasharray': 'source', 'line-width': 'composite' },
  circle: { 'circle-color': 'source', 'circle-radius': 'source' },
};
/** MapLibre's defaults, for properties a layer leaves out. */
const DEFAULTS: Record<string, unknown> = {
  'fill-color': '#000000', 'fill-opacity': 1,
  // A solid line is a dash with no gap: all lines then share the dash program, one program fewer
  // to compile before the first map (−0.15 s median there). Large imports (vector tiles) keep the
  // plain line program: on 34,000 outlines the dash program made drawing 2 s slower.
  'line-color': '#000000', 'line-opacity': 1, 'line-width': 1, 'line-dasharray': [1, 0],
  'circle-color': '#000000', 'circle-radius': 5,
};
const FEATURE_OPS = new Set(['get', 'has', 'properties', 'geometry-type', 'id', 'feature-state', 'accumulated', 'line-progress']);

const isExpression = (v: unknown): v is unknown[] => Array.isArray(v) && typeof v[0] === 'string';
function dependsOnFeature(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  if (v[0] === 'literal') return false;
  if (typeof v[0] === 'string' && FEATURE_OPS.has(v[0])) return true;
  return v.some(dependsOnFeature);
}
const isZoomCurve = (v: unknown): v is unknown[] =>
  isExpression(v) && ((v[0] === 'interpolate' && isZoom(v[2])) || (v[0] === 'step' && isZoom(v[1])));
const isZoom = (v: unknown) => Array.isArray(v) && v[0] === 'zoom';
/** A constant as an expression value (arrays must be literals inside an expression). */
const asValue = (v: unknown) => (Array.isArray(v) && !isExpression(v) ? ['literal', v] : v);

/** `v` for every feature, bound per feature. */
export function perFeature(v: unknown): unknown {
  if (dependsOnFeature(v)) return v;
  const x = asValue(v);
  return ['case', ['==', ['geometry-type'], NONE], x, x];
}

/** `v`, bound per feature and per zoom (a zoom curve keeps its stops; the rest is flat in zoom). */
export function perFeatureAndZoom(v: unknown): unknown {
  if (isZoomCurve(v)) {
    const stopsFrom = v[0] === 'interpolate' ? 3 : 2;
    // Outputs sit at stopsFrom, stopsFrom + 2, … for interpolate; at 2, 4, … for step.
    return v.map((x, i) => (i >= stopsFrom && (i - stopsFrom) % 2 === (v[0] === 'interpolate' ? 1 : 0) ? perFeature(x) : x));
  }
  const f = perFeature(v);
  return ['interpolate', ['linear'], ['zoom'], 0, f, 24, f];
}

/** One paint value in its layer type's shared pattern (other properties are returned as given). */
export function sharedVariantValue(type: string, prop: string, value: unknown): unknown {
  const kind = PER_FEATURE[type]?.[prop];
  if (!kind) return value;
  return kind === 'composite' ? perFeatureAndZoom(value) : perFeature(value);
}

/** A layer with its paint in the shared pattern of its type (missing properties at MapLibre's defaults). */
export function sharedVariant<L extends LayerSpecification | (Omit<LayerSpecification, 'source'> & { type: string })>(layer: L): L {
  const props = PER_FEATURE[layer.type];
  if (!props) return layer;
  const paint: Record<string, unknown> = { ...((layer as { paint?: Record<string, unknown> }).paint ?? {}) };
  // A fill pattern or a line gradient has programs of its own: leave such layers alone.
  if (paint['fill-pattern'] !== undefined || paint['line-pattern'] !== undefined || paint['line-gradient'] !== undefined) return layer;
  for (const prop of Object.keys(props)) paint[prop] = sharedVariantValue(layer.type, prop, paint[prop] ?? DEFAULTS[prop]);
  return { ...layer, paint } as L;
}

/**
 * The value a paint property has for every feature when it was made per-feature here (tests and
 * the export read it back); any other value is returned as it is.
 */
export function sameForEveryFeature(v: unknown): unknown {
  if (isExpression(v) && v[0] === 'case' && Array.isArray(v[1]) && v[1][0] === '==' && v[1][2] === NONE) {
    const x = v[2];
    return Array.isArray(x) && x[0] === 'literal' ? x[1] : x;
  }
  if (isExpression(v) && v[0] === 'interpolate' && isZoom(v[2]) && v.length === 7 && v[3] === 0 && v[5] === 24 && JSON.stringify(v[4]) === JSON.stringify(v[6])) {
    return sameForEveryFeature(v[4]);
  }
  return v;
}
