// The shared geodata checker (src/validation, issue 3) on an imported, reprojected collection:
// the same rules the project's own files pass, so imported data can be used the same way.
import { checkGeoJson } from '../validation/check.ts';
import { formatProblem } from '../validation/format.ts';
import type { LayerKind, Problem } from '../validation/types.ts';
import type { AnyCollection, ImportRole } from './types.ts';

/** 'overlay' data only has to be sound GeoJSON (structure, ranges, rings); no schema, no extent. */
export function layerForRole(role: ImportRole): LayerKind {
  return role === 'overlay' ? 'generic' : role;
}

export interface ValidateOptions {
  fileName: string;
  /** Parsed district outline (geodata/district.geojson) for the extent rule; its bbox otherwise. */
  district?: unknown;
}

export function validateImported(fc: AnyCollection, role: ImportRole, options: ValidateOptions): Problem[] {
  return checkGeoJson(fc, {
    layer: layerForRole(role),
    // Not the project's own file name: "units-2021.geojson" would switch on project-only rules.
    fileName: `import:${options.fileName}`,
    ...(options.district === undefined ? {} : { district: options.district }),
  }).problems;
}

/** Indexes of features with at least one error (warnings do not make a feature invalid). */
export function invalidFeatureIndexes(problems: readonly Problem[]): Set<number> {
  const out = new Set<number>();
  for (const p of problems) if (p.severity === 'error' && p.featureIndex !== null) out.add(p.featureIndex);
  return out;
}

/** `FILE: feature N (id X): message` — the checker's own line format. */
export function formatImportProblem(fileName: string, p: Problem): string {
  return formatProblem(fileName, p);
}
