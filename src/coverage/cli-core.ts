// `npm run coverage` minus the process: argument parsing, input validation, the run and output
// formatting, no fs/process. runCoverageCli takes argv and a file reader and returns the exit code
// and output; scripts/coverage-cli.ts only wires it to Node. Errors are CliError with a one-line
// message naming the file or argument, printed as "coverage: …" with exit 2. Not imported by the
// browser app.
// Arguments are parsed by hand rather than with node:util parseArgs so this module stays free
// of Node APIs like the rest of src/coverage (it is ~40 lines).
import { normalizeOptions } from './plan-filter';
import { coverageToCsv, type CsvOptions } from './csv';
import { createCoverageIndex } from './engine';
import { isIsoDate } from './approval-date';
import type { CoverageOptions, CoverageResult, GapsResult, InputFeature, PlanLevel, PlanStatus } from './types';
import { PLAN_LEVELS, PLAN_STATUSES } from '../plans/vocabulary';
import { importedInput, isGeoJsonInput } from './read-input';
import { inputProblem } from './validate-input';
import { scanJson } from '../validation/scan';
import { binaryProblem, decodeGeoJsonBytes, MAX_FILE_BYTES, sizeProblem } from '../validation/input';
import type { SqliteModule } from '../import/gpkg';
import type { XmlParser } from '../import/types';

export class CliError extends Error {}

export type OutputFormat = 'table' | 'json' | 'csv';

export interface CliArgs {
  units: string;
  plans: string;
  options: CoverageOptions;
  format: OutputFormat;
  lang: 'vi' | 'en';
  /** Inputs that are not GeoJSON (read through the import): the CRS of one naming none, GeoPackage tables. */
  crs?: string;
  unitsLayer?: string;
  plansLayer?: string;
  /** --db URL --units-table T --plans-table T: computed in PostGIS (src/db/coverage-cli.ts); units/plans then hold the table names. */
  db?: { url: string; unitsTable: string; plansTable: string };
  /** --gaps OUT.geojson: where to write the gap pieces (the slated units', or every unit's when none is slated). */
  gaps?: string;
}

export const USAGE =
  `usage: npm run coverage -- --units FILE --plans FILE [--target 80] [--levels ${PLAN_LEVELS.join(',')}] ` +
  `[--statuses ${PLAN_STATUSES.join(',')}] [--as-of YYYY-MM-DD] [--gaps OUT.geojson] [--format table|json|csv] [--lang vi|en] [--crs EPSG:9214] [--units-layer NAME] [--plans-layer NAME]\n` +
  '  --target is a percent (default 80); a unit meets it when its coverage is MORE than the target.\n' +
  '  --as-of: coverage on that date: plans approved after it (field approved_on, or ngay_phe_duyet…) and plans without\n' +
  '  an approval date are left out. --gaps: writes the uncovered parts of the slated units (of every unit when none is\n' +
  '  slated) as GeoJSON (WGS 84), one feature per piece with unit_id, unit_name, area_m2, rank; per-unit totals in "units".\n' +
  '  FILE: GeoJSON, or any file `npm run import` reads (zipped Shapefile, KML/KMZ, DXF, GeoPackage); --crs for one that names\n' +
  '  no CRS (a DXF), --units-layer / --plans-layer for a GeoPackage table.\n' +
  '  In PostGIS instead of in-process: --db URL --units-table T --plans-table T (tables of npm run db:load), same options.';

const FLAGS = new Set(['units', 'plans', 'target', 'levels', 'statuses', 'format', 'lang', 'crs', 'units-layer', 'plans-layer', 'db', 'units-table', 'plans-table', 'as-of', 'gaps']);

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
  // --db: the tables of `npm run db:load` stand where the files would.
  const dbUrl = v.get('db');
  if (dbUrl === undefined && (v.has('units-table') || v.has('plans-table'))) throw new CliError('--units-table / --plans-table need --db URL');
  if (dbUrl !== undefined) {
    if (v.has('units') || v.has('plans')) throw new CliError('--db reads tables: give --units-table / --plans-table, not --units / --plans');
    if (!v.get('units-table')) throw new CliError('missing --units-table NAME (with --db)');
    if (!v.get('plans-table')) throw new CliError('missing --plans-table NAME (with --db)');
    v.set('units', v.get('units-table')!);
    v.set('plans', v.get('plans-table')!);
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
  const asOf = v.get('as-of') ?? null;
  if (asOf !== null && !isIsoDate(asOf)) throw new CliError(`--as-of: "${asOf}" is not a date YYYY-MM-DD (e.g. 2019-12-31)`);
  const extra: Partial<CliArgs> = {};
  if (v.has('gaps')) {
    const out = v.get('gaps')!;
    if (out.trim() === '') throw new CliError('--gaps needs a file name (OUT.geojson)');
    extra.gaps = out;
  }
  if (v.has('crs')) extra.crs = v.get('crs')!;
  if (v.has('units-layer')) extra.unitsLayer = v.get('units-layer')!;
  if (v.has('plans-layer')) extra.plansLayer = v.get('plans-layer')!;
  if (dbUrl !== undefined) extra.db = { url: dbUrl, unitsTable: units, plansTable: plans };
  return { units, plans, format, lang, options: normalizeOptions({ levels, statuses, target: target / 100, asOf }), ...extra };
}

/**
 * Validate a GeoJSON FeatureCollection's text. Units must contain at least one polygon; a plans
 * file may be an empty register (0 features), but features that are all non-polygons are an
 * error (wrong file, e.g. plan centroids).
 */
export function parseFeatureCollection(text: string, file: string, what: 'units' | 'plans', scanned = false): InputFeature[] {
  // The shared limits (features, positions, properties, nesting) before JSON.parse builds anything.
  const scan = scanned ? null : scanJson(text);
  if (scan !== null && !scan.ok) throw new CliError(`${file}: ${scan.message}`);
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
  const problem = inputProblem(data, file);
  if (problem !== null) throw new CliError(problem);
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
    `Plans counted: ${r.plans.counted} (levels: ${o.levels.join(', ')}; statuses: ${o.statuses.join(', ')}${r.as_of ? `; approved on or before ${r.as_of}` : ''}); left out: ${r.plans.excluded.length}${excluded ? ` (${excluded})` : ''}.`,
    ...(r.problems.length ? [`Repairs/problems: ${r.problems.length} (see --format json).`] : []),
  ].join('\n') + '\n';
}

/** What the CSV's first lines say about the inputs: the register(s), whether it is demonstration data, the units. */
export type CsvInputs = Pick<CsvOptions, 'registers' | 'demo' | 'units'>;

const baseName = (file: string): string => file.split(/[\\/]/).pop() || file;
const props = (f: InputFeature): Record<string, unknown> => (f.properties ?? {}) as Record<string, unknown>;

/** The CLI's inputs as the CSV names them: file names; demonstration and schematic as the files' features say. */
export function csvInputs(unitsFile: string, units: readonly InputFeature[], plansFile: string, plans: readonly InputFeature[]): CsvInputs {
  const demo = plans.some((f) => props(f).demo === true || props(f).provenance === 'demonstration');
  const schematic = units.some((f) => /^schematic/i.test(String(props(f).geometry_source ?? '')));
  return { registers: [baseName(plansFile)], demo, units: { name: baseName(unitsFile), schematic } };
}

export function formatResult(r: CoverageResult, format: OutputFormat, lang: 'vi' | 'en', date?: Date, inputs?: CsvInputs): string {
  if (format === 'json') return JSON.stringify(r, null, 2) + '\n';
  if (format === 'csv') return coverageToCsv(r, { lang, ...(date ? { date } : {}), registers: inputs?.registers ?? [], demo: inputs?.demo ?? false, ...(inputs?.units ? { units: inputs.units } : {}) });
  return formatTable(r);
}

/** Reads a file as UTF-8 text; failures throw errors carrying a Node-style `code` (ENOENT, EISDIR, …). */
export interface CoverageCliIo {
  readText(file: string): string;
  /** The file's size (a stat, no read): a file over the 100 MB limit is refused before reading. */
  size?(file: string): number;
  /** Files that are not GeoJSON (zipped Shapefile, KML/KMZ, DXF, GeoPackage) are read as bytes; without it, as text. */
  readBytes?(file: string): Uint8Array;
  /** Writes an output file (--gaps); without it --gaps is refused. */
  writeText?(file: string, text: string): void;
  /** SQLite for GeoPackages, the XML parser for KML (as `npm run import` has them). */
  sqlite?: SqliteModule;
  xmlParser?: XmlParser;
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
    throw readError(file, e);
  }
}

function readError(file: string, e: unknown): CliError {
  const code = typeof e === 'object' && e !== null && 'code' in e ? (e as { code: unknown }).code : undefined;
  const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : e instanceof Error ? e.message : String(e);
  return new CliError(`${file}: ${why}`);
}

/** One input: GeoJSON as before; any other format through the import pipeline (read-input.ts). */
function readInput(io: CoverageCliIo, file: string, what: 'units' | 'plans', args: CliArgs): InputFeature[] {
  let size: number | undefined;
  try {
    size = io.size?.(file);
  } catch (e) {
    throw readError(file, e);
  }
  if (size !== undefined && size > MAX_FILE_BYTES) throw new CliError(`${file}: ${sizeProblem(size)!.message}`);
  if (io.readBytes === undefined) return parseFeatureCollection(readText(io, file), file, what);
  let bytes: Uint8Array;
  try {
    bytes = io.readBytes(file);
  } catch (e) {
    throw readError(file, e);
  }
  if (isGeoJsonInput(file, bytes)) {
    // The limits on the bytes (no string is made of a refused file), then decoded strictly, as the
    // checker and the import do: Latin-1 bytes are an error, not U+FFFD.
    const binary = binaryProblem(bytes);
    if (binary !== null) throw new CliError(`${file}: ${binary.message}`);
    const scan = scanJson(bytes);
    if (!scan.ok) throw new CliError(`${file}: ${scan.message}`);
    const text = decodeGeoJsonBytes(bytes);
    if (!text.ok) throw new CliError(`${file}: ${text.problem.message}`);
    return parseFeatureCollection(text.value, file, what, true);
  }
  const layer = what === 'units' ? args.unitsLayer : args.plansLayer;
  const r = importedInput(file, bytes, what, {
    ...(args.crs === undefined ? {} : { crs: args.crs }),
    ...(layer === undefined ? {} : { layer }),
    ...(io.sqlite === undefined ? {} : { sqlite: io.sqlite }),
    ...(io.xmlParser === undefined ? {} : { xmlParser: io.xmlParser }),
  });
  if (!r.ok) throw new CliError(r.error);
  // The same checks as for GeoJSON (polygons present), on what the import produced.
  return parseFeatureCollection(JSON.stringify(r.collection), file, what);
}

/**
 * The --gaps file: a GeoJSON FeatureCollection (WGS 84, RFC 7946), one Polygon/MultiPolygon per gap
 * piece with unit_id, unit_name, area_m2 and rank (1 = largest in its unit). The per-unit summary
 * (area, covered, gap, shortfall to the target) and as_of / target are foreign members of the
 * collection (RFC 7946 §6.1 allows them; GIS tools ignore them, the pieces stay readable).
 */
export function gapsGeoJson(g: GapsResult): string {
  return JSON.stringify({ type: 'FeatureCollection', as_of: g.as_of, target: g.target, units: g.units, features: g.pieces.features }) + '\n';
}

/**
 * The whole CLI on `argv` (without node and script). Exit codes: 0 ok, 2 bad arguments or input
 * files (one line on stderr), 1 unexpected failure.
 */
export function runCoverageCli(argv: readonly string[], io: CoverageCliIo): CliOutput {
  try {
    const args = parseCliArgs(argv);
    if (args === 'help') return { code: 0, stdout: USAGE + '\n', stderr: '' };
    if (args.db) throw new CliError('--db is run by the database runner (src/db/coverage-cli.ts, through npm run coverage)');
    const units = readInput(io, args.units, 'units', args);
    const plans = readInput(io, args.plans, 'plans', args);
    if (args.gaps !== undefined && !io.writeText) throw new CliError('--gaps: this runner cannot write files');
    const index = createCoverageIndex(units, plans, args.options);
    const result = index.result();
    let note = '';
    if (args.gaps !== undefined) {
      const slated = result.units.filter((u) => u.slated);
      const gaps = index.gaps((slated.length > 0 ? slated : result.units).map((u) => u.id));
      try {
        io.writeText!(args.gaps, gapsGeoJson(gaps));
      } catch (e) {
        throw readError(args.gaps, e);
      }
      note = `coverage: wrote ${gaps.pieces.features.length} gap piece${gaps.pieces.features.length === 1 ? '' : 's'} of ${gaps.units.length} unit${gaps.units.length === 1 ? '' : 's'} to ${args.gaps}\n`;
    }
    return { code: 0, stdout: formatResult(result, args.format, args.lang, undefined, csvInputs(args.units, units, args.plans, plans)), stderr: note };
  } catch (e) {
    if (e instanceof CliError) return { code: 2, stdout: '', stderr: `coverage: ${e.message}\n` };
    return { code: 1, stdout: '', stderr: `coverage: internal error: ${e instanceof Error ? e.message : String(e)}\n` };
  }
}
