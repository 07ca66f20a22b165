// Run by hand (needs the shared reference folder, not part of the repo):
//   npx tsx scripts/prepare-reference.ts [--reference DIR] [--tolerance METRES] [--out FILE]
// Derives geodata/source/wards-2025.generalised.geojson (or FILE), the project's own generalised
// 2025 wards, from the national merger-map wards (lamngockhuong/vietnam-3d-map, MIT) in
// DIR/wards-2025.geojson, compared with DIR/district-outline-2019.geojson. The method is in
// scripts/geodata/reference-wards.ts; what it measures is written into the output's "derivation"
// member and printed. Last run (default tolerance 80 m): reference 472 vertices, overlaps
// 77,411 m² (0.045%) resolved, 21 slivers (41,544 m²) assigned; 9 arcs, 378 → 260 arc vertices,
// 472 → 342 ring vertices (Tự Lạn 124 → 89, Việt Yên 159 → 119, Nếnh 93 → 66, Vân Hà 96 → 68);
// max deviation (Hausdorff, per arc) 79.6 m; areas Tự Lạn 40.24, Việt Yên 51.33, Nếnh 36.22,
// Vân Hà 43.42 km², sum = union = 171.20 km² (official 171.01); the 2019 outline (170.56 km²)
// differs by 2.33% (symmetric difference / outline area).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { REPO_ROOT, argValue } from './geodata/cli-args.ts';
import { generaliseWards } from './geodata/reference-wards.ts';

const refDir = resolve(REPO_ROOT, argValue(process.argv, '--reference') ?? '../shared/reference');
const tolerance = Number(argValue(process.argv, '--tolerance') ?? '80');
const outFile = resolve(argValue(process.argv, '--out') ?? join(REPO_ROOT, 'geodata/source/wards-2025.generalised.geojson'));
const read = (name: string) => JSON.parse(readFileSync(join(refDir, name), 'utf8'));

const r = generaliseWards(read('wards-2025.geojson'), read('district-outline-2019.geojson'), tolerance);
console.log(JSON.stringify(r.derivation, null, 1));
for (const p of r.properties) console.log(JSON.stringify(p));
if (r.problems.length > 0) {
  console.error('FAILED:\n' + r.problems.join('\n'));
  process.exit(1);
}
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, r.text);
console.log(`wrote ${outFile}`);
