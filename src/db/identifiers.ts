// Table names given on the command line (`--table`, `--units-table`, `--plans-table`) end up in SQL
// as identifiers, which cannot be query parameters. They are therefore (1) validated against a
// plain identifier pattern — ASCII letter or underscore, then letters, digits or underscores, at
// most 63 bytes (PostgreSQL's NAMEDATALEN − 1, beyond which it would silently truncate), no schema
// dot, no quotes, no unicode — and (2) quoted by quoteIdent() every time they are written into
// SQL. Values (levels, statuses, target, rows) always travel as query parameters ($1, $2, …).

export const IDENTIFIER_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const MAX_IDENTIFIER_BYTES = 63;

/** Why `name` is not accepted as a table name, or null when it is. */
export function identifierProblem(name: string): string | null {
  if (name === '') return 'is empty';
  const bytes = new TextEncoder().encode(name).length;
  if (bytes > MAX_IDENTIFIER_BYTES) return `is ${bytes} bytes long (PostgreSQL keeps at most ${MAX_IDENTIFIER_BYTES})`;
  if (name.includes('.')) return 'contains "." (give a table name without a schema; the connection\'s search_path decides the schema)';
  if (!IDENTIFIER_PATTERN.test(name)) return 'is not a plain identifier (ASCII letters, digits and _, not starting with a digit)';
  if (/^pg_/i.test(name)) return 'starts with "pg_" (reserved for the system catalogs)';
  return null;
}

/** The name as a quoted SQL identifier; throws on a name identifierProblem() refuses. */
export function quoteIdent(name: string): string {
  const problem = identifierProblem(name);
  if (problem) throw new RangeError(`table name ${JSON.stringify(name)} ${problem}`);
  // The pattern leaves no quote to double; doubling anyway keeps this safe on its own.
  return `"${name.replace(/"/g, '""')}"`;
}

/** "postgresql://user:secret@host/db" → "postgresql://user:***@host/db": URLs in messages never show a password. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/?#@]*):[^@/?#]*@/i, '$1:***@').replace(/([?&]password=)[^&]*/i, '$1***');
}
