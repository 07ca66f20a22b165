// Builds the planning layers (issue 3) from the hand-authored table and the generated units:
//   npx tsx scripts/build-planning-layers.ts [--root DIR] [--out DIR] [--quiet]
// reads  DIR/geodata/source/planning.json, DIR/geodata/source/resolution-places.json,
//        DIR/geodata/units-2021.geojson, DIR/geodata/district.geojson
// writes OUT/industry.geojson, OUT/infrastructure.geojson, OUT/tourism.geojson, OUT/plans-demo.geojson
// (OUT defaults to DIR/geodata; DIR defaults to the repository). The work is in
// scripts/geodata/planning-layers.ts; see geodata/README.md, "Planning layers".
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT, argValue } from './geodata/cli-args.ts';
import { buildPlanningLayers, type PlanningSources } from './geodata/planning-layers.ts';

const root = resolve(argValue(process.argv, '--root') ?? REPO_ROOT);
const outDir = resolve(argValue(process.argv, '--out') ?? join(root, 'geodata'));
const quiet = process.argv.includes('--quiet');
const read = (name: string) => JSON.parse(readFileSync(join(root, 'geodata', name), 'utf8'));

const input: PlanningSources = {
  planning: read('source/planning.json'),
  units: read('units-2021.geojson'),
  district: read('district.geojson'),
  places: read('source/resolution-places.json'),
};
const out = buildPlanningLayers(input);
if (!quiet) for (const line of out.report) console.log(line);
mkdirSync(outDir, { recursive: true });
for (const [name, text] of Object.entries(out.files)) writeFileSync(join(outDir, name), text);
if (!quiet) {
  const count = (text: string) => (JSON.parse(text) as { features: unknown[] }).features.length;
  console.log(`wrote ${Object.entries(out.files).map(([n, t]) => `${n.replace('.geojson', '')} (${count(t)})`).join(', ')} to ${outDir}`);
}
