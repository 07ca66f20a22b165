// `npm run coverage -- --units FILE --plans FILE [...]`: the app's coverage engine from a shell.
// I/O only; parsing, validation and formatting live in src/coverage/cli-core.ts (unit-tested).
// Exit codes: 0 ok, 2 bad arguments or input files (one line on stderr), 1 unexpected failure.
import { readFileSync } from 'node:fs';
import { CliError, USAGE, parseCliArgs, parseFeatureCollection, formatResult } from '../src/coverage/cli-core.ts';
import { computeCoverage } from '../src/coverage/engine.ts';

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new CliError(`${file}: ${why}`);
  }
}

try {
  const args = parseCliArgs(process.argv.slice(2));
  if (args === 'help') {
    process.stdout.write(USAGE + '\n');
  } else {
    const units = parseFeatureCollection(readText(args.units), args.units, 'units');
    const plans = parseFeatureCollection(readText(args.plans), args.plans, 'plans');
    const result = computeCoverage(units, plans, args.options);
    process.stdout.write(formatResult(result, args.format, args.lang));
  }
} catch (e) {
  if (e instanceof CliError) {
    process.stderr.write(`coverage: ${e.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`coverage: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}
