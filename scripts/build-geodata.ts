// npm run geodata:build — builds geodata/{units-2021,wards-2025,district}.geojson from
// geodata/source/* only (runs on a fresh clone), prints a report and exits non-zero if a rule
// fails. The work is in src/geo/geodata-build.ts; see geodata/README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGeodata, type GeodataSources } from '../src/geo/geodata-build.ts';

const geodata = resolve(dirname(fileURLToPath(import.meta.url)), '../geodata');
const src: GeodataSources = {
  wards: JSON.parse(readFileSync(join(geodata, 'source/wards-2025.generalised.geojson'), 'utf8')),
  units: JSON.parse(readFileSync(join(geodata, 'source/units-2021.json'), 'utf8')),
};
const out = buildGeodata(src);
for (const line of out.report) console.log(line);
if (out.problems.length > 0) {
  console.error(`\n${out.problems.length} rule(s) failed:\n  ${out.problems.join('\n  ')}`);
  process.exit(1);
}
for (const [name, text] of Object.entries(out.files)) writeFileSync(join(geodata, name), text);
console.log(`\nwrote ${Object.keys(out.files).map((n) => `geodata/${n}`).join(', ')}`);
