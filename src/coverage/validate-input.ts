// The coverage CLI's inputs go through the shared rules (src/validation), like the import and the
// checker: structure, `crs`, coordinate ranges, rings, extent (a plan 8,000 km away is refused), the
// limits. What the engine resolves itself — self-intersections, winding, repeated ids — is repaired
// and reported in the result (repair.ts), not refused; everything else the checker calls an error
// makes the input unusable (exit 2), with the first problem named and the rest counted.
import { checkGeoJson } from '../validation/check';
import { formatProblem } from '../validation/format';

/** One line saying why a parsed FeatureCollection cannot be used, or null when it can. */
export function inputProblem(value: unknown, file: string, district?: unknown): string | null {
  const features = (value as { features?: unknown[] }).features;
  // An empty register is a valid input here (zero coverage), unlike for the checker.
  if (Array.isArray(features) && features.length === 0) return null;
  const report = checkGeoJson(value, { layer: 'generic', fileName: `input:${file}`, ...(district === undefined ? {} : { district }) });
  // Whole-file problems first (a "crs" naming metres explains every out-of-range position after it).
  const fatal = report.problems
    .filter((p) => p.severity === 'error' && p.rule !== 'repairable')
    .sort((a, b) => Number(a.featureIndex !== null) - Number(b.featureIndex !== null));
  if (fatal.length === 0) return null;
  const first = formatProblem(file, fatal[0]!);
  const more = fatal.length > 1 ? ` (and ${fatal.length - 1} more problem${fatal.length === 2 ? '' : 's'})` : '';
  return `${first}${more}; check the file with npm run geodata:check -- ${file}`;
}
