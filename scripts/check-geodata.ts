// npm run geodata:check [-- [--layer KIND] [--district FILE] FILE...]
// Thin Node wrapper around src/validation: finds and reads the files (refusing huge ones before
// reading them), prints one line per problem, exits 0 when all is well, 1 on any error, 2 on misuse.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkGeoJsonBytes } from '../src/validation/check.ts';
import { formatProblem } from '../src/validation/format.ts';
import { MAX_FILE_BYTES, decodeGeoJsonBytes, parseGeoJsonText, sizeProblem, type Result } from '../src/validation/input.ts';
import { fileProblem, LAYER_KINDS, type LayerKind } from '../src/validation/types.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GEODATA = join(ROOT, 'geodata');
const USAGE = `usage: npm run geodata:check [-- [--layer ${LAYER_KINDS.join('|')}] [--district FILE] FILE...]
Without FILEs, checks every *.geojson in geodata/ (not geodata/source/).`;

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
function readBytes(path: string): Result<Uint8Array> {
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { ok: false, problem: fileProblem('is a directory, expected a GeoJSON file') };
    if (!st.isFile()) return { ok: false, problem: fileProblem('is not a regular file') };
    const tooBig = sizeProblem(st.size, MAX_FILE_BYTES);
    if (tooBig) return { ok: false, problem: tooBig };
    return { ok: true, value: readFileSync(path) };
  } catch (e) {
    const code = errorCode(e);
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot be read (${code || String(e)})`;
    return { ok: false, problem: fileProblem(why) };
  }
}

function defaultFiles(): string[] {
  try {
    return readdirSync(GEODATA, { withFileTypes: true })
      .filter((d) => d.isFile() && d.name.endsWith('.geojson'))
      .map((d) => join(GEODATA, d.name))
      .sort();
  } catch {
    return [];
  }
}

/** The parsed district file, or undefined (the checker then falls back to the district bbox). */
function loadDistrict(path: string): unknown {
  const bytes = readBytes(path);
  const text = bytes.ok ? decodeGeoJsonBytes(bytes.value) : bytes;
  if (!text.ok) return undefined;
  const parsed = parseGeoJsonText(text.value);
  return parsed.ok ? parsed.value : undefined;
}

function main(argv: readonly string[]): number {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`geodata:check: ${e.message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const files = args.files.length > 0 ? args.files : defaultFiles();
  if (files.length === 0) {
    console.log(`${relative(process.cwd(), GEODATA) || '.'}: no *.geojson files to check`);
    return 1;
  }
  const district = loadDistrict(args.district ?? join(GEODATA, 'district.geojson'));
  let errors = 0;
  let warnings = 0;
  let failed = 0;
  for (const file of files) {
    // Named as the user typed it; the default geodata/ files relative to where the user stands.
    const name = args.files.length > 0 ? file : relative(process.cwd(), file) || file;
    const bytes = readBytes(file);
    const report = bytes.ok
      ? checkGeoJsonBytes(bytes.value, { fileName: file, district, ...(args.layer ? { layer: args.layer } : {}) })
      : { problems: [bytes.problem], notes: [], featureCount: 0 };
    for (const p of report.problems) console.log(formatProblem(name, p));
    for (const n of report.notes) console.log(`${name}: note: ${n}`);
    const e = report.problems.filter((p) => p.severity === 'error').length;
    const w = report.problems.length - e;
    errors += e;
    warnings += w;
    if (e > 0) failed++;
    else console.log(`${name}: ok (${plural(report.featureCount, 'feature')}${w > 0 ? `, ${plural(w, 'warning')}` : ''})`);
  }
  const checked = plural(files.length, 'file');
  console.log(
    failed === 0
      ? `geodata:check: ${checked} checked, all ok${warnings > 0 ? ` (${plural(warnings, 'warning')})` : ''}`
      : `geodata:check: ${checked} checked, ${failed} with errors (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`,
  );
  return failed === 0 ? 0 : 1;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  // Never a stack trace for the user: rules already turn bad data into problems; this is a bug.
  console.error(`geodata:check: internal error: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 2;
}
