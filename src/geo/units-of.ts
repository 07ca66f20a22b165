// Which units a feature lies in (touching counts only if areas/lines actually enter the unit).
import { booleanIntersects, booleanTouches } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

export function unitsOf(f: Feature<Geometry>, units: FeatureCollection): Feature[] {
  return units.features.filter((u) => {
    if (!u.geometry) return false;
    const uf = u as Feature<Geometry>;
    return booleanIntersects(f, uf) && !(f.geometry.type !== 'Point' && booleanTouches(f, uf));
  });
}
