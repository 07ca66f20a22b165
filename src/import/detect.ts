// What kind of file the user chose, from its name and its first bytes. The extension says what the
// user meant; the bytes say what it is. Messages explain the common mistakes (a lone .shp, an
// Office document, a renamed file) instead of failing later with a parser error.
import { extensionOf } from './zip.ts';
import type { Step } from './types.ts';
import { detectDrawingOrGeoPackage } from './detect-formats.ts';
import { fail, ok } from './types.ts';

export type FileKind = 'geojson' | 'kml' | 'kmz' | 'zip' | 'dxf' | 'gpkg';

const SHAPEFILE_PARTS = ['.shp', '.shx', '.dbf', '.prj', '.cpg', '.sbn', '.sbx', '.qix'];
const OFFICE = ['.docx', '.xlsx', '.pptx', '.doc', '.xls', '.pdf', '.odt', '.ods'];
export const ACCEPTED_EXTENSIONS = ['.geojson', '.json', '.zip', '.kml', '.kmz', '.dxf', '.gpkg'] as const;

function isZipMagic(b: Uint8Array): boolean {
  // Local file header, or the end-of-central-directory record of an empty archive.
  return b[0] === 0x50 && b[1] === 0x4b && ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6));
}

/** The first non-blank character of the text (BOM skipped), '' when none in the first 1 KB. */
function firstChar(b: Uint8Array): string {
  const head = new TextDecoder('utf-8').decode(b.subarray(0, 1024)).replace(/^\uFEFF/, '');
  return head.trimStart().charAt(0);
}

/** 'zip' means a .zip whose content (Shapefile or KML) is decided from its listing. */
export function detectKind(fileName: string, bytes: Uint8Array): Step<FileKind> {
  const ext = extensionOf(fileName);
  const accepted = ACCEPTED_EXTENSIONS.join(', ');
  if (SHAPEFILE_PARTS.includes(ext)) {
    return fail(
      `${fileName}: a ${ext} file alone is not enough: zip the .shp together with its .shx, .dbf (and .prj, .cpg) and import the .zip`,
    );
  }
  if (OFFICE.includes(ext)) return fail(`${fileName}: ${ext} files are not geodata; accepted: ${accepted}`);
  if (bytes.length === 0) return fail(`${fileName}: is empty (0 bytes)`);
  // DXF drawings and GeoPackages (issue 13); a .dwg is refused with the way out.
  const drawing = detectDrawingOrGeoPackage(fileName, ext, bytes);
  if (drawing !== null) return drawing;
  const zip = isZipMagic(bytes);
  switch (ext) {
    case '.geojson':
    case '.json':
      return zip ? fail(`${fileName}: is named ${ext} but is a zip archive`) : ok('geojson');
    case '.kml':
      return zip ? fail(`${fileName}: is named .kml but is a zip archive (rename it .kmz)`) : ok('kml');
    case '.kmz':
      return zip ? ok('kmz') : fail(`${fileName}: is named .kmz but is not a zip archive`);
    case '.zip':
      return zip ? ok('zip') : fail(`${fileName}: is named .zip but is not a zip archive`);
  }
  // No or unknown extension: trust the content when it is unmistakable.
  if (zip) return fail(`${fileName}: is a zip archive named ${ext || 'without extension'}; accepted: ${accepted}`);
  const c = firstChar(bytes);
  if (c === '{') return ok('geojson');
  if (c === '<' && /<kml[\s>]/i.test(new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)))) return ok('kml');
  return fail(`${fileName}: unsupported file type${ext ? ` ${ext}` : ''}; accepted: ${accepted}`);
}
