// Geometry type aliases shared by the app, the import/coverage code and the build scripts.
import type { MultiPolygon, Polygon } from 'geojson';

/** An areal geometry. The project's one name for Polygon | MultiPolygon. */
export type Polygonal = Polygon | MultiPolygon;
