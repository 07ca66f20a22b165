// GeoJSON text → FeatureCollection in the file's own coordinates, plus its CRS if it names one.
// Accepts a FeatureCollection, a single Feature or a bare geometry (wrapped), since tools export all three.
import { binaryProblem, decodeGeoJsonBytes } from '../validation/input.ts';
import { scanJson } from '../validation/scan.ts';
import { scanFailure } from './limit-messages.ts';
import type { LocalizedFailure } from './format-messages.ts';
import { crsFromGeoJsonMember } from './crs.ts';
import type { AnyCollection, AnyFeature, Step } from './types.ts';
import { fail, isRecord, ok } from './types.ts';

const GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'];

export interface ParsedGeoJson {
  collection: AnyCollection;
  /** From the `crs` member; null when the file names none (RFC 7946: WGS 84, but checked by range). */
  crs: string | null;
  warnings: string[];
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/** JSON.parse's message with "line L, column C" when the engine tells the position (V8 does). */
export function describeJsonError(text: string, e: unknown): string {
  const full = e instanceof Error ? e.message : String(e);
  const message = full.split('\n')[0]!.slice(0, 160);
  const position = /at position (\d+)/.exec(message)?.[1];
  const lineCol = /line (\d+) column (\d+)/.exec(message); // Firefox's wording
  if (position !== undefined) {
    const { line, column } = lineColumn(text, Number(position));
    const why = message.replace(/\s*(in JSON )?at position \d+.*$/, '');
    return `is not valid JSON: ${why} at line ${line}, column ${column}`;
  }
  if (lineCol !== null) return `is not valid JSON: ${message}`;
  const at = positionFromSnippet(text, full);
  if (at !== null) {
    const { line, column } = lineColumn(text, at);
    const why = full.replace(/, (\.\.\.)?"[\s\S]*$/, '');
    return `is not valid JSON: ${why} at line ${line}, column ${column}`;
  }
  return `is not valid JSON: ${message}`;
}

/**
 * V8 (Node 20, Chrome) often gives no position, only a snippet around the bad token:
 * `Unexpected token ',', ..."tures": [ , ]"... is not valid JSON`. The snippet is located in the
 * text; when cut at its start ("..."), the bad token is its 11th character.
 */
function positionFromSnippet(text: string, message: string): number | null {
  if (/Unexpected end of JSON input/.test(message)) return text.length;
  const m = /^Unexpected token '(.+?)', (\.\.\.)?"([\s\S]*?)"(\.\.\.)? is not valid JSON/.exec(message);
  if (m === null) return null;
  const [, token, cutStart, snippet] = m as unknown as [string, string, string | undefined, string];
  const at = text.indexOf(snippet);
  if (at < 0) return null;
  const inSnippet = cutStart !== undefined ? 10 : snippet.indexOf(token);
  return inSnippet < 0 ? null : at + inSnippet;
}

function wrapFeature(f: Record<string, unknown>): AnyFeature {
  return f as unknown as AnyFeature;
}

/**
 * Parses the bytes of a .geojson/.json file. Errors start with the file name. The limits (features,
 * positions, properties, nesting) are checked by a streaming scan of the bytes before anything is
 * decoded or parsed; a refusal carries its localized message.
 */
export function parseGeoJsonBytes(fileName: string, bytes: Uint8Array): Step<ParsedGeoJson> | LocalizedFailure {
  const binary = binaryProblem(bytes);
  if (binary !== null) return fail(`${fileName}: ${binary.message}`);
  const scan = scanJson(bytes);
  if (!scan.ok) return scanFailure(fileName, scan);
  const decoded = decodeGeoJsonBytes(bytes);
  if (!decoded.ok) return fail(`${fileName}: ${decoded.problem.message}`);
  const text = decoded.value.charCodeAt(0) === 0xfeff ? decoded.value.slice(1) : decoded.value;
  if (text.trim() === '') return fail(`${fileName}: is empty`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return fail(`${fileName}: ${describeJsonError(text, e)}`);
  }
  if (!isRecord(value)) return fail(`${fileName}: top level is not a JSON object, expected GeoJSON`);
  const warnings: string[] = [];
  let collection: AnyCollection;
  if (value.type === 'FeatureCollection') {
    if (!Array.isArray(value.features)) return fail(`${fileName}: "features" is not an array`);
    collection = value as unknown as AnyCollection;
  } else if (value.type === 'Feature') {
    collection = { type: 'FeatureCollection', features: [wrapFeature(value)] };
    warnings.push(`${fileName}: a single Feature, not a FeatureCollection: imported as a collection of one`);
  } else if (typeof value.type === 'string' && GEOMETRY_TYPES.includes(value.type)) {
    const { crs: _crs, ...geometry } = value;
    collection = { type: 'FeatureCollection', features: [wrapFeature({ type: 'Feature', properties: {}, geometry })] };
    warnings.push(`${fileName}: a bare ${value.type}, not a FeatureCollection: imported as one feature without properties`);
  } else {
    const type = typeof value.type === 'string' ? JSON.stringify(value.type.slice(0, 40)) : 'missing';
    return fail(`${fileName}: GeoJSON "type" is ${type}; expected FeatureCollection, Feature or a geometry`);
  }
  if (collection.features.length === 0) return fail(`${fileName}: has no features`);
  const crs = crsFromGeoJsonMember(value.crs);
  if (crs !== null && !crs.ok) return fail(`${fileName}: ${crs.error}`);
  // Features may be anything in a hostile file; the checker reports what is wrong with each.
  const features = collection.features.map((f) => (isRecord(f) ? f : (f as unknown as AnyFeature)));
  const { crs: _dropped, ...rest } = collection as AnyCollection & { crs?: unknown };
  return ok({ collection: { ...rest, features }, crs: crs === null ? null : crs.value, warnings });
}
