// shpjs 6 ships no type declarations; only the two parsers the import calls are declared.
declare module 'shpjs' {
  import type { Geometry } from 'geojson';
  /** Geometries of a .shp in its own coordinates (no projection when prj is omitted). */
  export function parseShp(shp: ArrayBuffer | ArrayBufferView, prj?: string | false): (Geometry | null)[];
  /** Records of a .dbf, decoded with the TextDecoder label `cpg` (UTF-8 when omitted). */
  export function parseDbf(dbf: ArrayBuffer | ArrayBufferView, cpg?: string): Record<string, unknown>[];
}
