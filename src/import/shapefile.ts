// Zipped Shapefile → FeatureCollection in the file's own coordinates, plus its .prj text.
// shpjs parses the .shp and .dbf; the members are picked and read here (zip.ts, with its limits)
// so that the .prj is recognised by crs.ts and the .cpg decides the attribute encoding, instead
// of shpjs's silent guesses (it reprojects with any .prj and falls back to UTF-8 on unknown .cpg).
import { parseDbf, parseShp } from 'shpjs';
import type { Geometry } from 'geojson';
import { extensionOf, isJunkEntry, isUnsafePath, readZipMembers, type ZipEntry } from './zip.ts';
import { encodingForCpg, isValidUtf8, legacyEncodingWarning, normaliseText } from './encoding.ts';
import type { AnyCollection, AnyFeature, Step } from './types.ts';
import { errorText, fail, ok } from './types.ts';

export interface ParsedShapefile {
  collection: AnyCollection;
  /** Text of the .prj, null when the archive has none. */
  prj: string | null;
  /** TextDecoder label the attributes were read with. */
  encoding: string;
  warnings: string[];
}

const SIDECARS = ['.shp', '.shx', '.dbf', '.prj', '.cpg'] as const;

function stem(name: string): string {
  return name.slice(0, name.length - extensionOf(name).length).toLowerCase();
}

/** The .shp members of a listing (for detect: a zip with one is a Shapefile). */
export function shpMembers(entries: readonly ZipEntry[]): string[] {
  return entries.map((e) => e.name).filter((n) => !isJunkEntry(n) && !isUnsafePath(n) && extensionOf(n) === '.shp');
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Header checks shpjs does not do: it silently stops at a truncated record. */
function shpHeaderProblem(name: string, shp: Uint8Array): string | null {
  if (shp.length < 100) return `${name} is truncated (${shp.length} bytes, a header alone is 100)`;
  const dv = view(shp);
  if (dv.getInt32(0, false) !== 9994) return `${name} is not a Shapefile .shp (wrong file code)`;
  const declared = dv.getInt32(24, false) * 2;
  if (declared > shp.length) return `${name} is truncated: its header says ${declared} bytes, the file has ${shp.length}`;
  return null;
}

interface DbfHeader {
  records: number;
  headerLength: number;
  recordLength: number;
}

function dbfHeader(name: string, dbf: Uint8Array): Step<DbfHeader> {
  if (dbf.length < 33) return fail(`${name} is truncated (${dbf.length} bytes)`);
  const dv = view(dbf);
  const h = { records: dv.getUint32(4, true), headerLength: dv.getUint16(8, true), recordLength: dv.getUint16(10, true) };
  if (h.headerLength < 33 || h.recordLength < 1) return fail(`${name} is not a dBASE table (bad header)`);
  const needed = h.headerLength + h.records * h.recordLength;
  if (needed > dbf.length) {
    return fail(`${name} is truncated: ${h.records} records need ${needed} bytes, the file has ${dbf.length}`);
  }
  return ok(h);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** dBASE values as plain JSON: NFC text, null for empty numbers and dates, dates as YYYY-MM-DD. */
function cleanValue(v: unknown): unknown {
  if (typeof v === 'string') return normaliseText(v);
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v instanceof Date) {
    // parsedbf builds a local-time Date from YYYYMMDD; read it back in local time.
    return Number.isNaN(v.getTime()) ? null : `${v.getFullYear()}-${pad2(v.getMonth() + 1)}-${pad2(v.getDate())}`;
  }
  return v;
}

/** Parses a zipped Shapefile. Errors start with the file name: "plans.zip: a.dbf is truncated …". */
export function parseShapefileZip(fileName: string, bytes: Uint8Array, entries: readonly ZipEntry[]): Step<ParsedShapefile> {
  const warnings: string[] = entries
    .filter((e) => isUnsafePath(e.name))
    .map((e) => `${fileName}: member ${JSON.stringify(e.name)} ignored: its path leaves the archive ("..", or absolute)`);
  const shps = shpMembers(entries);
  if (shps.length === 0) {
    const unsafe = warnings.length > 0 ? ` (members with unsafe paths ignored)` : '';
    return fail(`${fileName}: contains no .shp file (a zipped Shapefile needs .shp, .shx and .dbf)${unsafe}`);
  }
  const shpName = shps[0]!;
  if (shps.length > 1) {
    warnings.push(`${fileName}: ${shps.length} shapefiles in one archive; only ${shpName} was read (import the others separately)`);
  }
  const base = stem(shpName);
  const sibling = (ext: string): string | undefined =>
    entries.map((e) => e.name).find((n) => !isJunkEntry(n) && stem(n) === base && extensionOf(n) === ext);
  const names = Object.fromEntries(SIDECARS.map((ext) => [ext, sibling(ext)])) as Record<(typeof SIDECARS)[number], string | undefined>;
  const label = shpName.replace(/\.shp$/i, '');
  if (names['.dbf'] === undefined) return fail(`${fileName}: has ${shpName} but no ${label}.dbf (the attribute table is required)`);
  if (names['.shx'] === undefined) warnings.push(`${fileName}: no ${label}.shx (not needed here, but other GIS tools require it)`);
  const wanted = new Set(Object.values(names).filter((n): n is string => n !== undefined));
  const read = readZipMembers(fileName, bytes, (n) => wanted.has(n));
  if (!read.ok) return read;
  warnings.push(...read.value.warnings);
  const member = (ext: (typeof SIDECARS)[number]): Uint8Array | null => {
    const n = names[ext];
    return n === undefined ? null : (read.value.members.get(n) ?? null);
  };
  const shp = member('.shp')!;
  const dbf = member('.dbf')!;
  const headerProblem = shpHeaderProblem(names['.shp']!, shp);
  if (headerProblem !== null) return fail(`${fileName}: ${headerProblem}`);
  const header = dbfHeader(names['.dbf']!, dbf);
  if (!header.ok) return fail(`${fileName}: ${header.error}`);

  const prjBytes = member('.prj');
  const cpgBytes = member('.cpg');
  const prj = prjBytes === null ? null : new TextDecoder('utf-8').decode(prjBytes);
  const cpg = cpgBytes === null ? null : new TextDecoder('utf-8').decode(cpgBytes);
  const choice = encodingForCpg(cpg, names['.cpg'] ?? '.cpg');
  let encoding = choice.label;
  if (choice.warning !== null) warnings.push(`${fileName}: ${choice.warning}`);
  if (cpg === null && !isValidUtf8(dbf.subarray(header.value.headerLength))) {
    // Without a .cpg, text that is not UTF-8 is most likely the Vietnamese Windows code page.
    encoding = 'windows-1258';
    warnings.push(`${fileName}: no .cpg and ${names['.dbf']} is not valid UTF-8: attributes read as Windows-1258 (add a .cpg if that is wrong)`);
  }

  let geometries: (Geometry | null)[];
  let records: Record<string, unknown>[];
  try {
    geometries = parseShp(shp);
  } catch (e) {
    return fail(`${fileName}: ${names['.shp']} could not be read (${errorText(e)})`);
  }
  try {
    records = parseDbf(dbf, encoding);
  } catch (e) {
    return fail(`${fileName}: ${names['.dbf']} could not be read (${errorText(e)})`);
  }
  if (geometries.length !== records.length) {
    return fail(`${fileName}: ${names['.shp']} has ${geometries.length} shapes but ${names['.dbf']} has ${records.length} records`);
  }
  const features: AnyFeature[] = geometries.map((g, i) => {
    const properties: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(records[i] ?? {})) properties[normaliseText(k)] = cleanValue(v);
    // shpjs adds a bbox to each geometry; it is not needed and would be in the wrong CRS later.
    const geometry = g === null ? null : (({ bbox: _b, ...rest }) => rest as Geometry)(g as Geometry & { bbox?: unknown });
    return { type: 'Feature', properties, geometry };
  });
  const fields = new Set(features.flatMap((f) => Object.keys(f.properties ?? {})));
  for (const field of fields) {
    const w = legacyEncodingWarning(field, features.map((f) => f.properties?.[field]));
    if (w !== null) warnings.push(`${fileName}: ${w}`);
  }
  return ok({ collection: { type: 'FeatureCollection', features }, prj, encoding, warnings });
}
