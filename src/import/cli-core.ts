// The core of `npm run import` (scripts/import-cli.ts is the thin Node wrapper): arguments in, exit
// code and output out; files are read and written through `io`, no process globals or Node APIs,
// so it runs in-process in the tests. Not imported by the browser app.
// Converts one planner's file to WGS 84 GeoJSON with the same code the app runs (src/import),
// printing the same problems and warnings, one per line. Exit codes: 0 = converted and valid
// (warnings allowed), 2 = bad input (unreadable, unknown format, CRS needed, limits, invalid
// features without --repair/--skip-invalid), 1 = wrong usage. Never prints a stack trace.
import { importFile, formatImportProblem, type ImportRole } from './index.ts';
import { nodeXmlParser } from './node-xml.ts';
import { MAX_INPUT_BYTES } from './limits.ts';
import { sizeFailure } from './limit-messages.ts';
import { displayName } from './types.ts';
import { problemLines } from '../validation/format.ts';
import { MAX_LISTED_PROBLEMS } from '../validation/limits.ts';
import type { SqliteModule } from './gpkg.ts';

export const USAGE = 'usage: npm run import -- FILE [--crs EPSG:9214] [--role plans|units|overlay] [--layer NAME] [--out FILE] [--repair] [--skip-invalid]';

/** Failures throw errors carrying a Node-style `code` (ENOENT, EACCES, …), printed as "(CODE)". */
export interface ImportCliIo {
  /** The file's size in bytes (a stat, no read): files over the limit are refused before reading. */
  size?(path: string): number;
  readFile(path: string): Uint8Array;
  writeFile(path: string, text: string): void;
  /** The parsed district outline, or undefined (the checker then falls back to the district bbox). */
  readDistrict?(): unknown;
  /** SQLite for GeoPackages (loadSqliteNode() from sqlite-node.ts); without it a .gpkg cannot be read. */
  sqlite?: SqliteModule;
}

export interface CliOutput {
  code: number;
  stdout: string;
  stderr: string;
}

interface Args {
  file: string;
  crs?: string;
  role: ImportRole;
  out?: string;
  /** GeoPackage: the feature table to read. */
  layer?: string;
  repair: boolean;
  skipInvalid: boolean;
}

function parseArgs(argv: readonly string[]): Args | string {
  let file: string | undefined;
  const args: Partial<Args> = { role: 'overlay', repair: false, skipInvalid: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string | undefined => argv[++i];
    if (a === '--crs') args.crs = value();
    else if (a === '--role') {
      const role = value();
      if (role !== 'plans' && role !== 'units' && role !== 'overlay') return `--role must be plans, units or overlay`;
      args.role = role;
    } else if (a === '--out') args.out = value();
    else if (a === '--layer') args.layer = value();
    else if (a === '--repair') args.repair = true;
    else if (a === '--skip-invalid') args.skipInvalid = true;
    else if (a === '--help' || a === '-h') return USAGE;
    else if (a.startsWith('--')) return `unknown option ${a}`;
    else if (file === undefined) file = a;
    else return `only one FILE at a time (got ${file} and ${a})`;
  }
  if (file === undefined) return 'no FILE given';
  if (args.crs === undefined && argv.includes('--crs')) return '--crs needs a value';
  if (args.out === undefined && argv.includes('--out')) return '--out needs a value';
  if (args.layer === undefined && argv.includes('--layer')) return '--layer needs a value';
  return { ...(args as Args), file };
}

function errorCode(e: unknown): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? (e as { code: unknown }).code : undefined;
  return code === undefined || code === null ? 'error' : String(code);
}

function main(argv: readonly string[], io: ImportCliIo, out: string[], err: string[]): number {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    err.push(args === USAGE ? USAGE : `import: ${args}\n${USAGE}`);
    return 1;
  }
  let bytes: Uint8Array;
  try {
    const size = io.size?.(args.file);
    if (size !== undefined && size > MAX_INPUT_BYTES) {
      err.push(sizeFailure(displayName(args.file), size, MAX_INPUT_BYTES).error);
      return 2;
    }
    bytes = io.readFile(args.file);
  } catch (e) {
    err.push(`${args.file}: cannot be read (${errorCode(e)})`);
    return 2;
  }
  const result = importFile(
    { name: args.file, bytes },
    {
      xmlParser: nodeXmlParser(),
      role: args.role,
      repair: args.repair,
      skipInvalid: args.skipInvalid,
      district: io.readDistrict?.(),
      ...(args.crs === undefined ? {} : { crs: args.crs }),
      ...(args.layer === undefined ? {} : { layer: args.layer }),
      ...(io.sqlite === undefined ? {} : { sqlite: io.sqlite }),
    },
  );
  if (!result.ok) {
    err.push(result.error);
    if (result.needsCrs === true) err.push(`${result.fileName}: give the CRS with --crs (e.g. --crs EPSG:9214)`);
    return 2;
  }
  const name = result.fileName;
  for (const w of result.warnings) err.push(w.startsWith(`${name}:`) ? w : `${name}: ${w}`);
  for (const r of result.repairs) {
    const id = r.featureId === null ? '' : ` (id ${r.featureId})`;
    err.push(`${name}: feature ${r.featureIndex}${id}: ${r.message}`);
  }
  err.push(...problemLines(name, result.problems, MAX_LISTED_PROBLEMS));
  err.push(`${name}: ${result.kind}, ${result.crs.code} (${result.crs.source}), ${result.collection.features.length} feature(s)`);
  if (result.crs.needsConfirmation) {
    err.push(`${name}: the CRS is a guess; confirm it with --crs ${result.crs.code} (or give the right one)`);
    return 2;
  }
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  if (errors > 0) {
    err.push(`${name}: ${errors} problem(s); fix the file, or use --repair / --skip-invalid`);
    return 2;
  }
  if (result.collection.features.length === 0) return 2;
  const json = `${JSON.stringify(result.collection)}\n`;
  if (args.out === undefined) out.push(json);
  else {
    try {
      io.writeFile(args.out, json);
    } catch (e) {
      err.push(`${args.out}: cannot be written (${errorCode(e)})`);
      return 2;
    }
  }
  return 0;
}

/** Runs the import on `argv` (without node and script): the GeoJSON on stdout, every message on stderr. */
export function runImportCli(argv: readonly string[], io: ImportCliIo): CliOutput {
  const out: string[] = [];
  const err: string[] = [];
  const stderr = (): string => err.map((l) => `${l}\n`).join('');
  try {
    const code = main(argv, io, out, err);
    return { code, stdout: out.join(''), stderr: stderr() };
  } catch (e) {
    // Only a bug gets here; still one line, no stack.
    err.push(`import: internal error: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    return { code: 2, stdout: out.join(''), stderr: stderr() };
  }
}
