// Derives the project's own generalised 2025 wards from the national merger-map wards
// (lamngockhuong/vietnam-3d-map, MIT). Pure: the reference files' contents in, the output file's
// text, the measurements and any failed checks out; the CLI is scripts/prepare-reference.ts.
//   1. clean with topology: the reference wards overlap (0.045%) and leave slivers between them;
//      each overlap goes to the ward with the lower code, each sliver to the neighbour sharing
//      most of its boundary, so the 4 wards tile their union exactly;
//   2. snap + node so neighbours carry identical vertices along shared edges;
//   3. simplify the shared-arc topology once (Douglas–Peucker, bound in metres);
//   4. round to 5 decimals, RFC 7946 winding; check validity, tiling and deviation.
// The 2019 district outline (daohoangson/dvhcvn, GPL-3.0) is only compared with, never copied.
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';
import { geometryArea } from '../../src/geo/area.ts';
import type { Polygonal } from '../../src/geo/types.ts';
import { cleanPartition } from './clean-partition.ts';
import { VIET_YEN_PLANE as plane } from './local-plane.ts';
import { asFeature as feat } from './polygon-ops.ts';
import { stringifyFeatureCollection } from './serialize-geojson.ts';
import { simplifyTopology } from './simplify-topology.ts';
import { snapAndNode } from './snap-node.ts';
import { polygonsOf, tidyPolygonal } from './tidy-polygonal.ts';

export interface RefWardProps {
  id: string;
  name: string;
  type: string;
  area_km2: number;
  population: number;
}

export interface ReferenceWardsResult {
  /** text of geodata/source/wards-2025.generalised.geojson */
  text: string;
  /** what the derivation measured (also written into the file) */
  derivation: Record<string, string | number>;
  /** the output features' properties, for the report */
  properties: Record<string, unknown>[];
  /** failed checks; the file must not be written if any */
  problems: string[];
}

const km2 = (m2: number) => Math.round(m2 / 1e4) / 100;
const vertexCount = (g: Polygonal) => polygonsOf(g).reduce((s, p) => s + p.reduce((t, r) => t + r.length, 0), 0);

export function generaliseWards(
  ref: FeatureCollection<Polygonal, RefWardProps>,
  outline: FeatureCollection<Polygonal>,
  tolerance: number,
): ReferenceWardsResult {
  const wards = [...ref.features].sort((a, b) => a.properties.id.localeCompare(b.properties.id));

  // 1–2. clean and snap
  const cleaned = cleanPartition(wards.map((w) => w.geometry), plane);
  const rounded = cleaned.geometries.map((g) => {
    const t = tidyPolygonal(g, 5);
    if (!t) throw new Error('a ward collapsed');
    return t;
  });
  const noded = snapAndNode(rounded, { plane, snapMetres: 1.5, nodeMetres: 1.0 });

  // 3–4. simplify with topology, tidy
  const simp = simplifyTopology(noded, tolerance, plane);
  const out = simp.geometries.map((g) => {
    const t = tidyPolygonal(g, 5);
    if (!t) throw new Error('a ward collapsed in simplification');
    return t;
  });

  // checks
  const problems: string[] = [];
  out.forEach((g, i) => {
    if (g.type !== 'Polygon') problems.push(`${wards[i]!.properties.name}: ${g.type}`);
    if (turf.kinks(feat(g)).features.length > 0) problems.push(`${wards[i]!.properties.name}: self-intersection`);
  });
  let overlap = 0;
  for (let i = 0; i < out.length; i++)
    for (let j = i + 1; j < out.length; j++) {
      const x = turf.intersect(turf.featureCollection([feat(out[i]!), feat(out[j]!)]));
      if (x) overlap += geometryArea(x.geometry);
    }
  const union = turf.union(turf.featureCollection(out.map(feat)))!;
  const unionArea = geometryArea(union.geometry);
  const holes = polygonsOf(union.geometry).reduce((s, p) => s + p.length - 1, 0);
  const sumArea = out.reduce((s, g) => s + geometryArea(g), 0);
  if (holes > 0) problems.push(`union has ${holes} holes`);
  if (overlap > 1e-6 * unionArea) problems.push(`overlap ${overlap} m²`);
  if (simp.maxDeviationMetres > 100) problems.push(`deviation ${simp.maxDeviationMetres} m > 100 m`);

  // comparison with the 2019 outline (report only)
  const ol = outline.features[0]!;
  const olArea = geometryArea(ol.geometry);
  const olDiff = turf.difference(turf.featureCollection([feat(ol.geometry), union]));
  const unDiff = turf.difference(turf.featureCollection([union, feat(ol.geometry)]));
  const symDiff = (olDiff ? geometryArea(olDiff.geometry) : 0) + (unDiff ? geometryArea(unDiff.geometry) : 0);

  const derivation = {
    from: 'lamngockhuong/vietnam-3d-map public/wards/24.json (national merger map, MIT)',
    method: `overlaps to lower code, slivers to longest-shared-boundary neighbour; snap 1.5 m, node 1.0 m; topology (topojson-server) + Douglas–Peucker ${tolerance} m per shared arc; 5 decimals; RFC 7946 winding`,
    reference_vertices: wards.reduce((s, w) => s + vertexCount(w.geometry), 0),
    reference_overlap_m2: Math.round(cleaned.overlapM2),
    reference_slivers: cleaned.slivers.length,
    reference_sliver_m2: Math.round(cleaned.slivers.reduce((s, x) => s + x.areaM2, 0)),
    arcs: simp.arcs,
    arc_vertices_before: simp.verticesBefore,
    arc_vertices_after: simp.verticesAfter,
    vertices: out.reduce((s, g) => s + vertexCount(g), 0),
    max_deviation_m: Math.round(simp.maxDeviationMetres * 10) / 10,
    union_km2: km2(unionArea),
    sum_km2: km2(sumArea),
    outline_2019_km2: km2(olArea),
    outline_2019_symmetric_difference_pct: Math.round((symDiff / olArea) * 1e4) / 100,
  };

  const features: Feature<Polygonal>[] = wards.map((w, i) => ({
    type: 'Feature',
    properties: {
      code: w.properties.id,
      name: w.properties.name,
      type: w.properties.type,
      official_area_km2: w.properties.area_km2,
      population: w.properties.population,
      vertices_reference: vertexCount(w.geometry),
      vertices: vertexCount(out[i]!),
      area_km2_reference: km2(geometryArea(w.geometry)),
      area_km2: km2(geometryArea(out[i]!)),
    },
    geometry: out[i]!,
  }));

  return {
    text: stringifyFeatureCollection(features, { derivation }),
    derivation,
    properties: features.map((f) => f.properties!),
    problems,
  };
}
