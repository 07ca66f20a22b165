// Zipped Shapefile → FeatureCollection in the file's own coordinates, plus its .prj text.
// shpjs parses the .shp and .dbf; the members are picked and read here (zip.ts, with its limits)
// so that the .prj is recognised by crs.ts and the .cpg decides the attribute encoding, instead
// of shpjs's silent guesses (it reprojects with any .prj and falls back to UTF-8 on unknown .cpg).
import { parseShp } from 'shpjs';
import type { Geometry } from 'geojson';
import { extensionOf, isJunkEntry, isUnsafePath, readZipHeads, readZipMembers, type ZipEntry } from './zip.ts';
import { failWith, localized, type LocalizedFailure, type LocalizedMessage } from './format-messages.ts';
import { formatCount, MAX_FEATURE_VERTICES, MAX_FEATURES, MAX_TOTAL_VERTICES } from '../validation/limits.ts';
import { part } from '../validation/messages.ts';
import type { Localized } from '../i18n/types.ts';
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
  /** Localized forms of some warnings (by their text). */
  i18n?: LocalizedMessage[];
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

// Shape types with parts (PolyLine, Polygon, their M and Z forms, MultiPatch) and with a point list.
const PART_TYPES = new Set([3, 5, 13, 15, 23, 25, 31]);
const MULTIPOINT_TYPES = new Set([8, 18, 28]);
const POINT_SIZES: Record<number, number> = { 1: 20, 11: 36, 21: 28 };

interface RecordProblem {
  record: number;
  /** What is wrong, in both languages (catalog pieces problemPart.shp*). */
  detail: Localized;
}

/**
 * Walks the .shp's record headers (a few integers each, nothing built): every record within the
 * file, of the file's shape type or null, with part and point counts that are non-negative,
 * consistent and fit in the record, part indexes ascending from 0 — shpjs trusts all of these
 * (a negative part count became an empty geometry). Also enforces the feature and position limits.
 */
function shpRecordProblem(shp: Uint8Array): RecordProblem | 'tooMany' | { vertices: 'feature' | 'total'; record: number } | null {
  const dv = view(shp);
  const fileType = dv.getInt32(32, true);
  const end = Math.min(shp.length, dv.getInt32(24, false) * 2);
  let at = 100;
  let record = 0;
  let total = 0;
  while (at + 8 <= end) {
    record++;
    if (record > MAX_FEATURES) return 'tooMany';
    const length = dv.getInt32(at + 4, false) * 2;
    const c = at + 8;
    if (length < 4 || c + length > end) return { record, detail: part('problemPart.shpPastEnd', { length }) };
    const type = dv.getInt32(c, true);
    if (type !== 0) {
      if (type !== fileType) return { record, detail: part('problemPart.shpWrongType', { type, fileType }) };
      let points = 0;
      if (PART_TYPES.has(type)) {
        if (length < 44) return { record, detail: part('problemPart.shpTooFewBytes', { length }) };
        const parts = dv.getInt32(c + 36, true);
        points = dv.getInt32(c + 40, true);
        if (parts < 0) return { record, detail: part('problemPart.shpNegativeParts', { n: parts }) };
        if (points < 0) return { record, detail: part('problemPart.shpNegativePoints', { n: points }) };
        if (parts > points || (parts === 0 && points > 0)) return { record, detail: part('problemPart.shpPartsForPoints', { parts, points }) };
        if (44 + 4 * parts + 16 * points > length) return { record, detail: part('problemPart.shpDoNotFit', { parts, points, length }) };
        let previous = -1;
        for (let k = 0; k < parts; k++) {
          const first = dv.getInt32(c + 44 + 4 * k, true);
          if ((k === 0 && first !== 0) || first <= previous || first >= points) {
            return { record, detail: part('problemPart.shpPartStart', { k, first, points }) };
          }
          previous = first;
        }
      } else if (MULTIPOINT_TYPES.has(type)) {
        points = length >= 40 ? dv.getInt32(c + 36, true) : -1;
        if (points < 0) return { record, detail: part('problemPart.shpNegativePoints', { n: points }) };
        if (40 + 16 * points > length) return { record, detail: part('problemPart.shpPointsDoNotFit', { points, length }) };
      } else if (POINT_SIZES[type] !== undefined) {
        points = 1;
        if (length < POINT_SIZES[type]!) return { record, detail: part('problemPart.shpPointTooShort', { length }) };
      } else {
        return { record, detail: part('problemPart.shpUnknownType', { type }) };
      }
      if (points > MAX_FEATURE_VERTICES) return { vertices: 'feature', record };
      total += points;
      if (total > MAX_TOTAL_VERTICES) return { vertices: 'total', record };
    }
    at = c + length;
  }
  return null;
}

/** Record counts from the headers alone (.dbf: its count; .shx: its length), before any record is read. */
function headerCounts(dbfHead: Uint8Array | undefined, shxHead: Uint8Array | undefined): { dbf: number | null; shx: number | null } {
  const dbf = dbfHead !== undefined && dbfHead.length >= 8 ? view(dbfHead).getUint32(4, true) : null;
  const shx = shxHead !== undefined && shxHead.length >= 28 ? Math.max(0, Math.floor((view(shxHead).getInt32(24, false) * 2 - 100) / 8)) : null;
  return { dbf, shx };
}

/**
 * The .dbf's records, as shpjs's parseDbf reads them (N/F/O numbers, D dates, L booleans, the rest
 * text with NULs and outer spaces removed), but with field names as data: each row is built with
 * Object.fromEntries, so a field named "__proto__" or "toString" is a field like any other
 * (parseDbf assigns them, and "__proto__" vanished). One decoder for the whole table.
 */
function readDbfRecords(dbf: Uint8Array, encoding: string, header: DbfHeader): Record<string, unknown>[] {
  const decoder = new TextDecoder(encoding);
  const text = (b: Uint8Array): string => decoder.decode(b).replace(/\0/g, '').trim();
  const fields: { name: string; type: string; length: number }[] = [];
  for (let at = 32; at + 32 <= header.headerLength && dbf[at] !== 0x0d; at += 32) {
    fields.push({ name: text(dbf.subarray(at, at + 11)), type: String.fromCharCode(dbf[at + 11]!), length: dbf[at + 16]! });
  }
  const rows: Record<string, unknown>[] = [];
  for (let r = 0; r < header.records; r++) {
    let at = header.headerLength + r * header.recordLength + 1; // after the deletion flag
    const entries: [string, unknown][] = [];
    for (const f of fields) {
      const raw = text(dbf.subarray(at, at + f.length));
      at += f.length;
      let value: unknown = raw;
      if (f.type === 'N' || f.type === 'F' || f.type === 'O') value = parseFloat(raw);
      else if (f.type === 'D') value = new Date(Number(raw.slice(0, 4)), parseInt(raw.slice(4, 6), 10) - 1, Number(raw.slice(6, 8)));
      else if (f.type === 'L') value = raw.toLowerCase() === 'y' || raw.toLowerCase() === 't';
      entries.push([f.name, value]);
    }
    rows.push(Object.fromEntries(entries));
  }
  return rows;
}

/** Parses a zipped Shapefile. Errors start with the file name: "plans.zip: a.dbf is truncated …". */
export function parseShapefileZip(fileName: string, bytes: Uint8Array, entries: readonly ZipEntry[]): Step<ParsedShapefile> | LocalizedFailure {
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
  // The feature limit from the headers, before anything is inflated in full or parsed: a 9 MB zip
  // of 3.5 million point records is refused in milliseconds.
  const heads = readZipHeads(bytes, new Map([[names['.dbf']!, 32], ...(names['.shx'] ? [[names['.shx'], 100] as [string, number]] : [])]));
  const counts = headerCounts(heads.get(names['.dbf']!), names['.shx'] ? heads.get(names['.shx']) : undefined);
  const over = counts.dbf !== null && counts.dbf > MAX_FEATURES ? { part: names['.dbf']!, n: counts.dbf } : counts.shx !== null && counts.shx > MAX_FEATURES ? { part: names['.shx']!, n: counts.shx } : null;
  if (over !== null) return failWith('importLimit.shpRecords', { file: fileName, part: over.part, n: formatCount(over.n), max: formatCount(MAX_FEATURES) });
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
  if (header.value.records > MAX_FEATURES) {
    return failWith('importLimit.shpRecords', { file: fileName, part: names['.dbf']!, n: formatCount(header.value.records), max: formatCount(MAX_FEATURES) });
  }
  const bad = shpRecordProblem(shp);
  if (bad === 'tooMany') return failWith('importLimit.shpRecords', { file: fileName, part: names['.shp']!, n: `> ${formatCount(MAX_FEATURES)}`, max: formatCount(MAX_FEATURES) });
  if (bad !== null && 'vertices' in bad) {
    return bad.vertices === 'feature'
      ? failWith('importLimit.featureVertices', { file: fileName, feature: { feature: bad.record - 1 }, max: formatCount(MAX_FEATURE_VERTICES) })
      : failWith('importLimit.totalVertices', { file: fileName, max: formatCount(MAX_TOTAL_VERTICES) });
  }
  if (bad !== null) return failWith('importBad.shpRecord', { file: fileName, part: names['.shp']!, record: bad.record, feature: { feature: bad.record - 1 }, detail: bad.detail });
  const i18n: LocalizedMessage[] = [];

  const prjBytes = member('.prj');
  const cpgBytes = member('.cpg');
  const prj = prjBytes === null ? null : new TextDecoder('utf-8').decode(prjBytes);
  const cpg = cpgBytes === null ? null : new TextDecoder('utf-8').decode(cpgBytes);
  const choice = encodingForCpg(cpg, names['.cpg'] ?? '.cpg');
  let encoding = choice.label;
  if (choice.warning !== null) warnings.push(`${fileName}: ${choice.warning}`);
  // A dBASE table stores text in fixed single-byte fields: UTF-16/32 cannot be in it, and decoding
  // the bytes pairwise garbles every value. Said so, and read as if there were no .cpg.
  const wide = /^utf-?(16|32)/i.test(choice.label);
  if (wide) {
    const m = localized('importBad.cpgWide', { file: fileName, cpg: names['.cpg']!, encoding: (cpg ?? '').trim().slice(0, 20), used: isValidUtf8(dbf.subarray(header.value.headerLength)) ? 'UTF-8' : 'Windows-1258' });
    warnings.push(m.text);
    i18n.push(m);
    encoding = 'utf-8';
  }
  if ((cpg === null || wide) && !isValidUtf8(dbf.subarray(header.value.headerLength))) {
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
    records = readDbfRecords(dbf, encoding, header.value);
  } catch (e) {
    return fail(`${fileName}: ${names['.dbf']} could not be read (${errorText(e)})`);
  }
  if (geometries.length !== records.length) {
    return fail(`${fileName}: ${names['.shp']} has ${geometries.length} shapes but ${names['.dbf']} has ${records.length} records`);
  }
  const features: AnyFeature[] = geometries.map((g, i) => {
    // fromEntries defines each name as data: a field called "__proto__" or "constructor" stays a field.
    const properties: Record<string, unknown> = Object.fromEntries(Object.entries(records[i] ?? {}).map(([k, v]) => [normaliseText(k), cleanValue(v)]));
    // shpjs adds a bbox to each geometry; it is not needed and would be in the wrong CRS later.
    const geometry = g === null ? null : (({ bbox: _b, ...rest }) => rest as Geometry)(g as Geometry & { bbox?: unknown });
    return { type: 'Feature', properties, geometry };
  });
  const fields = new Set(features.flatMap((f) => Object.keys(f.properties ?? {})));
  for (const field of fields) {
    const w = legacyEncodingWarning(field, features.map((f) => f.properties?.[field]));
    if (w !== null) warnings.push(`${fileName}: ${w}`);
  }
  return ok({ collection: { type: 'FeatureCollection', features }, prj, encoding, warnings, i18n });
}
