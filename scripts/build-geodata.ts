// npm run geodata:build — builds geodata/{units-2021,wards-2025,district}.geojson from
// geodata/source/* only (runs on a fresh clone), prints a report and exits non-zero if a rule
// fails. The work is in scripts/geodata/geodata-build.ts; see geodata/README.md.
//   npx tsx scripts/build-geodata.ts [--root DIR] [--out DIR]
// reads DIR/geodata/source/{wards-2025.generalised.geojson,units-2021.json} (DIR defaults to the
// repository), writes to OUT (default DIR/geodata).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { REPO_ROOT, argValue } from './geodata/cli-args.ts';
import { buildGeodata, type GeodataSources } from './geodata/geodata-build.ts';

const root = resolve(argValue(process.argv, '--root') ?? REPO_ROOT);
const outDir = resolve(argValue(process.argv, '--out') ?? join(root, 'geodata'));
const src: GeodataSources = {
  wards: JSON.parse(readFileSync(join(root, 'geodata/source/wards-2025.generalised.geojson'), 'utf8')),
  units: JSON.parse(readFileSync(join(root, 'geodata/source/units-2021.json'), 'utf8')),
};
const out = buildGeodata(src);
for (const line of out.report) console.log(line);
if (out.problems.length > 0) {
  console.error(`\n${out.problems.length} rule(s) failed:\n  ${out.problems.join('\n  ')}`);
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });
for (const [name, text] of Object.entries(out.files)) writeFileSync(join(outDir, name), text);
console.log(`\nwrote ${Object.keys(out.files).map((n) => relative(process.cwd(), join(outDir, n))).join(', ')}`);
