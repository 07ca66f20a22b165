// What the map draws of a file under review. A feature the checker found broken (a polygon crossing
// itself tens of thousands of times, a ring that never closes) is drawn as the outline of its
// bounding box: filling it would hand MapLibre's triangulation (earcut) a degenerate polygon, and
// even its own outline can be 100,000 zig-zags in one tile, which stalls the map for tens of
// seconds; the box still shows where the feature lands, in constant time.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Problem } from '../validation/types';
import { extent, lonLatXY } from '../geo/extent';

const cache = new WeakMap<FeatureCollection, FeatureCollection>();

function boxOutline(g: Geometry): Geometry | null {
  const b = extent(g, lonLatXY);
  if (b === null) return null;
  const [w, s, e, n] = b;
  return { type: 'LineString', coordinates: [[w, s], [e, s], [e, n], [w, n], [w, s]] };
}

/** The collection with its invalid features replaced by their boxes' outlines (the same object when there is none). */
export function previewCollection(fc: FeatureCollection, problems: readonly Problem[]): FeatureCollection {
  const hit = cache.get(fc);
  if (hit !== undefined) return hit;
  const bad = new Set(problems.filter((p) => p.severity === 'error' && p.featureIndex !== null).map((p) => p.featureIndex!));
  let out = fc;
  if (bad.size > 0) {
    out = {
      ...fc,
      features: fc.features.map((f: Feature, i) => {
        const g = f?.geometry;
        if (!bad.has(i) || !g || g.type === 'Point') return f;
        const box = boxOutline(g);
        return box === null ? f : { ...f, geometry: box };
      }),
    };
  }
  cache.set(fc, out);
  return out;
}
