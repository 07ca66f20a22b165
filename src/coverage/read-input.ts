// The coverage CLI's inputs in any format the import reads (issue 13): GeoJSON stays as it was read
// (parseFeatureCollection in cli-core.ts); a Shapefile zip, KML/KMZ, DXF drawing or GeoPackage goes
// through the import pipeline (src/import) — the same parsing, CRS and messages as `npm run import`
// and the app — and comes out as WGS 84 features. Plans are mapped to the plan schema (level and
// status as the register writes them), units keep their attributes (code, name, slated_ward).
// No Node APIs: the SQLite module and the XML parser are passed in.
import { importFile, type ImportResult } from '../import/pipeline.ts';
import type { SqliteModule } from '../import/gpkg.ts';
import type { XmlParser } from '../import/types.ts';
import { isRecord } from '../import/types.ts';

export interface ImportedInputOptions {
  /** The CRS for a file that names none (a DXF, a Shapefile without .prj): --crs. */
  crs?: string;
  /** GeoPackage table: --units-layer / --plans-layer. */
  layer?: string;
  sqlite?: SqliteModule;
  xmlParser?: XmlParser;
}

/** Whether the file is read as GeoJSON text: by its name, else by its first character. */
export function isGeoJsonInput(file: string, bytes?: Uint8Array): boolean {
  if (/\.(geo)?json$/i.test(file)) return true;
  if (bytes === undefined) return !/\.(zip|kml|kmz|dxf|gpkg|dwg|shp)$/i.test(file);
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 256)).replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('{');
}

export type ImportedInput = { ok: true; collection: { type: 'FeatureCollection'; features: unknown[] } } | { ok: false; error: string };

function run(file: string, bytes: Uint8Array, what: 'units' | 'plans', o: ImportedInputOptions, crs?: string): ImportResult {
  return importFile(
    { name: file, bytes },
    {
      role: what === 'plans' ? 'plans' : 'overlay',
      ...(crs === undefined ? {} : { crs }),
      ...(o.layer === undefined ? {} : { layer: o.layer }),
      ...(o.sqlite === undefined ? {} : { sqlite: o.sqlite }),
      ...(o.xmlParser === undefined ? {} : { xmlParser: o.xmlParser }),
    },
  );
}

/**
 * A non-GeoJSON input as a WGS 84 FeatureCollection, or the import's one-line error. A CRS that is
 * only guessed (metres, no CRS in the file) is not trusted silently: --crs confirms it.
 */
export function importedInput(file: string, bytes: Uint8Array, what: 'units' | 'plans', o: ImportedInputOptions): ImportedInput {
  let r = run(file, bytes, what, o);
  const guessed = (r.ok && r.crs.needsConfirmation) || (!r.ok && r.needsCrs === true);
  if (guessed && o.crs !== undefined) r = run(file, bytes, what, o, o.crs);
  if (!r.ok) return { ok: false, error: r.needsCrs ? `${r.error}; give it with --crs (e.g. --crs EPSG:9214)` : r.error };
  if (r.crs.needsConfirmation) {
    return { ok: false, error: `${r.fileName}: names no CRS and its coordinates are metres; ${r.crs.code} is proposed: confirm it with --crs ${r.crs.code} (or give the right one)` };
  }
  const features = r.collection.features.map((f) => {
    if (what !== 'plans' || !isRecord(f.properties)) return f;
    // The plan schema marks every imported plan official; a register that says it is demonstration data stays so.
    const source = isRecord(f.properties.source_properties) ? f.properties.source_properties : {};
    const demo = source.demo === true || source.provenance === 'demonstration';
    return demo ? { ...f, properties: { ...f.properties, demo: true, provenance: 'demonstration' } } : f;
  });
  return { ok: true, collection: { type: 'FeatureCollection', features } };
}
