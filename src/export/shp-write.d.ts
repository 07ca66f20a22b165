// @mapbox/shp-write ships no types; only its record writer is used (see shapefile.ts).
declare module '@mapbox/shp-write/src/write.js' {
  export default function write(
    rows: Record<string, unknown>[],
    geometryType: 'POINT' | 'POLYLINE' | 'POLYGON',
    geometries: unknown[],
    callback: (err: unknown, files: { shp: DataView; shx: DataView; dbf: DataView }) => void,
  ): void;
}
