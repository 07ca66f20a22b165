// The gaps to the target as files to hand to a consultant: GeoJSON in WGS 84, and a zipped
// Shapefile in VN-2000 / TM-3 107°00′ (EPSG:9214, what surveyors in Bắc Giang – Bắc Ninh use).
// Each piece says what it was computed from, and a demonstration register says so in every row.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GapsResult } from '../coverage/types';
import { collectionToCrs, prjWkt } from './to-crs';
import { polygonsToShapefileZip } from './shapefile';

export const GAPS_SHAPEFILE_CRS = 'EPSG:9214';

export interface GapsFileMeta {
  /** Names of the registers counted. */
  registers: readonly string[];
  /** The demonstration register counts: every row is marked. */
  demo: boolean;
  /** Proposals counted (the user's what-if plans). */
  proposals: boolean;
  generated: Date;
}

const DEMO_NOTE = 'DỮ LIỆU TRÌNH DIỄN / DEMONSTRATION DATA: computed from a fictional plan register';

export function gapsCollection(g: GapsResult, m: GapsFileMeta): FeatureCollection<Polygon | MultiPolygon> {
  const features = g.pieces.features.map((f): Feature<Polygon | MultiPolygon> => ({
    type: 'Feature',
    geometry: f.geometry,
    properties: {
      unit_id: f.properties.unit_id,
      unit_name: f.properties.unit_name,
      rank: f.properties.rank,
      area_m2: Math.round(f.properties.area_m2 * 10) / 10,
      area_ha: Math.round(f.properties.area_m2 / 100) / 100,
      target: g.target,
      as_of: g.as_of,
      register: m.registers.join('; '),
      proposals: m.proposals,
      demo: m.demo,
      ...(m.demo ? { note: DEMO_NOTE } : {}),
    },
  }));
  return {
    type: 'FeatureCollection',
    // Foreign members (RFC 7946 §6.1) carry the summary; readers ignore what they do not know.
    ...({
      name: 'viet-yen-gaps',
      generated: m.generated.toISOString(),
      description: `Uncovered parts of the units (unit minus the union of counting plans), target ${Math.round(g.target * 1000) / 10} %`,
      units: g.units,
      ...(m.demo ? { note: DEMO_NOTE } : {}),
    } as object),
    features,
  } as FeatureCollection<Polygon | MultiPolygon>;
}

/** viet-yen-khoang-trong-2026-12-02.geojson, …-vn2000-…zip; "-trinh-dien" when demonstration data. */
export function gapsFileName(kind: 'geojson' | 'shapefile', m: GapsFileMeta): string {
  const day = m.generated.toISOString().slice(0, 10);
  return `viet-yen-khoang-trong${m.demo ? '-trinh-dien' : ''}${kind === 'shapefile' ? '-vn2000' : ''}-${day}.${kind === 'shapefile' ? 'zip' : 'geojson'}`;
}

export function gapsGeoJsonText(g: GapsResult, m: GapsFileMeta): string {
  return JSON.stringify(gapsCollection(g, m));
}

export function gapsShapefile(g: GapsResult, m: GapsFileMeta): Uint8Array {
  const fc = gapsCollection(g, m);
  // Shapefile rows: the summary foreign members do not fit; the per-piece fields do.
  const plain: FeatureCollection = { type: 'FeatureCollection', features: fc.features };
  return polygonsToShapefileZip(collectionToCrs(plain, GAPS_SHAPEFILE_CRS), { name: gapsFileName('shapefile', m).replace(/\.zip$/, ''), prj: prjWkt(GAPS_SHAPEFILE_CRS) });
}
