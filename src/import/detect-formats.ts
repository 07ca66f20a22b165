// Recognising the CAD and GeoPackage files of issue 13 (called by detect.ts): a DXF drawing, a
// GeoPackage (an SQLite database), and an AutoCAD .dwg, which is refused with the way out (save it
// as DXF). By extension first, and by content for files without a known extension.
import { failWith, type LocalizedFailure } from './format-messages.ts';
import { isSqlite } from './gpkg-magic.ts';
import { ok, type Step } from './types.ts';

/** A .dwg starts with its format version: "AC1015" (2000) … "AC1032" (2018+). */
function isDwg(bytes: Uint8Array): boolean {
  return bytes.length >= 6 && new TextDecoder('latin1').decode(bytes.subarray(0, 6)).match(/^AC1\d{3}$/) !== null;
}

/** First two lines "0" and "SECTION", the way every DXF starts (blank lines and a BOM allowed before). */
function looksDxf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 256)).replace(/^\u00EF\u00BB\u00BF/, '');
  return /^\s*0\s*\r?\n\s*SECTION\s*\r?\n/.test(head) || head.startsWith('AutoCAD Binary DXF');
}

/** 'dxf' / 'gpkg', a refusal with its localized message, or null when the file is none of these. */
export function detectDrawingOrGeoPackage(fileName: string, ext: string, bytes: Uint8Array): Step<'dxf' | 'gpkg'> | LocalizedFailure | null {
  if (ext === '.dwg' || isDwg(bytes)) return failWith('importFmt.dwg', { file: fileName });
  if (ext === '.dxf') return ok('dxf');
  if (ext === '.gpkg') return isSqlite(bytes) ? ok('gpkg') : failWith('importFmt.gpkgNotSqlite', { file: fileName });
  if (['.geojson', '.json', '.kml', '.kmz', '.zip'].includes(ext)) return null;
  if (isSqlite(bytes)) return ok('gpkg');
  if (looksDxf(bytes)) return ok('dxf');
  return null;
}
