// `npm run coverage -- --db URL --units-table T --plans-table T [same options]`: the coverage CLI
// with PostGIS doing the geometry (sql/coverage.sql through coverage-db.ts). Arguments are parsed by
// the in-process CLI's own parser and the result printed by its own formatters (table, JSON, CSV),
// so both runners take the same options and print the same shapes. Exit codes as there: 0 ok,
// 2 bad arguments, tables or database (one line), 1 unexpected failure. Node only (pg).
import { CliError, formatResult, gapsGeoJson, parseCliArgs, USAGE, type CliOutput } from '../coverage/cli-core.ts';
import type { Connect } from './client.ts';
import { coverageFromDb, DbInputError } from './coverage-db.ts';
import { redactUrl } from './identifiers.ts';

/** Whether argv asks for the database runner. */
export const wantsDb = (argv: readonly string[]): boolean => argv.some((a) => a === '--db' || a.startsWith('--db='));

export async function runCoverageDbCli(argv: readonly string[], io: { connect: Connect; date?: Date; writeText?: (file: string, text: string) => void }): Promise<CliOutput> {
  try {
    const args = parseCliArgs(argv);
    if (args === 'help') return { code: 0, stdout: USAGE + '\n', stderr: '' };
    if (!args.db) throw new CliError('missing --db URL');
    if (args.gaps !== undefined && !io.writeText) throw new CliError('--gaps: this runner cannot write files');
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
      const { result, inputs, gaps } = await coverageFromDb(client, { units: args.db.unitsTable, plans: args.db.plansTable }, args.options, { gaps: args.gaps !== undefined });
      let note = '';
      if (args.gaps !== undefined && gaps) {
        try {
          io.writeText!(args.gaps, gapsGeoJson(gaps));
        } catch (e) {
          throw new CliError(`${args.gaps}: ${e instanceof Error ? e.message : String(e)}`);
        }
        const n = gaps.pieces.features.length;
        note = `coverage: wrote ${n} gap piece${n === 1 ? '' : 's'} of ${gaps.units.length} unit${gaps.units.length === 1 ? '' : 's'} to ${args.gaps}\n`;
      }
      return { code: 0, stdout: formatResult(result, args.format, args.lang, io.date, inputs), stderr: note };
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
