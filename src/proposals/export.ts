// Proposals as files to take away: GeoJSON in WGS 84 (RFC 7946) and, for surveyors, in VN-2000 /
// TM-3 107°00′ (EPSG:9214, the plane Bắc Giang's official areas are measured in) with a `crs`
// member naming it, which GDAL/QGIS and this app's import read. The transformation is the one the
// other exports use (src/export/to-crs.ts: proj4 with the import's definitions).
import { collectionToCrs } from '../export/to-crs';
import { proposalCollection } from './feature';
import type { Proposal } from './types';

export type ExportCrs = 'EPSG:4326' | 'EPSG:9214';

export interface ExportFile {
  name: string;
  text: string;
}

/** Said in the file itself, so a copy passed on keeps saying what it is. */
export const EXPORT_NOTE =
  "Đề xuất của người dùng — không phải quy hoạch chính thức, không phải dữ liệu trình diễn / User's proposals — not official plans, not demonstration data";

/** viet-yen-proposals-2026-01-31-EPSG4326.geojson, viet-yen-proposals-2026-01-31-EPSG9214-VN2000-TM3-107.geojson */
export function exportFileName(crs: ExportCrs, date: Date): string {
  const day = date.toISOString().slice(0, 10);
  return `viet-yen-proposals-${day}-${crs === 'EPSG:4326' ? 'EPSG4326-WGS84' : 'EPSG9214-VN2000-TM3-107'}.geojson`;
}

export function proposalsGeoJson(list: readonly Proposal[], crs: ExportCrs, date = new Date()): ExportFile {
  const fc = { ...proposalCollection(list), name: 'viet-yen-proposals', note: EXPORT_NOTE };
  return { name: exportFileName(crs, date), text: JSON.stringify(collectionToCrs(fc, crs)) };
}
