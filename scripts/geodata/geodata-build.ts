// Builds the project's administrative geodata from geodata/source/* only (pure: inputs in, file
// texts and a report out, so the CLI is thin and tests can run it in-process):
//   wards-2025.geojson   the 4 generalised 2025 wards (official boundaries, generalised);
//   district.geojson     former Việt Yên = union of the wards (topological merge, no new vertices);
//   units-2021.geojson   the 17 units of 2020–2025 as a SCHEMATIC power-diagram partition of their
//                        2025 ward, sized to the reference areas scaled to the ward.
import * as turf from '@turf/turf';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { topology } from 'topojson-server';
import { merge } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { geometryArea } from '../../src/geo/area.ts';
import type { Polygonal } from '../../src/geo/types.ts';
import { VIET_YEN_PLANE as plane } from './local-plane.ts';
import { asFeature as feat } from './polygon-ops.ts';
import { powerPartition } from './power-partition.ts';
import { snapAndNode } from './snap-node.ts';
import { stringifyFeatureCollection } from './serialize-geojson.ts';
import { tidyPolygonal } from './tidy-polygonal.ts';

export interface UnitFact {
  code: string;
  name: string;
  type_2021: 'Thị trấn' | 'Xã';
  slated_ward_2025: boolean;
  type_2024: 'Phường' | 'Xã';
  ward_2025: string;
  official_area_km2: number | null;
  population_2022: number | null;
  reference_point: [number, number];
  reference_area_km2: number;
}

export interface GeneralisedWardProps {
  code: string;
  name: string;
  type: string;
  official_area_km2: number;
  population: number;
}

export interface GeodataSources {
  wards: FeatureCollection<Polygonal, GeneralisedWardProps>;
  units: UnitFact[];
}

export interface GeodataBuild {
  /** file name under geodata/ → text */
  files: Record<string, string>;
  report: string[];
  problems: string[];
}

/** Former huyện / thị xã Việt Yên (938/NQ-UBTVQH15, in force 1 Feb 2024). */
export const DISTRICT_FACTS = { id: 'viet-yen', name: 'Việt Yên', official_area_km2: 171.01, population_2024: 229162 } as const;

const WARD_SOURCE = 'Generalised (≤100 m, topology kept) from the national merger map wards via lamngockhuong/vietnam-3d-map (MIT)';
const km2 = (m2: number) => Math.round(m2 / 1e4) / 100;
const pct = (x: number, digits = 3) => `${(x * 100).toFixed(digits)}%`;

function tidy(g: Polygonal): Polygonal {
  const t = tidyPolygonal(g, 5);
  if (!t) throw new Error('geometry collapsed while rounding');
  return t;
}

/** Union of polygons that share exact edges, by dropping the shared arcs (keeps every vertex). */
function topoMerge(geoms: readonly Polygonal[]): Polygonal {
  const fc: FeatureCollection<Polygonal> = { type: 'FeatureCollection', features: geoms.map(feat) };
  const topo = topology({ parts: fc }) as unknown as Topology<{ parts: GeometryCollection }>;
  const m = merge(topo, topo.objects.parts.geometries as never) as MultiPolygon;
  return tidy(m);
}

function overlapsAndGap(parts: readonly Polygonal[], whole: Polygonal): { overlapM2: number; gapM2: number } {
  let overlapM2 = 0;
  for (let i = 0; i < parts.length; i++)
    for (let j = i + 1; j < parts.length; j++) {
      const x = turf.intersect(turf.featureCollection([feat(parts[i]!), feat(parts[j]!)]));
      if (x) overlapM2 += geometryArea(x.geometry);
    }
  const u = turf.union(turf.featureCollection(parts.map(feat)));
  const missing = u ? turf.difference(turf.featureCollection([feat(whole), u])) : feat(whole);
  const extra = u ? turf.difference(turf.featureCollection([u, feat(whole)])) : null;
  return { overlapM2, gapM2: (missing ? geometryArea(missing.geometry) : 0) + (extra ? geometryArea(extra.geometry) : 0) };
}

export function buildGeodata(src: GeodataSources): GeodataBuild {
  const report: string[] = [];
  const problems: string[] = [];
  const wards = [...src.wards.features].sort((a, b) => a.properties.code.localeCompare(b.properties.code));
  const units = [...src.units].sort((a, b) => a.code.localeCompare(b.code));
  const wardByName = new Map(wards.map((w) => [w.properties.name, w]));
  for (const u of units) if (!wardByName.has(u.ward_2025)) problems.push(`${u.name}: unknown 2025 ward ${u.ward_2025}`);

  // 1. power partition of each ward, targets = reference areas scaled to the ward's area
  const cellOf = new Map<string, Polygonal>();
  for (const w of wards) {
    const members = units.filter((u) => u.ward_2025 === w.properties.name);
    const wardM2 = geometryArea(w.geometry);
    const refSum = members.reduce((s, u) => s + u.reference_area_km2, 0);
    const part = powerPartition(
      w.geometry,
      members.map((u) => ({ id: u.code, point: u.reference_point, targetM2: (u.reference_area_km2 / refSum) * wardM2 })),
      { plane },
    );
    report.push(`ward ${w.properties.name}: ${members.length} units, ${part.iterations} Newton steps, max area error ${pct(part.maxRelError)}, detached pieces moved ${part.movedParts} (largest ${pct(part.maxMovedShare, 2)} of its cell)`);
    members.forEach((u, i) => cellOf.set(u.code, tidy(part.cells[i]!)));
  }

  // 2. one shared set of vertices for wards and units (wards first: their vertices win)
  const noded = snapAndNode([...wards.map((w) => w.geometry), ...units.map((u) => cellOf.get(u.code)!)], { plane, snapMetres: 1.5, nodeMetres: 1.0 }).map(tidy);
  const wardGeoms = noded.slice(0, wards.length);
  const unitGeoms = noded.slice(wards.length);
  const districtGeom = topoMerge(wardGeoms);

  // 3. checks and report
  const districtM2 = geometryArea(districtGeom);
  const t = overlapsAndGap(unitGeoms, districtGeom);
  report.push(`district ${km2(districtM2)} km² (official ${DISTRICT_FACTS.official_area_km2}); units overlap ${pct(t.overlapM2 / districtM2, 4)}, gap ${pct(t.gapM2 / districtM2, 4)}`);
  if ((t.overlapM2 + t.gapM2) / districtM2 >= 1e-3) problems.push('units do not tile the district within 0.1%');
  if (districtGeom.type !== 'Polygon' || districtGeom.coordinates.length !== 1) problems.push('district is not one polygon without holes');

  const wardRows = wards.map((w, k) => {
    const g = wardGeoms[k]!;
    const a = geometryArea(g);
    const err = a / (w.properties.official_area_km2 * 1e6) - 1;
    report.push(`ward ${w.properties.name}: ${km2(a)} km² vs official ${w.properties.official_area_km2} (${pct(err, 2)})`);
    if (Math.abs(err) > 0.03) problems.push(`ward ${w.properties.name} area off official by ${pct(err, 2)}`);
    return { w, g, a };
  });

  const unitRows = units.map((u, k) => {
    const g = unitGeoms[k]!;
    const ward = wardRows.find((r) => r.w.properties.name === u.ward_2025)!;
    const members = units.filter((x) => x.ward_2025 === u.ward_2025);
    const target = (u.reference_area_km2 / members.reduce((s, x) => s + x.reference_area_km2, 0)) * ward.a;
    const a = geometryArea(g);
    const err = a / target - 1;
    const inside = turf.booleanPointInPolygon(u.reference_point, feat(g));
    const outside = turf.difference(turf.featureCollection([feat(g), feat(ward.g)]));
    const outM2 = outside ? geometryArea(outside.geometry) : 0;
    const kinks = turf.kinks(feat(g)).features.length;
    report.push(
      `  ${u.code} ${u.name.padEnd(12)} ${km2(a).toFixed(2).padStart(6)} km² target ${km2(target).toFixed(2).padStart(6)} (${err >= 0 ? '+' : ''}${pct(err, 2)}) ref ${u.reference_area_km2} ${g.type}${inside ? '' : ' POINT OUTSIDE'}${outM2 > 0 ? ` outside ward ${outM2.toFixed(0)} m²` : ''}`,
    );
    if (Math.abs(err) > 0.02) problems.push(`${u.name}: area ${pct(err, 2)} from target`);
    if (!inside) problems.push(`${u.name}: reference point outside its unit`);
    if (outM2 > 1e-4 * a) problems.push(`${u.name}: ${outM2.toFixed(0)} m² outside ward ${u.ward_2025}`);
    if (kinks > 0) problems.push(`${u.name}: self-intersections`);
    return { u, g, ward };
  });

  // 4. files
  const unitFeatures = unitRows.map(({ u, g, ward }) => ({
    type: 'Feature' as const,
    id: u.code,
    properties: {
      id: u.code,
      code: u.code,
      name: u.name,
      type_2021: u.type_2021,
      slated_ward: u.slated_ward_2025,
      type_2024: u.type_2024,
      ward_2025: { code: ward.w.properties.code, name: ward.w.properties.name },
      official_area_km2: u.official_area_km2,
      population_2022: u.population_2022,
      reference_area_km2: u.reference_area_km2,
      geometry_source: `Schematic: power-diagram partition of the generalised 2025 ward '${ward.w.properties.name}' (national merger map) weighted to reference areas; not a legal boundary`,
      provenance: 'indicative',
    },
    geometry: g,
  }));
  const wardFeatures = wardRows.map(({ w, g }) => ({
    type: 'Feature' as const,
    id: w.properties.code,
    properties: {
      id: w.properties.code,
      code: w.properties.code,
      name: w.properties.name,
      type: 'Phường',
      official_area_km2: w.properties.official_area_km2,
      population: w.properties.population,
      population_source: 'Official 2025 merger figure, as published with the national merger map (lamngockhuong/vietnam-3d-map)',
      units_2021: units.filter((u) => u.ward_2025 === w.properties.name).map((u) => u.code),
      geometry_source: WARD_SOURCE,
      provenance: 'official',
    },
    geometry: g,
  }));
  const districtFeature = {
    type: 'Feature' as const,
    id: DISTRICT_FACTS.id,
    properties: {
      ...DISTRICT_FACTS,
      geometry_source: 'Union of the 4 generalised 2025 wards (national merger map via lamngockhuong/vietnam-3d-map, MIT); the 2019 government outline differs by ~2.3%',
      provenance: 'official',
    },
    geometry: districtGeom,
  };
  return {
    files: {
      'units-2021.geojson': stringifyFeatureCollection(unitFeatures),
      'wards-2025.geojson': stringifyFeatureCollection(wardFeatures),
      'district.geojson': stringifyFeatureCollection([districtFeature]),
    },
    report,
    problems,
  };
}
