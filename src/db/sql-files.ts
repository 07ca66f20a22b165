// The project's SQL lives in sql/*.sql, readable and commented; this reads a file, splits it at
// its "-- name: …" lines and fills in the :"identifier" placeholders with quoted, validated table
// names (src/db/identifiers.ts). Values are never written in: they are $n parameters. Node only.
import { readFileSync } from 'node:fs';
import { quoteIdent } from './identifiers.ts';

const cache = new Map<string, Map<string, string>>();

/** The named statements of sql/<file>. */
export function sqlStatements(file: 'coverage.sql' | 'schema.sql'): Map<string, string> {
  let m = cache.get(file);
  if (!m) {
    const text = readFileSync(new URL(`../../sql/${file}`, import.meta.url), 'utf8');
    m = new Map();
    let name: string | null = null;
    let body: string[] = [];
    const flush = () => {
      if (name !== null) m!.set(name, body.join('\n').trim());
    };
    for (const line of text.split('\n')) {
      const hit = /^-- name: ([a-z_]+)\s*$/.exec(line);
      if (hit) {
        flush();
        name = hit[1]!;
        body = [];
      } else if (name !== null) body.push(line);
    }
    flush();
    cache.set(file, m);
  }
  return m;
}

/** One statement with its table placeholders filled in; throws on an unknown name or a placeholder left open. */
export function sql(file: 'coverage.sql' | 'schema.sql', name: string, tables: Record<string, string> = {}): string {
  const text = sqlStatements(file).get(name);
  if (text === undefined) throw new Error(`sql/${file} has no statement "${name}"`);
  return text.replace(/:"([a-z_]+)"/g, (_, key: string) => {
    const t = tables[key];
    if (t === undefined) throw new Error(`sql/${file} ${name}: no table given for :"${key}"`);
    return quoteIdent(t);
  });
}
