// Which layer a file holds, from its name. The project's files are named after their layer
// (geodata/units-2021.geojson, geodata/plans-demo.geojson, …); fixtures reuse the prefix
// (plans-demo.missing-level.geojson) so they get the same rules.
import type { LayerKind } from './types.ts';

// Order matters only if a name contains two markers; the longer, more specific markers come first.
const MARKERS: readonly (readonly [string, LayerKind])[] = [
  ['units-2021', 'units'],
  ['wards-2025', 'wards'],
  ['infrastructure', 'infrastructure'],
  ['plans-demo', 'plans'],
  ['industry', 'industry'],
  ['tourism', 'tourism'],
  ['district', 'district'],
];

/** Base name of a path written with / or \ (no Node path module: this also runs in the browser). */
export function baseName(fileName: string): string {
  const parts = fileName.split(/[\\/]/);
  return parts[parts.length - 1] ?? fileName;
}

export function inferLayer(fileName: string): LayerKind {
  const base = baseName(fileName).toLowerCase();
  for (const [marker, kind] of MARKERS) if (base.includes(marker)) return kind;
  return 'generic';
}

/** The project's own units file gets the "exactly 9 slated wards" rule; fixtures named units-2021.x do not. */
export function isProjectUnitsFile(fileName: string): boolean {
  return baseName(fileName).toLowerCase() === 'units-2021.geojson';
}
