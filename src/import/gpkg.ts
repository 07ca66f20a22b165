// GeoPackage (QGIS's default format) → features in the table's own coordinates (issue 13). SQLite
// runs as WebAssembly (sql.js); the module is loaded by the caller (sqlite-node.ts in Node,
// sqlite-browser.ts in the import worker) and passed in, so this stays synchronous like the other
// readers. Geometries are GeoPackage binary (a "GP" header, then WKB) read with wkx; the CRS comes
// from gpkg_spatial_ref_sys (an EPSG code the import supports, else the WKT recognised by crs.ts);
// attributes keep their declared types (BOOLEAN → true/false, JSON columns parsed, DATE as text).
import './buffer-global.ts';
import { Geometry as WkxGeometry } from 'wkx';
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import type { Geometry } from 'geojson';
import { crsFromWkt, normaliseCrsCode, SUPPORTED_CRS } from './crs.ts';
import { legacyEncodingWarning, normaliseText } from './encoding.ts';
import { failWith, localized, type LocalizedFailure, type LocalizedMessage } from './format-messages.ts';
import { MAX_FEATURES } from './limits.ts';
import { isSqlite } from './gpkg-magic.ts';
import type { AnyCollection, AnyFeature } from './types.ts';
import { errorText } from './types.ts';

export type SqliteModule = SqlJsStatic;

export interface GpkgTable {
  name: string;
  geometryColumn: string;
  geometryType: string;
  srsId: number;
}

export interface ParsedGpkg {
  collection: AnyCollection;
  /** Every feature table, in the file's order (the UI's table choice). */
  tables: string[];
  /** The table read. */
  table: string;
  /** The supported CRS the table's SRS is (null: undefined SRS 0/-1, guess from the coordinates). */
  declared: string | null;
  /** The table's SRS is not one the import supports: an error unless the user chooses a CRS. */
  declaredError: LocalizedFailure | null;
  messages: LocalizedMessage[];
  /** Remarks shared with the other formats (TCVN3 text), English only. */
  warnings: string[];
}

export type GpkgOutcome = { ok: true; value: ParsedGpkg } | LocalizedFailure;

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

function rows(db: Database, sql: string, params: SqlValue[] = []): SqlValue[][] {
  const stmt = db.prepare(sql, params);
  try {
    const out: SqlValue[][] = [];
    while (stmt.step()) out.push(stmt.get());
    return out;
  } finally {
    stmt.free();
  }
}

// Only real tables are queried, never views: a view is SQL the file's author wrote, and a recursive
// one would run for ever. (GeoPackage feature tables that are views are not read.)
function hasTable(db: Database, name: string): boolean {
  return rows(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]).length > 0;
}

/** The feature tables of gpkg_contents that have a geometry column, in the file's order. */
export function featureTables(db: Database): GpkgTable[] {
  return rows(
    db,
    `SELECT c.table_name, g.column_name, g.geometry_type_name, g.srs_id
       FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
      WHERE lower(c.data_type) = 'features'
        AND EXISTS (SELECT 1 FROM sqlite_master m WHERE m.type = 'table' AND m.name = c.table_name)
      ORDER BY c.rowid`,
  ).map(([name, column, type, srs]) => ({ name: String(name), geometryColumn: String(column), geometryType: String(type), srsId: Number(srs) }));
}

const ENVELOPE_BYTES = [0, 32, 48, 48, 64];

/** GeoPackage binary → GeoJSON geometry (null for an empty one); throws with a short reason. */
export function gpkgGeometry(blob: Uint8Array): Geometry | null {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) throw new Error('not GeoPackage binary (no "GP" header)');
  const flags = blob[3]!;
  if ((flags & 0x20) !== 0) throw new Error('an extended (non-standard) geometry type');
  const envelope = ENVELOPE_BYTES[(flags >> 1) & 7];
  if (envelope === undefined) throw new Error('an invalid envelope code');
  if ((flags & 0x10) !== 0) return null;
  const start = 8 + envelope;
  if (blob.length <= start) throw new Error('a truncated geometry');
  const wkb = blob.subarray(start);
  const parsed = WkxGeometry.parse(Buffer.from(wkb.buffer, wkb.byteOffset, wkb.byteLength));
  return parsed.toGeoJSON() as Geometry;
}

/** What an attribute's declared type makes of its values. */
type Kind = 'boolean' | 'json' | 'text' | 'number' | 'blob' | 'other';

function kindOf(declared: string, mime: string | undefined): Kind {
  const t = declared.toUpperCase();
  if (t === 'BOOLEAN') return 'boolean';
  if (mime === 'application/json') return 'json';
  if (t === 'BLOB') return 'blob';
  if (/^(TEXT|DATE|DATETIME)/.test(t)) return 'text';
  if (/INT|REAL|FLOAT|DOUBLE/.test(t)) return 'number';
  return 'other';
}

function convert(v: SqlValue, kind: Kind): unknown {
  if (v === null) return null;
  if (v instanceof Uint8Array) return undefined; // binary: left out
  switch (kind) {
    case 'boolean':
      return typeof v === 'number' ? v !== 0 : v;
    case 'json':
      if (typeof v !== 'string') return v;
      try {
        return JSON.parse(v) as unknown;
      } catch {
        return normaliseText(v);
      }
    default:
      return typeof v === 'string' ? normaliseText(v) : v;
  }
}

interface SrsOutcome {
  declared: string | null;
  error: LocalizedFailure | null;
}

function srsOf(db: Database, fileName: string, table: GpkgTable): SrsOutcome {
  // 0: undefined geographic, -1: undefined Cartesian (the GeoPackage standard): the file names no CRS.
  if (table.srsId === 0 || table.srsId === -1) return { declared: null, error: null };
  const [row] = rows(db, 'SELECT srs_name, organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?', [table.srsId]);
  const supported = SUPPORTED_CRS.map((c) => c.code).join(', ');
  if (row === undefined) {
    return { declared: null, error: failWith('importFmt.gpkgUnknownSrs', { file: fileName, table: table.name, srs: `srs_id ${table.srsId} (not in gpkg_spatial_ref_sys)`, supported }, true) };
  }
  const [name, organization, orgId, definition] = row;
  const org = String(organization ?? '').toUpperCase();
  if (org === 'EPSG') {
    const code = normaliseCrsCode(`EPSG:${Number(orgId)}`);
    if (code !== null) return { declared: code, error: null };
  }
  const wkt = typeof definition === 'string' ? definition.trim() : '';
  if (wkt !== '' && wkt.toLowerCase() !== 'undefined') {
    const c = crsFromWkt(wkt, `the SRS of table "${table.name}"`);
    if (c.ok) return { declared: c.value, error: null };
  }
  const label = `${org && org !== 'NONE' ? `${org}:${Number(orgId)}` : `srs_id ${table.srsId}`} (${String(name ?? '').slice(0, 80)})`;
  return { declared: null, error: failWith('importFmt.gpkgUnknownSrs', { file: fileName, table: table.name, srs: label, supported }, true) };
}

/** Reads one feature table (`layer`, else the first) of a GeoPackage. */
export function parseGeoPackage(fileName: string, bytes: Uint8Array, sqlite: SqliteModule, layer?: string): GpkgOutcome {
  const file = { file: fileName };
  if (!isSqlite(bytes)) return failWith('importFmt.gpkgNotSqlite', file);
  let db: Database;
  try {
    db = new sqlite.Database(bytes);
  } catch (e) {
    return failWith('importFmt.gpkgUnreadable', { ...file, detail: errorText(e) });
  }
  try {
    return readTable(db, fileName, layer);
  } catch (e) {
    // A corrupt page or a malformed schema surfaces as an SQLite error on the first query.
    return failWith('importFmt.gpkgUnreadable', { ...file, detail: errorText(e) });
  } finally {
    db.close();
  }
}

function readTable(db: Database, fileName: string, layer: string | undefined): GpkgOutcome {
  const file = { file: fileName };
  if (!hasTable(db, 'gpkg_contents') || !hasTable(db, 'gpkg_geometry_columns') || !hasTable(db, 'gpkg_spatial_ref_sys')) {
    return failWith('importFmt.gpkgNotGpkg', file);
  }
  const tables = featureTables(db);
  if (tables.length === 0) return failWith('importFmt.gpkgNoTables', file);
  const names = tables.map((t) => t.name);
  const messages: LocalizedMessage[] = [];
  let table = tables[0]!;
  if (layer !== undefined && layer !== '') {
    const chosen = tables.find((t) => t.name === layer) ?? tables.find((t) => t.name.toLowerCase() === layer.toLowerCase());
    if (chosen === undefined) return failWith('importFmt.gpkgNoSuchTable', { ...file, table: layer, tables: names.join(', ') });
    table = chosen;
  } else if (tables.length > 1) {
    messages.push(localized('importFmt.gpkgSeveralTables', { ...file, n: tables.length, tables: names.join(', '), table: table.name }));
  }
  const count = Number(rows(db, `SELECT count(*) FROM ${quote(table.name)}`)[0]?.[0] ?? 0);
  if (count === 0) return failWith('importFmt.gpkgEmptyTable', { ...file, table: table.name });
  if (count > MAX_FEATURES) return failWith('importFmt.gpkgTooMany', { ...file, table: table.name, n: count, max: MAX_FEATURES });

  // Columns and their declared types; the primary key (the fid) and the geometry are not attributes.
  const columns = rows(db, `PRAGMA table_info(${quote(table.name)})`).map(([, name, type, , , pk]) => ({ name: String(name), type: String(type ?? ''), pk: Number(pk) > 0 }));
  const mimes = new Map<string, string>();
  if (hasTable(db, 'gpkg_data_columns')) {
    for (const [c, m] of rows(db, 'SELECT column_name, mime_type FROM gpkg_data_columns WHERE table_name = ?', [table.name])) {
      if (typeof c === 'string' && typeof m === 'string') mimes.set(c, m.toLowerCase());
    }
  }
  const attrs = columns
    .filter((c) => !c.pk && c.name !== table.geometryColumn)
    .map((c) => ({ ...c, key: normaliseText(c.name), kind: kindOf(c.type, mimes.get(c.name)) }));
  for (const c of attrs) if (c.kind === 'blob') messages.push(localized('importFmt.gpkgBlob', { ...file, column: c.name }));
  const wanted = attrs.filter((c) => c.kind !== 'blob');
  const select = [table.geometryColumn, ...wanted.map((c) => c.name)].map(quote).join(', ');

  const features: AnyFeature[] = [];
  let badGeometries = 0;
  let firstProblem = '';
  const stmt = db.prepare(`SELECT ${select} FROM ${quote(table.name)}`);
  try {
    while (stmt.step()) {
      const row = stmt.get();
      let geometry: Geometry | null = null;
      const blob = row[0];
      if (blob instanceof Uint8Array) {
        try {
          geometry = gpkgGeometry(blob);
        } catch (e) {
          badGeometries++;
          firstProblem ||= errorText(e);
        }
      } else if (blob !== null && blob !== undefined) {
        badGeometries++;
        firstProblem ||= 'not a binary value';
      }
      const properties: Record<string, unknown> = {};
      wanted.forEach((c, i) => {
        const v = convert(row[i + 1] ?? null, c.kind);
        if (v !== undefined) properties[c.key] = v;
      });
      features.push({ type: 'Feature', properties, geometry });
    }
  } finally {
    stmt.free();
  }
  if (badGeometries > 0) {
    messages.push(localized('importFmt.gpkgBadGeometry', { ...file, n: badGeometries, table: table.name, detail: firstProblem }));
  }
  const warnings: string[] = [];
  for (const c of wanted) {
    if (c.kind !== 'text' && c.kind !== 'other') continue;
    const w = legacyEncodingWarning(c.key, features.map((f) => f.properties?.[c.key]));
    if (w !== null) warnings.push(`${fileName}: ${w}`);
  }
  const srs = srsOf(db, fileName, table);
  return {
    ok: true,
    value: { collection: { type: 'FeatureCollection', features }, tables: names, table: table.name, declared: srs.declared, declaredError: srs.error, messages, warnings },
  };
}
