// Deterministic, diff-friendly GeoJSON text: one feature per line, keys in construction order.
import type { Feature, Geometry } from 'geojson';

export function stringifyFeatureCollection(features: readonly Feature<Geometry | null>[], foreign: Record<string, unknown> = {}): string {
  const head = Object.entries(foreign).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)},\n`).join('');
  return `{"type":"FeatureCollection",\n${head}"features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}
