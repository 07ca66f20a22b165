// `npm run coverage -- --db URL --units-table T --plans-table T [same options]`: the coverage CLI
// with PostGIS doing the geometry (sql/coverage.sql through coverage-db.ts). Arguments are parsed by
// the in-process CLI's own parser and the result printed by its own formatters (table, JSON, CSV),
// so both runners take the same options and print the same shapes. Exit codes as there: 0 ok,
// 2 bad arguments, tables or database (one line), 1 unexpected failure. Node only (pg).
import { CliError, formatResult, parseCliArgs, USAGE, type CliOutput } from '../coverage/cli-core.ts';
import type { Connect } from './client.ts';
import { coverageFromDb, DbInputError } from './coverage-db.ts';
import { redactUrl } from './identifiers.ts';

/** Whether argv asks for the database runner. */
export const wantsDb = (argv: readonly string[]): boolean => argv.some((a) => a === '--db' || a.startsWith('--db='));

export async function runCoverageDbCli(argv: readonly string[], io: { connect: Connect; date?: Date }): Promise<CliOutput> {
  try {
    const args = parseCliArgs(argv);
    if (args === 'help') return { code: 0, stdout: USAGE + '\n', stderr: '' };
    if (!args.db) throw new CliError('missing --db URL');
    // Hook for the in-process CLI's coming --gaps / --as-of (another change): until sql/coverage.sql
    // implements them (gaps: ST_Difference of the unit and its union; as-of: approved_on <= $3),
    // they are refused here rather than silently ignored.
    for (const [key, flag] of [['gaps', '--gaps'], ['asOf', '--as-of']] as const) {
      if ((args as unknown as Record<string, unknown>)[key] !== undefined) throw new CliError(`${flag} is not available with --db yet`);
    }
    if (args.crs !== undefined || args.unitsLayer !== undefined || args.plansLayer !== undefined) {
      throw new CliError('--crs / --units-layer / --plans-layer are for files; with --db the tables are already in WGS 84 (give them to npm run db:load)');
    }
    let client;
    try {
      client = await io.connect(args.db.url);
    } catch (e) {
      throw new CliError(e instanceof Error ? e.message : `cannot connect to ${redactUrl(args.db.url)}`);
    }
    try {
      const { result, inputs } = await coverageFromDb(client, { units: args.db.unitsTable, plans: args.db.plansTable }, args.options);
      return { code: 0, stdout: formatResult(result, args.format, args.lang, io.date, inputs), stderr: '' };
    } finally {
      await client.end().catch(() => {});
    }
  } catch (e) {
    if (e instanceof CliError || e instanceof DbInputError) return { code: 2, stdout: '', stderr: `coverage: ${e.message}\n` };
    // Errors from the server (permissions, a geometry GEOS cannot handle): one line, no stack.
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    const fromDb = typeof e === 'object' && e !== null && 'severity' in e;
    return { code: fromDb ? 2 : 1, stdout: '', stderr: `coverage: ${fromDb ? 'database error' : 'internal error'}: ${msg}\n` };
  }
}
