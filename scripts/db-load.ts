// npm run db:load -- FILE… --db URL --table NAME [--role plans|units] [--replace] [...]
// Thin Node wrapper: the CLI is src/db/load-core.ts (arguments in, exit code and output out;
// tested in-process against a private PostGIS cluster). The import's messages and the progress lines go to stderr as they come.
import { readFileSync } from 'node:fs';
import { runDbLoadCli } from '../src/db/load-core.ts';
import { connectPg } from '../src/db/client.ts';
import { loadSqliteNode } from '../src/import/sqlite-node.ts';

const r = await runDbLoadCli(process.argv.slice(2), {
  readFile: (path) => readFileSync(path),
  readDistrict: () => {
    try {
      return JSON.parse(readFileSync(new URL('../geodata/district.geojson', import.meta.url), 'utf8')) as unknown;
    } catch {
      return undefined;
    }
  },
  sqlite: await loadSqliteNode(),
  connect: connectPg,
  log: (line) => process.stderr.write(`${line}\n`),
});
process.stdout.write(r.stdout);
process.stderr.write(r.stderr);
process.exitCode = r.code;
