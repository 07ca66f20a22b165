// Which units a feature lies in (touching counts only if areas/lines actually enter the unit).
// The single-function Turf packages, not the @turf/turf barrel: the barrel drags CommonJS modules
// (rbush, concaveman) the bundler cannot drop into the first page load.
import { booleanIntersects } from '@turf/boolean-intersects';
import { booleanTouches } from '@turf/boolean-touches';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

export function unitsOf(f: Feature<Geometry>, units: FeatureCollection): Feature[] {
  return units.features.filter((u) => {
    if (!u.geometry) return false;
    const uf = u as Feature<Geometry>;
    return booleanIntersects(f, uf) && !(f.geometry.type !== 'Point' && booleanTouches(f, uf));
  });
}
