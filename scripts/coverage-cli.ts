// `npm run coverage -- --units FILE --plans FILE [...]`: the app's coverage engine from a shell.
// Thin Node wrapper: parsing, validation, the run and formatting live in src/coverage/cli-core.ts
// (runCoverageCli, unit-tested in-process). Exit codes: 0 ok, 2 bad arguments or input files
// (one line on stderr), 1 unexpected failure.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { runCoverageCli } from '../src/coverage/cli-core.ts';
import { runCoverageDbCli, wantsDb } from '../src/db/coverage-cli.ts';
import { connectPg } from '../src/db/client.ts';
import { nodeXmlParser } from '../src/import/node-xml.ts';
import { loadSqliteNode } from '../src/import/sqlite-node.ts';

// --db URL --units-table T --plans-table T: the same CLI with PostGIS doing the work (src/db/coverage-cli.ts).
const argv = process.argv.slice(2);
// Files other than GeoJSON are read through the import pipeline, as `npm run import` reads them.
const r = wantsDb(argv) ? await runCoverageDbCli(argv, { connect: connectPg, writeText: (file, text) => writeFileSync(file, text) }) : runCoverageCli(argv, {
  readText: (file) => readFileSync(file, 'utf8'),
  size: (file) => statSync(file).size, // the size limit is checked before the file is read
  readBytes: (file) => readFileSync(file),
  writeText: (file, text) => writeFileSync(file, text),
  sqlite: await loadSqliteNode(),
  xmlParser: nodeXmlParser(),
});
process.stdout.write(r.stdout);
process.stderr.write(r.stderr);
process.exitCode = r.code;
