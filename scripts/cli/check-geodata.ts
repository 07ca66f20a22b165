// The core of `npm run geodata:check` (scripts/check-geodata.ts is the thin Node wrapper): arguments
// in, exit code and output out, no process globals. Finds and reads the files through `io`
// (refusing huge ones before reading them), prints one line per problem; exit 0 when all is well,
// 1 on any error, 2 on misuse. Lives under scripts/ (not src/) because it uses node:path; the
// browser app never imports it.
import { isAbsolute, join, relative, resolve } from 'node:path';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkGeoJsonBytes } from '../../src/validation/check.ts';
import { problemLines } from '../../src/validation/format.ts';
import { MAX_LISTED_PROBLEMS } from '../../src/validation/limits.ts';
import { MAX_FILE_BYTES, decodeGeoJsonBytes, parseGeoJsonText, sizeProblem, type Result } from '../../src/validation/input.ts';
import { fileProblem, LAYER_KINDS, type LayerKind, type Problem } from '../../src/validation/types.ts';
import { checkResolution, checkResolutionPlaces } from '../../src/resolution/validate.ts';

/** The repository's geodata/ folder: what is checked when no FILE is given. */
export const GEODATA_DIR = fileURLToPath(new URL('../../geodata', import.meta.url));

export const USAGE = `usage: npm run geodata:check [-- [--layer ${LAYER_KINDS.join('|')}] [--district FILE] FILE...]
Without FILEs, checks every *.geojson in geodata/ (not geodata/source/), geodata/resolution.json and
geodata/source/resolution-places.json. A file named resolution*.json is checked as the resolution's
targets/milestones/criteria, resolution-places*.json as the places it names.`;

export interface FileStat {
  isFile(): boolean;
  isDirectory(): boolean;
  size: number;
}

/**
 * The file system as the checker sees it. Paths are passed as the user typed them (relative ones
 * are relative to `cwd`); failures throw errors carrying a Node-style `code` (ENOENT, EACCES, …).
 */
export interface CheckIo {
  /** Where the user stands: default files are named relative to it. */
  cwd: string;
  /** The folder checked when no FILE is given (default: the repository's geodata/). */
  geodataDir?: string;
  stat(path: string): FileStat;
  readFile(path: string): Uint8Array;
  /** The entries of a folder (throws when it cannot be listed). */
  listDir(dir: string): { name: string; isFile: boolean }[];
}

export interface CliOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real file system, relative paths taken from `cwd`. */
export function nodeCheckIo(cwd: string): CheckIo {
  const at = (path: string): string => (isAbsolute(path) ? path : resolve(cwd, path));
  return {
    cwd,
    stat: (path) => statSync(at(path)),
    readFile: (path) => readFileSync(at(path)),
    listDir: (dir) => readdirSync(at(dir), { withFileTypes: true }).map((d) => ({ name: d.name, isFile: d.isFile() })),
  };
}

interface Args {
  help: boolean;
  files: string[];
  layer?: LayerKind;
  district?: string;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { help: false, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--layer') {
      const v = value();
      if (!(LAYER_KINDS as readonly string[]).includes(v)) throw new UsageError(`unknown layer "${v}"; expected one of ${LAYER_KINDS.join(', ')}`);
      args.layer = v as LayerKind;
    } else if (flag === '--district') args.district = value();
    else if (flag === '--help' || flag === '-h') args.help = true;
    else if (flag === '--') {
      args.files.push(...argv.slice(i + 1)); // everything after -- is a file, even "-x"
      break;
    } else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option ${flag}`);
    else args.files.push(a);
  }
  return args;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function errorCode(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
}

/** The file's bytes, or the problem that stops it being read (stat first: never slurp a huge file). */
function readBytes(io: CheckIo, path: string): Result<Uint8Array> {
  try {
    const st = io.stat(path);
    if (st.isDirectory()) return { ok: false, problem: fileProblem('is a directory, expected a GeoJSON file') };
    if (!st.isFile()) return { ok: false, problem: fileProblem('is not a regular file') };
    const tooBig = sizeProblem(st.size, MAX_FILE_BYTES);
    if (tooBig) return { ok: false, problem: tooBig };
    return { ok: true, value: io.readFile(path) };
  } catch (e) {
    const code = errorCode(e);
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot be read (${code || String(e)})`;
    return { ok: false, problem: fileProblem(why) };
  }
}

function defaultFiles(io: CheckIo, geodata: string): string[] {
  let files: string[];
  try {
    files = io
      .listDir(geodata)
      .filter((d) => d.isFile && d.name.endsWith('.geojson'))
      .map((d) => join(geodata, d.name))
      .sort();
  } catch {
    return [];
  }
  // The resolution's data files, where they exist.
  for (const extra of [join(geodata, 'resolution.json'), join(geodata, 'source', 'resolution-places.json')]) {
    try {
      if (io.stat(extra).isFile()) files.push(extra);
    } catch {
      // absent: nothing to check
    }
  }
  return files;
}

type JsonKind = 'resolution' | 'places';

/** The JSON kinds the checker knows by file name (everything else is GeoJSON). */
function jsonKind(file: string): JsonKind | null {
  const base = file.split(/[\\/]/).pop()!.toLowerCase();
  if (!base.endsWith('.json')) return null;
  if (base.startsWith('resolution-places')) return 'places';
  if (base.startsWith('resolution')) return 'resolution';
  return null;
}

/** Unit ids of units-2021.geojson, which the resolution files refer to. */
function knownUnitIds(io: CheckIo, geodata: string): Set<string> {
  const bytes = readBytes(io, join(geodata, 'units-2021.geojson'));
  const text = bytes.ok ? decodeGeoJsonBytes(bytes.value) : bytes;
  const parsed = text.ok ? parseGeoJsonText(text.value) : text;
  const features = parsed.ok ? (parsed.value as { features?: { properties?: { id?: unknown } }[] }).features : undefined;
  return new Set((Array.isArray(features) ? features : []).map((f) => String(f?.properties?.id ?? '')).filter((id) => id !== ''));
}

function checkJson(bytes: Uint8Array, kind: JsonKind, units: ReadonlySet<string>): { problems: Problem[]; notes: string[]; featureCount: number; what: string } {
  const text = decodeGeoJsonBytes(bytes);
  const parsed = text.ok ? parseGeoJsonText(text.value) : text;
  if (!parsed.ok) return { problems: [parsed.problem], notes: [], featureCount: 0, what: 'item' };
  const json = parsed.value as Record<string, unknown> | null;
  const count = (k: string) => (json && Array.isArray(json[k]) ? (json[k] as unknown[]).length : 0);
  return kind === 'resolution'
    ? { problems: checkResolution(json, units), notes: [], featureCount: count('targets'), what: 'target' }
    : { problems: checkResolutionPlaces(json, units), notes: [], featureCount: count('places'), what: 'place' };
}

/** The parsed district file, or undefined (the checker then falls back to the district bbox). */
function loadDistrict(io: CheckIo, path: string): unknown {
  const bytes = readBytes(io, path);
  const text = bytes.ok ? decodeGeoJsonBytes(bytes.value) : bytes;
  if (!text.ok) return undefined;
  const parsed = parseGeoJsonText(text.value);
  return parsed.ok ? parsed.value : undefined;
}

function main(argv: readonly string[], io: CheckIo, out: string[], err: string[]): number {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err.push(`geodata:check: ${e.message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    out.push(USAGE);
    return 0;
  }
  const geodata = io.geodataDir ?? GEODATA_DIR;
  const files = args.files.length > 0 ? args.files : defaultFiles(io, geodata);
  if (files.length === 0) {
    out.push(`${relative(io.cwd, geodata) || '.'}: no *.geojson files to check`);
    return 1;
  }
  const district = loadDistrict(io, args.district ?? join(geodata, 'district.geojson'));
  let errors = 0;
  let warnings = 0;
  let failed = 0;
  let units: Set<string> | undefined;
  for (const file of files) {
    // Named as the user typed it; the default geodata/ files relative to where the user stands.
    const name = args.files.length > 0 ? file : relative(io.cwd, file) || file;
    const bytes = readBytes(io, file);
    const kind = jsonKind(file);
    const report = !bytes.ok
      ? { problems: [bytes.problem], notes: [], featureCount: 0, what: 'feature' }
      : kind
        ? checkJson(bytes.value, kind, (units ??= knownUnitIds(io, geodata)))
        : { ...checkGeoJsonBytes(bytes.value, { fileName: file, district, ...(args.layer ? { layer: args.layer } : {}) }), what: 'feature' };
    out.push(...problemLines(name, report.problems, MAX_LISTED_PROBLEMS));
    for (const n of report.notes) out.push(`${name}: note: ${n}`);
    const e = report.problems.filter((p) => p.severity === 'error').length;
    const w = report.problems.length - e;
    errors += e;
    warnings += w;
    if (e > 0) failed++;
    else out.push(`${name}: ok (${plural(report.featureCount, report.what)}${w > 0 ? `, ${plural(w, 'warning')}` : ''})`);
  }
  const checked = plural(files.length, 'file');
  out.push(
    failed === 0
      ? `geodata:check: ${checked} checked, all ok${warnings > 0 ? ` (${plural(warnings, 'warning')})` : ''}`
      : `geodata:check: ${checked} checked, ${failed} with errors (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`,
  );
  return failed === 0 ? 0 : 1;
}

/** Runs the checker on `argv` (without node and script); one string per output stream, lines ending in "\n". */
export function runCheckCli(argv: readonly string[], io: CheckIo): CliOutput {
  const out: string[] = [];
  const err: string[] = [];
  const text = (lines: string[]): string => lines.map((l) => `${l}\n`).join('');
  try {
    const code = main(argv, io, out, err);
    return { code, stdout: text(out), stderr: text(err) };
  } catch (e) {
    // Never a stack trace for the user: rules already turn bad data into problems; this is a bug.
    err.push(`geodata:check: internal error: ${e instanceof Error ? e.message : String(e)}`);
    return { code: 2, stdout: text(out), stderr: text(err) };
  }
}
