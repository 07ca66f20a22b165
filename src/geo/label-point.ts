// One label anchor per polygon feature: centre of mass when it falls inside, else a point on the
// surface (Turf's pointOnFeature), so every label sits inside its own unit.
import { centerOfMass, pointOnFeature, booleanPointInPolygon } from '@turf/turf';
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
