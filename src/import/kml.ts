// KML and KMZ → FeatureCollection with @tmcw/togeojson. The XML parser is injected (the browser's
// DOMParser, @xmldom/xmldom in Node) so this module runs in a Web Worker-free bundle and in the CLI.
// KML coordinates are WGS 84 lon/lat by definition (OGC KML 2.2 §6.2).
import { kml } from '@tmcw/togeojson';
import { readZipMembers, extensionOf, isJunkEntry, isUnsafePath, listZip } from './zip.ts';
import type { AnyCollection, Step, XmlParser } from './types.ts';
import { errorText, fail, ok } from './types.ts';
import { normaliseText } from './encoding.ts';
import { scanXml } from '../validation/scan-xml.ts';
import { scanFailure } from './limit-messages.ts';
import type { LocalizedFailure } from './format-messages.ts';

export interface ParsedKml {
  collection: AnyCollection;
  warnings: string[];
}

type KmlDocument = Parameters<typeof kml>[0];

/** Whether a parsed document is the browser's "parsererror" document rather than real XML. */
function parserError(doc: unknown): string | null {
  const d = doc as { getElementsByTagName?: (n: string) => ArrayLike<{ textContent: string | null }>; documentElement?: { nodeName?: string } | null };
  if (typeof d?.getElementsByTagName !== 'function' || !d.documentElement) return 'not an XML document';
  const errors = d.getElementsByTagName('parsererror');
  if (errors.length > 0) return (errors[0]!.textContent ?? 'XML syntax error').split('\n')[0]!.slice(0, 120);
  return null;
}

/** Parses KML text. `fileName` is how messages name it ("plans.kmz: doc.kml" for a KMZ member). */
export function parseKmlText(fileName: string, text: string, xmlParser: XmlParser): Step<ParsedKml> {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return fail(`${fileName}: is empty`);
  let doc: unknown;
  try {
    doc = xmlParser.parseFromString(body, 'text/xml');
  } catch (e) {
    // xmldom wraps the reason: 'Reporting error "…" caused Error: <reason>'.
    const why = errorText(e).replace(/^Reporting error .* caused (?:\w*Error: )?/, '');
    return fail(`${fileName}: is not well-formed XML (${why})`);
  }
  const bad = parserError(doc);
  if (bad !== null) return fail(`${fileName}: is not well-formed XML (${bad})`);
  const root = (doc as { documentElement: { nodeName: string } }).documentElement.nodeName;
  if (!/(^|:)kml$/i.test(root)) return fail(`${fileName}: is XML but not KML (root element <${root.slice(0, 40)}>)`);
  let collection: AnyCollection;
  try {
    collection = kml(doc as KmlDocument) as AnyCollection;
  } catch (e) {
    return fail(`${fileName}: KML could not be converted (${errorText(e)})`);
  }
  if (collection.features.length === 0) return fail(`${fileName}: has no placemarks (no features to import)`);
  for (const f of collection.features) {
    if (f.properties === null) continue;
    // Values as text: togeojson gives a CDATA description as {"@type": "html", value} and a
    // TimeSpan as {begin, end}, which would show as "[object Object]".
    f.properties = Object.fromEntries(Object.entries(f.properties).map(([k, v]) => [k, kmlValue(v)]));
  }
  const warnings: string[] = [];
  const empty = collection.features.filter((f) => f.geometry === null).length;
  if (empty > 0) warnings.push(`${fileName}: ${empty} placemark(s) without geometry`);
  return ok({ collection, warnings });
}

/** A KML property value as plain data: text normalised, togeojson's wrapper objects unwrapped. */
function kmlValue(v: unknown): unknown {
  if (typeof v === 'string') return normaliseText(v);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Record<string, unknown>;
  if (typeof o.value === 'string' && '@type' in o) return normaliseText(o.value);
  if ('begin' in o || 'end' in o) return [o.begin, o.end].filter((x) => typeof x === 'string' && x !== '').join(' – ');
  return v;
}

export function parseKmlBytes(fileName: string, bytes: Uint8Array, xmlParser: XmlParser): Step<ParsedKml> | LocalizedFailure {
  // Limits (elements, depth, placemarks, coordinates, fields) before any DOM is built.
  const scan = scanXml(bytes);
  if (!scan.ok) return scanFailure(fileName, scan);
  let text: string;
  try {
    // KML is XML, UTF-8 unless declared otherwise; a declared encoding other than UTF-8 is rare.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(`${fileName}: is not UTF-8 text (KML must be UTF-8)`);
  }
  return parseKmlText(fileName, text, xmlParser);
}

/** KMZ: the zip's doc.kml, else its first .kml (nested overlays and images are ignored). */
export function parseKmz(fileName: string, bytes: Uint8Array, xmlParser: XmlParser): Step<ParsedKml> | LocalizedFailure {
  const listed = listZip(fileName, bytes);
  if (!listed.ok) return listed;
  const kmls = listed.value
    .map((e) => e.name)
    .filter((n) => !isJunkEntry(n) && extensionOf(n) === '.kml');
  const safe = kmls.filter((n) => !isUnsafePath(n));
  const warnings = kmls
    .filter((n) => isUnsafePath(n))
    .map((n) => `${fileName}: member ${JSON.stringify(n)} ignored: its path leaves the archive ("..", or absolute)`);
  const chosen = safe.find((n) => n.toLowerCase() === 'doc.kml') ?? safe[0];
  if (chosen === undefined) {
    const ignored = kmls.length > 0 ? ` (ignored, unsafe paths: ${kmls.map((n) => JSON.stringify(n)).join(', ')})` : '';
    return fail(`${fileName}: contains no .kml document${ignored}`);
  }
  const read = readZipMembers(fileName, bytes, (n) => n === chosen);
  if (!read.ok) return read;
  const member = read.value.members.get(chosen);
  if (member === undefined) return fail(`${fileName}: ${chosen} could not be read`);
  const parsed = parseKmlBytes(`${fileName}: ${chosen}`, member, xmlParser);
  if (!parsed.ok) return parsed;
  if (safe.length > 1) warnings.push(`${fileName}: ${safe.length} .kml documents; only ${chosen} was read`);
  return ok({ collection: parsed.value.collection, warnings: [...warnings, ...read.value.warnings, ...parsed.value.warnings] });
}
