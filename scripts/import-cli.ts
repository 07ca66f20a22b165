// npm run import -- FILE [--crs EPSG:9214] [--role plans|units|overlay] [--layer NAME] [--out FILE] [--repair] [--skip-invalid]
// Thin Node wrapper: the CLI itself is src/import/cli-core.ts (arguments in, exit code and output
// out; unit-tested in-process). Exit codes: 0 = converted and valid, 2 = bad input, 1 = wrong usage.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { runImportCli } from '../src/import/cli-core.ts';
import { loadSqliteNode } from '../src/import/sqlite-node.ts';

const r = runImportCli(process.argv.slice(2), {
  sqlite: await loadSqliteNode(), // SQLite as WebAssembly, for GeoPackages
  size: (path) => statSync(path).size, // the size limit is checked before the file is read
  readFile: (path) => readFileSync(path),
  writeFile: (path, text) => writeFileSync(path, text),
  readDistrict: () => {
    try {
      return JSON.parse(readFileSync(new URL('../geodata/district.geojson', import.meta.url), 'utf8')) as unknown;
    } catch {
      return undefined; // the checker falls back to the district bbox
    }
  },
});
process.stdout.write(r.stdout);
process.stderr.write(r.stderr);
process.exitCode = r.code;
