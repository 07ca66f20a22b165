// A shape guard for geometries and the traversals the geometric rules share. geojson-validation
// reports *what* is malformed; this guard decides whether the coordinate rules can run safely.
import type { Geometry, Position } from 'geojson';
import type { Localized } from '../i18n/types.ts';
import { joined, part } from './messages.ts';

// GeometryCollections may nest; JSON from outside could nest them thousands deep. Past this depth the
// geometry is treated as malformed rather than risking a stack overflow in the traversals below.
const MAX_COLLECTION_DEPTH = 8;

function isPosition(v: unknown): v is Position {
  return Array.isArray(v) && v.length >= 2 && v.every((n) => typeof n === 'number');
}

/** Arrays of positions nested `depth` deep (1 = Position[], 2 = Position[][], …). */
function isNestedPositions(v: unknown, depth: number): boolean {
  if (!Array.isArray(v)) return false;
  // for-loop, not every(): sparse arrays must count their holes as malformed.
  for (let i = 0; i < v.length; i++) {
    const ok = depth === 1 ? isPosition(v[i]) : isNestedPositions(v[i], depth - 1);
    if (!ok) return false;
  }
  return true;
}

const COORDINATE_DEPTH: Readonly<Record<string, number>> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

export function isWellShapedGeometry(g: unknown, depth = 0): g is Geometry {
  if (typeof g !== 'object' || g === null || Array.isArray(g)) return false;
  const o = g as Record<string, unknown>;
  if (o.type === 'GeometryCollection') {
    return (
      depth < MAX_COLLECTION_DEPTH &&
      Array.isArray(o.geometries) &&
      o.geometries.every((x) => isWellShapedGeometry(x, depth + 1))
    );
  }
  const want = typeof o.type === 'string' ? COORDINATE_DEPTH[o.type] : undefined;
  if (want === undefined) return false;
  return want === 0 ? isPosition(o.coordinates) : isNestedPositions(o.coordinates, want);
}

/** Where a polygon sits in its geometry: which polygon of a MultiPolygon, which member of a collection. */
export type PolygonStep = { kind: 'polygon' | 'geometry'; i: number };

/** A polygon's rings and where it sits ([] for a lone Polygon); messages name it by polygonLabel. */
export interface LabelledPolygon {
  path: readonly PolygonStep[];
  rings: Position[][];
}

const NO_LABEL: Localized = { vi: '', en: '' };

/** The prefix that names a polygon in messages ("polygon 1: ", '' for a lone Polygon), in both languages; built only for a problem. */
export function polygonLabel(p: LabelledPolygon): Localized {
  if (p.path.length === 0) return NO_LABEL;
  return joined(...p.path.map((s) => part(s.kind === 'polygon' ? 'problemPart.polygon' : 'problemPart.geometry', { i: s.i })));
}

export function polygonsOf(g: Geometry, prefix: readonly PolygonStep[] = []): LabelledPolygon[] {
  switch (g.type) {
    case 'Polygon':
      return [{ path: prefix, rings: g.coordinates }];
    case 'MultiPolygon':
      return g.coordinates.map((rings, i) => ({ path: [...prefix, { kind: 'polygon', i }], rings }));
    case 'GeometryCollection':
      return g.geometries.flatMap((x, i) => polygonsOf(x, [...prefix, { kind: 'geometry', i }]));
    default:
      return [];
  }
}

export function positionsOf(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    case 'GeometryCollection':
      return g.geometries.flatMap(positionsOf);
  }
}
