// One label anchor per polygon feature: centre of mass when it falls inside, else a point on the
// surface (Turf's pointOnFeature), so every label sits inside its own unit.
// Single-function Turf packages (not the barrel): see units-of.ts.
import { centerOfMass } from '@turf/center-of-mass';
import { pointOnFeature } from '@turf/point-on-feature';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, Point, GeoJsonProperties, Geometry } from 'geojson';
import type { Polygonal } from './types';

export function labelPoint(f: Feature<Polygonal>): Feature<Point> {
  const c = centerOfMass(f);
  const p = booleanPointInPolygon(c, f) ? c : pointOnFeature(f);
  return { type: 'Feature', id: f.id, properties: f.properties, geometry: p.geometry };
}

/** Label points for the polygonal features of a collection; other geometries are skipped. */
export function labelPoints(fc: FeatureCollection<Geometry | null, GeoJsonProperties>): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (const f of fc.features) {
    const g = f.geometry;
    if (g && (g.type === 'Polygon' || g.type === 'MultiPolygon')) {
      features.push(labelPoint(f as Feature<Polygonal>));
    }
  }
  return { type: 'FeatureCollection', features };
}
