// `npm run coverage` minus the process: argument parsing, input validation, the run and output
// formatting, no fs/process. runCoverageCli takes argv and a file reader and returns the exit code
// and output; scripts/coverage-cli.ts only wires it to Node. Errors are CliError with a one-line
// message naming the file or argument, printed as "coverage: …" with exit 2. Not imported by the
// browser app.
// Arguments are parsed by hand rather than with node:util parseArgs so this module stays free
// of Node APIs like the rest of src/coverage (it is ~40 lines).
import { normalizeOptions } from './plan-filter';
import { coverageToCsv } from './csv';
import { computeCoverage } from './engine';
import type { CoverageOptions, CoverageResult, InputFeature, PlanLevel, PlanStatus } from './types';
import { PLAN_LEVELS, PLAN_STATUSES } from '../plans/vocabulary';

export class CliError extends Error {}

export type OutputFormat = 'table' | 'json' | 'csv';

export interface CliArgs {
  units: string;
  plans: string;
  options: CoverageOptions;
  format: OutputFormat;
  lang: 'vi' | 'en';
}

export const USAGE =
  `usage: npm run coverage -- --units FILE --plans FILE [--target 80] [--levels ${PLAN_LEVELS.join(',')}] ` +
  `[--statuses ${PLAN_STATUSES.join(',')}] [--format table|json|csv] [--lang vi|en]\n` +
  '  --target is a percent (default 80); a unit meets it when its coverage is MORE than the target.';

const FLAGS = new Set(['units', 'plans', 'target', 'levels', 'statuses', 'format', 'lang']);

function list<T extends string>(flag: string, value: string, allowed: readonly T[]): T[] {
  const items = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) throw new CliError(`--${flag}: empty list (allowed: ${allowed.join(', ')})`);
  for (const it of items) {
    if (!(allowed as readonly string[]).includes(it)) throw new CliError(`--${flag}: unknown value "${it}" (allowed: ${allowed.join(', ')})`);
  }
  return items as T[];
}

/** Parse argv (without node and script). Returns 'help' for -h/--help. */
export function parseCliArgs(argv: readonly string[]): CliArgs | 'help' {
  const v = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-h' || a === '--help') return 'help';
    if (!a.startsWith('--')) throw new CliError(`unexpected argument "${a}"`);
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (!FLAGS.has(name)) throw new CliError(`unknown option "--${name}"`);
    const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new CliError(`--${name} needs a value`);
    if (v.has(name)) throw new CliError(`--${name} given twice`);
    v.set(name, value);
  }
  const units = v.get('units');
  const plans = v.get('plans');
  if (!units) throw new CliError('missing --units FILE');
  if (!plans) throw new CliError('missing --plans FILE');
  const targetText = v.get('target') ?? '80';
  const target = Number(targetText);
  if (targetText.trim() === '' || !Number.isFinite(target) || target < 0 || target > 100) {
    throw new CliError(`--target: "${targetText}" is not a percent between 0 and 100`);
  }
  const format = v.get('format') ?? 'table';
  if (format !== 'table' && format !== 'json' && format !== 'csv') throw new CliError(`--format: unknown format "${format}" (table, json or csv)`);
  const lang = v.get('lang') ?? 'vi';
  if (lang !== 'vi' && lang !== 'en') throw new CliError(`--lang: unknown language "${lang}" (vi or en)`);
  const levels = list<PlanLevel>('levels', v.get('levels') ?? 'detailed', PLAN_LEVELS);
  const statuses = list<PlanStatus>('statuses', v.get('statuses') ?? 'approved', PLAN_STATUSES);
  return { units, plans, format, lang, options: normalizeOptions({ levels, statuses, target: target / 100 }) };
}

/**
 * Validate a GeoJSON FeatureCollection's text. Units must contain at least one polygon; a plans
 * file may be an empty register (0 features), but features that are all non-polygons are an
 * error (wrong file, e.g. plan centroids).
 */
export function parseFeatureCollection(text: string, file: string, what: 'units' | 'plans'): InputFeature[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new CliError(`${file}: not valid JSON (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
  }
  if (!data || typeof data !== 'object' || (data as { type?: unknown }).type !== 'FeatureCollection' || !Array.isArray((data as { features?: unknown }).features)) {
    throw new CliError(`${file}: not a GeoJSON FeatureCollection`);
  }
  const features = (data as { features: unknown[] }).features;
  const bad = features.findIndex((f) => !f || typeof f !== 'object' || (f as { type?: unknown }).type !== 'Feature');
  if (bad >= 0) throw new CliError(`${file}: item ${bad} of "features" is not a GeoJSON Feature`);
  const typed = features as InputFeature[];
  const polygons = typed.filter((f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon').length;
  if (polygons === 0 && (what === 'units' || typed.length > 0)) {
    throw new CliError(`${file}: no Polygon or MultiPolygon features (${typed.length} features)`);
  }
  return typed;
}

const pctText = (x: number): string => `${+(x * 100).toFixed(2)}%`;

/** Aligned text table plus the headline planners ask for first. */
export function formatTable(r: CoverageResult): string {
  const head = ['Unit id', 'Name', 'Slated', 'Area ha', 'Covered ha', 'Coverage', 'Meets', 'Plans'];
  const rows = r.units.map((u) => [
    u.id,
    u.name.normalize('NFC'),
    u.slated ? 'yes' : 'no',
    (u.area_m2 / 1e4).toFixed(2),
    (u.covered_m2 / 1e4).toFixed(2),
    `${(u.coverage * 100).toFixed(2)}%`,
    u.meets_target ? 'yes' : 'no',
    String(u.plan_ids.length),
  ]);
  const numeric = [false, false, false, true, true, true, false, true];
  const all = [head, ...rows];
  const w = head.map((_, c) => Math.max(...all.map((row) => row[c]!.length)));
  const line = (row: string[]): string => row.map((cell, c) => (numeric[c] ? cell.padStart(w[c]!) : cell.padEnd(w[c]!))).join('  ').trimEnd();
  const s = r.totals.slated;
  const o = r.options;
  const byReason = new Map<string, number>();
  for (const e of r.plans.excluded) byReason.set(e.reason, (byReason.get(e.reason) ?? 0) + 1);
  const excluded = [...byReason].map(([k, n]) => `${n} ${k.replace(/_/g, ' ')}`).join(', ');
  return [
    line(head),
    line(w.map((n) => '-'.repeat(n))),
    ...rows.map(line),
    '',
    `${s.units_meeting_target} of ${s.units} slated units meet the ${pctText(o.target)} target (coverage more than ${pctText(o.target)}).`,
    `Slated units: ${pctText(s.coverage)} covered; district: ${pctText(r.totals.district.coverage)} covered.`,
    `Plans counted: ${r.plans.counted} (levels: ${o.levels.join(', ')}; statuses: ${o.statuses.join(', ')}); left out: ${r.plans.excluded.length}${excluded ? ` (${excluded})` : ''}.`,
    ...(r.problems.length ? [`Repairs/problems: ${r.problems.length} (see --format json).`] : []),
  ].join('\n') + '\n';
}

export function formatResult(r: CoverageResult, format: OutputFormat, lang: 'vi' | 'en', date?: Date): string {
  if (format === 'json') return JSON.stringify(r, null, 2) + '\n';
  if (format === 'csv') return coverageToCsv(r, { lang, ...(date ? { date } : {}) });
  return formatTable(r);
}

/** Reads a file as UTF-8 text; failures throw errors carrying a Node-style `code` (ENOENT, EISDIR, …). */
export interface CoverageCliIo {
  readText(file: string): string;
}

export interface CliOutput {
  code: number;
  stdout: string;
  stderr: string;
}

function readText(io: CoverageCliIo, file: string): string {
  try {
    return io.readText(file);
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? (e as { code: unknown }).code : undefined;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : e instanceof Error ? e.message : String(e);
    throw new CliError(`${file}: ${why}`);
  }
}

/**
 * The whole CLI on `argv` (without node and script). Exit codes: 0 ok, 2 bad arguments or input
 * files (one line on stderr), 1 unexpected failure.
 */
export function runCoverageCli(argv: readonly string[], io: CoverageCliIo): CliOutput {
  try {
    const args = parseCliArgs(argv);
    if (args === 'help') return { code: 0, stdout: USAGE + '\n', stderr: '' };
    const units = parseFeatureCollection(readText(io, args.units), args.units, 'units');
    const plans = parseFeatureCollection(readText(io, args.plans), args.plans, 'plans');
    const result = computeCoverage(units, plans, args.options);
    return { code: 0, stdout: formatResult(result, args.format, args.lang), stderr: '' };
  } catch (e) {
    if (e instanceof CliError) return { code: 2, stdout: '', stderr: `coverage: ${e.message}\n` };
    return { code: 1, stdout: '', stderr: `coverage: internal error: ${e instanceof Error ? e.message : String(e)}\n` };
  }
}
