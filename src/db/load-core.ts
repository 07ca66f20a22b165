// The core of `npm run db:load` (scripts/db-load.ts is the thin Node wrapper): arguments in, exit
// code and output out, the files and the database reached only through `io`, so the tests run it
// in-process against their private cluster.
//
// Every FILE goes through the import exactly as `npm run import` reads it — the import's own core
// (src/import/cli-core.ts) is called in-process: same formats, same CRS handling and questions,
// same problems printed, same refusal of invalid features unless --repair / --skip-invalid. All
// files are read before anything is written, so a bad file leaves the database untouched.
// Units are read as `npm run coverage` reads them (role overlay: any attributes; id from code/id);
// plans in the plan schema (level and status read through the vocabulary).
//
// The rows then go into one PostGIS table (sql/schema.sql: EPSG:4326 geometry, GiST index, the plan
// fields as columns) in batches, each batch its own transaction, with a progress line. A load is
// resumable: vy_load_state keeps a fingerprint of what is being loaded, and running the same
// command again after an interruption skips the rows already present. An existing table holding
// anything else is replaced only with --replace.
// Exit codes: 0 loaded (or already loaded), 2 bad arguments, input or database (one line on
// stderr), 1 unexpected failure.
import { createHash } from 'node:crypto';
import { runImportCli } from '../import/cli-core.ts';
import type { SqliteModule } from '../import/gpkg.ts';
import { displayName } from '../import/types.ts';
import type { InputFeature } from '../coverage/types.ts';
import type { Connect, DbClient } from './client.ts';
import { checkPostgis } from './coverage-db.ts';
import { identifierProblem, quoteIdent, redactUrl } from './identifiers.ts';
import { planColumns, planRows, unitColumns, unitRows, type PlanRow, type SourcedFeature, type UnitRow } from './rows.ts';
import { sql } from './sql-files.ts';

export const LOAD_USAGE =
  'usage: npm run db:load -- FILE… --db URL --table NAME [--role plans|units] [--replace] [--batch 1000]\n' +
  '                          [--crs EPSG:9214] [--layer NAME] [--repair] [--skip-invalid] [--extent FILE]\n' +
  '  FILE: anything `npm run import` reads (GeoJSON, zipped Shapefile, KML/KMZ, DXF, GeoPackage), several files\n' +
  '  make one table. --db: postgresql://user@host/db (a Unix socket: postgresql://user@/db?host=/run/postgresql).\n' +
  '  --table: a plain identifier (letters, digits, _; at most 63 bytes). An existing table is replaced only with\n' +
  '  --replace; running the same command again after an interruption resumes the load.\n' +
  '  --extent: the outline plans must lie within (GeoJSON; e.g. the province\'s units file); default: the district, as npm run import.';

export interface DbLoadIo {
  readFile(path: string): Uint8Array;
  /** The parsed district outline for the import's placement check (as `npm run import` has it). */
  readDistrict?(): unknown;
  sqlite?: SqliteModule;
  connect: Connect;
  /** stderr lines as they come (the import's messages, then a progress line per batch); without it they are in the returned stderr. */
  log?(line: string): void;
  /** Milliseconds (tests pass a fixed clock). */
  now?(): number;
}

export interface CliOutput {
  code: number;
  stdout: string;
  stderr: string;
}

class LoadError extends Error {}

interface LoadArgs {
  files: string[];
  db: string;
  table: string;
  role: 'plans' | 'units';
  replace: boolean;
  batch: number;
  crs?: string;
  layer?: string;
  repair: boolean;
  skipInvalid: boolean;
  /** GeoJSON outline for the import's extent rule instead of the district (a province's register lies outside Việt Yên). */
  extent?: string;
}

const VALUE_FLAGS = new Set(['db', 'table', 'role', 'batch', 'crs', 'layer', 'extent']);
const BOOL_FLAGS = new Set(['replace', 'repair', 'skip-invalid']);

export function parseLoadArgs(argv: readonly string[]): LoadArgs | 'help' {
  const v = new Map<string, string>();
  const flags = new Set<string>();
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-h' || a === '--help') return 'help';
    if (!a.startsWith('--')) {
      files.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (BOOL_FLAGS.has(name)) {
      if (eq >= 0) throw new LoadError(`--${name} takes no value`);
      flags.add(name);
      continue;
    }
    if (!VALUE_FLAGS.has(name)) throw new LoadError(`unknown option "--${name}"`);
    const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new LoadError(`--${name} needs a value`);
    if (v.has(name)) throw new LoadError(`--${name} given twice`);
    v.set(name, value);
  }
  if (files.length === 0) throw new LoadError('no FILE given');
  const db = v.get('db');
  if (!db) throw new LoadError('missing --db URL');
  const table = v.get('table');
  if (table === undefined) throw new LoadError('missing --table NAME');
  const problem = identifierProblem(table);
  if (problem) throw new LoadError(`--table: table name ${JSON.stringify(table)} ${problem}`);
  const role = v.get('role') ?? 'plans';
  if (role !== 'plans' && role !== 'units') throw new LoadError(`--role: "${role}" is not plans or units`);
  const batchText = v.get('batch') ?? '1000';
  const batch = Number(batchText);
  if (!Number.isInteger(batch) || batch < 1 || batch > 100_000) throw new LoadError(`--batch: "${batchText}" is not a whole number between 1 and 100000`);
  return {
    files, db, table, role, batch, replace: flags.has('replace'), repair: flags.has('repair'), skipInvalid: flags.has('skip-invalid'),
    ...(v.has('crs') ? { crs: v.get('crs')! } : {}), ...(v.has('layer') ? { layer: v.get('layer')! } : {}),
    ...(v.has('extent') ? { extent: v.get('extent')! } : {}),
  };
}

/** One file through the import's own core; its messages go to `say`. */
function importOne(file: string, args: LoadArgs, io: DbLoadIo, say: (line: string) => void, outline: (() => unknown) | undefined): InputFeature[] {
  let captured: string | null = null;
  const argv = [file, '--role', args.role === 'plans' ? 'plans' : 'overlay', '--out', '(db:load)'];
  if (args.crs !== undefined) argv.push('--crs', args.crs);
  if (args.layer !== undefined) argv.push('--layer', args.layer);
  if (args.repair) argv.push('--repair');
  if (args.skipInvalid) argv.push('--skip-invalid');
  const r = runImportCli(argv, {
    readFile: io.readFile,
    writeFile: (_path, text) => void (captured = text),
    ...(outline ? { readDistrict: outline } : {}),
    ...(io.sqlite ? { sqlite: io.sqlite } : {}),
  });
  for (const line of r.stderr.split('\n')) if (line !== '') say(line);
  if (r.code !== 0 || captured === null) throw new LoadError(`${displayName(file)} was not loaded: nothing was written to the database`);
  return (JSON.parse(captured) as { features: InputFeature[] }).features;
}

/** --extent FILE, read once: any GeoJSON holding polygons (all of them together are the outline). */
function extentOutline(file: string, io: DbLoadIo): () => unknown {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8').decode(io.readFile(file)).replace(/^\uFEFF/, ''));
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? ` (${String((e as { code: unknown }).code)})` : '';
    throw new LoadError(`--extent ${file}: cannot be read as GeoJSON${code}`);
  }
  return () => value;
}

function fingerprint(role: string, rows: readonly (UnitRow | PlanRow)[]): string {
  const h = createHash('sha256');
  h.update(`${role}\n`);
  for (const r of rows) h.update(JSON.stringify(r)).update('\n');
  return h.digest('hex');
}

const count = (n: number) => n.toLocaleString('en-US');

async function load(args: LoadArgs, io: DbLoadIo, out: string[], say: (line: string) => void): Promise<void> {
  const now = io.now ?? (() => Date.now());
  const t0 = now();
  const input: SourcedFeature[] = [];
  const outline = args.extent === undefined ? io.readDistrict : extentOutline(args.extent, io);
  for (const file of args.files) {
    for (const feature of importOne(file, args, io, say, outline)) input.push({ feature, file: displayName(file) });
  }
  const rows: (UnitRow | PlanRow)[] = args.role === 'units' ? unitRows(input) : planRows(input);
  const print = fingerprint(args.role, rows);
  const files = args.files.map(displayName);
  const t = { table: args.table };

  let client: DbClient;
  try {
    client = await io.connect(args.db);
  } catch (e) {
    throw new LoadError(e instanceof Error ? e.message : `cannot connect to ${redactUrl(args.db)}`);
  }
  try {
    await checkPostgis(client).catch((e: unknown) => {
      throw new LoadError(e instanceof Error ? e.message : String(e));
    });
    await client.query(sql('schema.sql', 'create_load_state'));
    const present = (await client.query<{ present: boolean }>(sql('schema.sql', 'table_exists'), [quoteIdent(args.table)])).rows[0]?.present === true;
    const state = (await client.query<{ role: string; fingerprint: string; files: string[]; complete: boolean }>(sql('schema.sql', 'read_load_state'), [args.table])).rows[0];
    const same = state !== undefined && state.fingerprint === print && state.role === args.role;
    if (present && !args.replace && !same) {
      const what = state ? `holds another load (${state.role} from ${state.files.join(', ')})` : 'exists and was not written by db:load';
      throw new LoadError(`table "${args.table}" ${what}; add --replace to replace it`);
    }
    if (present && same && state.complete && !args.replace) {
      out.push(`db:load: "${args.table}" already holds these ${count(rows.length)} ${args.role} (from ${files.join(', ')}); nothing to do`);
      return;
    }
    if (!present || args.replace) {
      await client.query('BEGIN');
      await client.query(sql('schema.sql', 'drop_table', t));
      await client.query(sql('schema.sql', args.role === 'units' ? 'create_units' : 'create_plans', t));
      await client.query(sql('schema.sql', 'write_load_state'), [args.table, args.role, print, files, rows.length]);
      await client.query('COMMIT');
    }
    // Resume: rows are written in ord order and each batch commits whole, so everything up to the
    // highest ord present is there (ON CONFLICT skips any that are anyway).
    const done = (await client.query<{ max_ord: string; n: string }>(sql('schema.sql', 'max_ord', t))).rows[0];
    const skip = Number(done?.max_ord ?? -1) + 1;
    if (skip > 0) say(`db:load: resuming "${args.table}": ${count(skip)} of ${count(rows.length)} rows already loaded`);
    const insert = sql('schema.sql', args.role === 'units' ? 'insert_units' : 'insert_plans', t);
    let written = skip;
    for (let i = skip; i < rows.length; i += args.batch) {
      const batch = rows.slice(i, i + args.batch);
      const columns = args.role === 'units' ? unitColumns(batch as UnitRow[]) : planColumns(batch as PlanRow[]);
      await client.query('BEGIN');
      await client.query(insert, columns);
      await client.query(sql('schema.sql', 'touch_load_state'), [args.table]);
      await client.query('COMMIT');
      written += batch.length;
      const line = `db:load: ${args.table}: ${count(written)} of ${count(rows.length)} rows (${Math.floor((100 * written) / rows.length)}%), ${((now() - t0) / 1000).toFixed(1)} s`;
      say(line);
    }
    await client.query(sql('schema.sql', 'analyze', t));
    await client.query(sql('schema.sql', 'finish_load_state'), [args.table]);
    out.push(`db:load: loaded ${count(rows.length - skip)} ${args.role} into "${args.table}" (${count(rows.length)} in the table) from ${files.join(', ')} in ${((now() - t0) / 1000).toFixed(1)} s`);
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    if (e instanceof LoadError) throw e;
    // A database error (permissions, disk, a geometry PostGIS refuses): one line, the load can be resumed.
    throw new LoadError(`database error while loading "${args.table}": ${e instanceof Error ? e.message.split('\n')[0] : String(e)} (run the same command again to resume)`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** `npm run db:load` on `argv` (without node and script). */
export async function runDbLoadCli(argv: readonly string[], io: DbLoadIo): Promise<CliOutput> {
  const out: string[] = [];
  const err: string[] = [];
  const text = (lines: string[]) => lines.map((l) => `${l}\n`).join('');
  try {
    const args = parseLoadArgs(argv);
    if (args === 'help') return { code: 0, stdout: `${LOAD_USAGE}\n`, stderr: '' };
    // With io.log the lines go out as they come and are not kept in the returned stderr.
    await load(args, io, out, io.log ?? ((line) => void err.push(line)));
    return { code: 0, stdout: text(out), stderr: text(err) };
  } catch (e) {
    if (e instanceof LoadError) return { code: 2, stdout: text(out), stderr: text([...err, `db:load: ${e.message}`]) };
    return { code: 1, stdout: text(out), stderr: text([...err, `db:load: internal error: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`]) };
  }
}
