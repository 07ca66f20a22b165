// The little of a database connection the cores use, so tests can count or refuse queries and the
// cores stay free of the driver. connectPg() is the real one: node-postgres (pg), one connection.
import pg from 'pg';
import { redactUrl } from './identifiers.ts';

export interface QueryResult<R> {
  rows: R[];
  rowCount: number | null;
}

export interface DbClient {
  /** `params` are sent separately from the text (extended protocol): values are never SQL. */
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** The server process serving this connection (for the benchmark's memory figures). */
  backendPid?(): Promise<number>;
  end(): Promise<void>;
}

export type Connect = (url: string) => Promise<DbClient>;

/** Connects with node-postgres; a failure is one line naming the URL without its password. */
export const connectPg: Connect = async (url) => {
  const client = new pg.Client({ connectionString: url, application_name: 'viet-yen-explorer' });
  // An idle connection's error (server restarted) must not crash the process: the next query fails instead.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (e) {
    await client.end().catch(() => {});
    throw new Error(`cannot connect to ${redactUrl(url)}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return {
    query: async <R,>(text: string, params?: readonly unknown[]) => {
      const r = await client.query(text, params as unknown[] | undefined);
      return { rows: r.rows as R[], rowCount: r.rowCount };
    },
    backendPid: async () => Number((await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid),
    end: () => client.end(),
  };
};
