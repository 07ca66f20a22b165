// npm run import -- FILE [--crs EPSG:9214] [--role plans|units|overlay] [--out FILE] [--repair] [--skip-invalid]
// Converts one planner's file to WGS 84 GeoJSON with the same code the app runs (src/import),
// printing the same problems and warnings, one per line. Exit codes: 0 = converted and valid
// (warnings allowed), 2 = bad input (unreadable, unknown format, CRS needed, limits, invalid
// features without --repair/--skip-invalid), 1 = wrong usage. Never prints a stack trace.
import { readFileSync, writeFileSync } from 'node:fs';
import { importFile, formatImportProblem, type ImportRole } from '../src/import/index.ts';
import { nodeXmlParser } from '../src/import/node-xml.ts';

const USAGE = 'usage: npm run import -- FILE [--crs EPSG:9214] [--role plans|units|overlay] [--out FILE] [--repair] [--skip-invalid]';

interface Args {
  file: string;
  crs?: string;
  role: ImportRole;
  out?: string;
  repair: boolean;
  skipInvalid: boolean;
}

function parseArgs(argv: string[]): Args | string {
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
  return { ...(args as Args), file };
}

function readDistrict(): unknown {
  try {
    return JSON.parse(readFileSync(new URL('../geodata/district.geojson', import.meta.url), 'utf8')) as unknown;
  } catch {
    return undefined; // the checker falls back to the district bbox
  }
}

function main(argv: string[]): number {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    console.error(args === USAGE ? USAGE : `import: ${args}\n${USAGE}`);
    return 1;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(args.file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    console.error(`${args.file}: cannot be read (${code})`);
    return 2;
  }
  const result = importFile(
    { name: args.file, bytes },
    {
      xmlParser: nodeXmlParser(),
      role: args.role,
      repair: args.repair,
      skipInvalid: args.skipInvalid,
      district: readDistrict(),
      ...(args.crs === undefined ? {} : { crs: args.crs }),
    },
  );
  if (!result.ok) {
    console.error(result.error);
    if (result.needsCrs === true) console.error(`${result.fileName}: give the CRS with --crs (e.g. --crs EPSG:9214)`);
    return 2;
  }
  const name = result.fileName;
  for (const w of result.warnings) console.error(w.startsWith(`${name}:`) ? w : `${name}: ${w}`);
  for (const r of result.repairs) {
    const id = r.featureId === null ? '' : ` (id ${r.featureId})`;
    console.error(`${name}: feature ${r.featureIndex}${id}: ${r.message}`);
  }
  for (const p of result.problems) console.error(formatImportProblem(name, p));
  console.error(`${name}: ${result.kind}, ${result.crs.code} (${result.crs.source}), ${result.collection.features.length} feature(s)`);
  if (result.crs.needsConfirmation) {
    console.error(`${name}: the CRS is a guess; confirm it with --crs ${result.crs.code} (or give the right one)`);
    return 2;
  }
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  if (errors > 0) {
    console.error(`${name}: ${errors} problem(s); fix the file, or use --repair / --skip-invalid`);
    return 2;
  }
  if (result.collection.features.length === 0) return 2;
  const json = `${JSON.stringify(result.collection)}\n`;
  if (args.out === undefined) process.stdout.write(json);
  else {
    try {
      writeFileSync(args.out, json);
    } catch (e) {
      console.error(`${args.out}: cannot be written (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
      return 2;
    }
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  // Only a bug gets here; still one line, no stack.
  console.error(`import: internal error: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  process.exitCode = 2;
}
