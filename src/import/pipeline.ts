// One file in, one answer out: detect → (unzip) → parse → CRS → reproject → (map fields) →
// (repair/skip) → validate. Pure and synchronous, so the UI can run it in a Web Worker and post
// the result back (plain data: structured-clone safe), and the CLI runs exactly the same code.
// It never throws and never looks at anything already loaded: the UI decides what to do with it.
import type { FeatureCollection, Geometry } from 'geojson';
import { detectKind } from './detect.ts';
import { listZip, extensionOf, isJunkEntry } from './zip.ts';
import { parseGeoJsonBytes } from './geojson.ts';
import { parseKmlBytes, parseKmz } from './kml.ts';
import { parseShapefileZip, shpMembers } from './shapefile.ts';
import { parseDxfBytes } from './dxf.ts';
import { parseGeoPackage, type SqliteModule } from './gpkg.ts';
import { localized, type LocalizedMessage } from './format-messages.ts';
import { crsDef, crsFromWkt, guessCrsFromExtent, normaliseCrsCode, wktStart, type Extent } from './crs.ts';
import { extent as bboxOf } from '../geo/extent.ts';
import { previewPlacement, reprojectCollection, type Placement } from './reproject.ts';
import { applyMapping, fieldsUpTo, guessMapping, type FieldMapping } from './fields.ts';
import { invalidFeatureIndexes, validateImported } from './validate.ts';
import { dropFeatures, repairFeatures, rewindCollection, type RepairAction } from './repair.ts';
import { MAX_FEATURES, MAX_FIELDS, MAX_INPUT_BYTES, formatCount } from './limits.ts';
import { featureCountFailure, sizeFailure } from './limit-messages.ts';
import { localizeFailure } from './failure-messages.ts';
import { featureProblem, type Problem } from '../validation/types.ts';
import type { AnyCollection, Bbox, CrsChoice, ImportRole, ProgressCallback, XmlParser } from './types.ts';
import { displayName, errorText } from './types.ts';

export interface ImportInput {
  /** The file's name (a path is fine: messages use its base name). */
  name: string;
  /** The file's content (File.arrayBuffer() in the browser, readFile in Node). */
  bytes: ArrayBuffer | Uint8Array;
}

export interface ImportOptions {
  /** The user's CRS ("EPSG:9214", "9214", …); overrides .prj, crs member and guesses. */
  crs?: string;
  /** Needed for KML/KMZ: `new DOMParser()` in the browser, @xmldom/xmldom in Node (see node-xml.ts). */
  xmlParser?: XmlParser;
  /** Which rules apply: 'plans' (mapped to the plan schema), 'units', or 'overlay' (default). */
  role?: ImportRole;
  /** For role 'plans': overrides of the guessed field mapping (null = no such field). */
  mapping?: Partial<FieldMapping>;
  /** Repair invalid polygons (close rings, drop repeats, split bow-ties, rewind). */
  repair?: boolean;
  /** Leave out features that are still invalid (after repair, if asked). */
  skipInvalid?: boolean;
  /** Parsed district outline for the extent rule and the placement preview. */
  district?: unknown;
  onProgress?: ProgressCallback;
  /** GeoPackage: the feature table to read (default: the first, with a warning when there are several). */
  layer?: string;
  /** Needed for GeoPackages: the sql.js module (sqlite-node.ts in Node, sqlite-browser.ts in the worker). */
  sqlite?: SqliteModule;
}

export type SourceKind = 'geojson' | 'shapefile' | 'kml' | 'kmz' | 'dxf' | 'geopackage';

export interface ImportSuccess {
  ok: true;
  fileName: string;
  kind: SourceKind;
  crs: CrsChoice;
  /** In WGS 84 lon/lat; with role 'plans', already in the plan schema. */
  collection: FeatureCollection<Geometry | null, Record<string, unknown> | null>;
  /** The parsed features in the file's own CRS, when that is not WGS 84 (for the UI's "compare" view). */
  sourceCollection?: FeatureCollection<Geometry | null, Record<string, unknown> | null>;
  /** Whole-file remarks, each a full line naming the file. */
  warnings: string[];
  /** The checker's problems; featureIndex refers to `collection` (after any skipped features). */
  problems: Problem[];
  bboxWgs84: Bbox | null;
  placement: Placement;
  /** Attribute names of the source features, for the UI's mapping dialog. */
  fields: string[];
  /** Role 'plans' only: the mapping used (guess + overrides). */
  mapping?: FieldMapping;
  /** Repairs and omissions, indexed in the file's feature order. */
  repairs: RepairAction[];
  /** Shapefiles: the TextDecoder label the attributes were read with. */
  encoding?: string;
  /** GeoPackages: every feature table (for the UI's table choice) and the one read. */
  layers?: string[];
  layer?: string;
  /** Messages among `warnings` (by their text) that the UI can show in its language. */
  i18n?: LocalizedMessage[];
}

export interface ImportFailure {
  ok: false;
  fileName: string;
  error: string;
  /** True when the only obstacle is an unknown CRS: call again with `crs`. */
  needsCrs?: boolean;
  /** The error (by its text) in a form the UI can show in its language. */
  i18n?: LocalizedMessage[];
  /** GeoPackages: every feature table, so that another can be chosen. */
  layers?: string[];
}

export type ImportResult = ImportSuccess | ImportFailure;

interface Parsed {
  kind: SourceKind;
  collection: AnyCollection;
  /** Declared CRS: from .prj / crs member / KML. null = none declared. */
  declared: { code: string; source: 'prj' | 'geojson' | 'kml' | 'gpkg' } | null;
  /** A declared CRS that could not be understood (unsupported .prj): an error unless the user chose. */
  declaredError: string | null;
  warnings: string[];
  encoding?: string;
  /** DXF and GeoPackage: localized forms of some warnings / of declaredError. */
  i18n?: LocalizedMessage[];
  layers?: string[];
  layer?: string;
}

type ParseOutcome = { ok: true; value: Parsed } | ImportFailure;

function failure(fileName: string, error: string, needsCrs = false): ImportFailure {
  const out: ImportFailure = needsCrs ? { ok: false, fileName, error, needsCrs } : { ok: false, fileName, error };
  // The older English refusals get their catalog key too, so the panel shows every one in the UI language.
  const i18n = localizeFailure(error);
  if (i18n !== null) out.i18n = [i18n];
  return out;
}

/** A failure carrying its localized message, when the step that failed had one. */
function localizedFailure(file: string, f: { error: string; i18n?: LocalizedMessage; needsCrs?: boolean }, layers?: string[]): ImportFailure {
  const out = failure(file, f.error, f.needsCrs === true);
  if (f.i18n !== undefined) out.i18n = [f.i18n];
  if (layers !== undefined) out.layers = layers;
  return out;
}

function parseInput(file: string, bytes: Uint8Array, options: ImportOptions): ParseOutcome {
  const detected = detectKind(file, bytes);
  if (!detected.ok) return localizedFailure(file, detected);
  const needXml = (): XmlParser | null => options.xmlParser ?? null;
  switch (detected.value) {
    case 'dxf': {
      const r = parseDxfBytes(file, bytes);
      if (!r.ok) return localizedFailure(file, r);
      const { collection, messages, warnings } = r.value;
      return { ok: true, value: { kind: 'dxf', collection, declared: null, declaredError: null, warnings: [...messages.map((m) => m.text), ...warnings], i18n: messages } };
    }
    case 'gpkg': {
      if (options.sqlite === undefined) return failure(file, `${file}: GeoPackage needs SQLite (internal: sqlite option missing)`);
      const r = parseGeoPackage(file, bytes, options.sqlite, options.layer);
      if (!r.ok) return localizedFailure(file, r);
      const g = r.value;
      const i18n = [...g.messages, ...(g.declaredError === null ? [] : [g.declaredError.i18n])];
      return {
        ok: true,
        value: {
          kind: 'geopackage', collection: g.collection, declared: g.declared === null ? null : { code: g.declared, source: 'gpkg' },
          declaredError: g.declaredError?.error ?? null, warnings: [...g.messages.map((m) => m.text), ...g.warnings], i18n, layers: g.tables, layer: g.table,
        },
      };
    }
    case 'geojson': {
      const r = parseGeoJsonBytes(file, bytes);
      if (!r.ok) return localizedFailure(file, r);
      const declared = r.value.crs === null ? null : { code: r.value.crs, source: 'geojson' as const };
      return { ok: true, value: { kind: 'geojson', collection: r.value.collection, declared, declaredError: null, warnings: r.value.warnings } };
    }
    case 'kml': {
      const xml = needXml();
      if (xml === null) return failure(file, `${file}: KML needs an XML parser (internal: xmlParser option missing)`);
      const r = parseKmlBytes(file, bytes, xml);
      if (!r.ok) return localizedFailure(file, r);
      return { ok: true, value: { kind: 'kml', collection: r.value.collection, declared: { code: 'EPSG:4326', source: 'kml' }, declaredError: null, warnings: r.value.warnings } };
    }
    case 'kmz':
    case 'zip': {
      options.onProgress?.(0, 'unzip');
      const listed = listZip(file, bytes);
      if (!listed.ok) return localizedFailure(file, listed);
      const entries = listed.value;
      const hasKml = entries.some((e) => !isJunkEntry(e.name) && extensionOf(e.name) === '.kml');
      if (detected.value === 'kmz' || (shpMembers(entries).length === 0 && hasKml)) {
        const xml = needXml();
        if (xml === null) return failure(file, `${file}: KMZ needs an XML parser (internal: xmlParser option missing)`);
        const r = parseKmz(file, bytes, xml);
        options.onProgress?.(1, 'unzip');
        if (!r.ok) return localizedFailure(file, r);
        return { ok: true, value: { kind: 'kmz', collection: r.value.collection, declared: { code: 'EPSG:4326', source: 'kml' }, declaredError: null, warnings: r.value.warnings } };
      }
      const r = parseShapefileZip(file, bytes, entries);
      options.onProgress?.(1, 'unzip');
      if (!r.ok) return localizedFailure(file, r);
      let declared: Parsed['declared'] = null;
      let declaredError: string | null = null;
      const i18n: LocalizedMessage[] = [...(r.value.i18n ?? [])];
      if (r.value.prj !== null) {
        const start = wktStart(r.value.prj);
        if (start !== null) {
          // Garbage in the .prj: said so, in the UI language too.
          const m = localized('importBad.prjNotWkt', { file, start });
          declaredError = m.text;
          i18n.push(m);
        } else {
          const c = crsFromWkt(r.value.prj);
          if (c.ok) declared = { code: c.value, source: 'prj' };
          else declaredError = `${file}: ${c.error}`;
        }
      }
      return { ok: true, value: { kind: 'shapefile', collection: r.value.collection, declared, declaredError, warnings: r.value.warnings, encoding: r.value.encoding, i18n } };
    }
  }
}

function describeExtent(e: Extent): string {
  const r = (n: number): string => String(Math.round(n));
  return `x ${r(e.minX)}…${r(e.maxX)}, y ${r(e.minY)}…${r(e.maxY)}`;
}

type CrsOutcome = { ok: true; choice: CrsChoice; warnings: LocalizedMessage[] } | ImportFailure;

function chooseCrs(file: string, parsed: Parsed, options: ImportOptions): CrsOutcome {
  const b = bboxOf(parsed.collection.features.map((f) => f?.geometry));
  const extent: Extent | null = b && { minX: b[0], minY: b[1], maxX: b[2], maxY: b[3] };
  const guess = guessCrsFromExtent(extent);
  const warnings: LocalizedMessage[] = [];
  if (options.crs !== undefined) {
    const code = normaliseCrsCode(options.crs);
    if (code === null) return failure(file, `${file}: unsupported CRS ${JSON.stringify(options.crs.slice(0, 60))} given`);
    if (parsed.declared !== null && parsed.declared.code !== code) {
      warnings.push(localized('importWarn.crsOverride', { file, a: parsed.declared.code, b: code }));
    }
    return { ok: true, choice: { code, source: 'user', needsConfirmation: false }, warnings };
  }
  if (parsed.declaredError !== null) {
    const f = failure(file, parsed.declaredError, true);
    const localizedError = parsed.i18n?.find((m) => m.text === parsed.declaredError);
    if (localizedError !== undefined) f.i18n = [localizedError];
    if (parsed.layers !== undefined) f.layers = parsed.layers;
    return f;
  }
  if (parsed.declared !== null) {
    const def = crsDef(parsed.declared.code);
    // A declared CRS that contradicts the numbers is the commonest mistake (a wrong .prj copied over).
    if (def?.kind === 'geographic' && guess.kind.startsWith('metric')) {
      warnings.push(localized('importWarn.crsDegreesButMetric', { file, a: parsed.declared.code, b: describeExtent(extent!) }));
    } else if (def?.kind === 'projected' && guess.kind === 'geographic') {
      warnings.push(localized('importWarn.crsMetresButDegrees', { file, a: parsed.declared.code }));
    }
    return { ok: true, choice: { code: parsed.declared.code, source: parsed.declared.source, needsConfirmation: false }, warnings };
  }
  switch (guess.kind) {
    case 'empty':
    case 'geographic':
      if (parsed.kind === 'shapefile') warnings.push(localized('importWarn.noPrj', { file }));
      // RFC 7946: GeoJSON without a crs member is WGS 84.
      return { ok: true, choice: { code: 'EPSG:4326', source: parsed.kind === 'geojson' ? 'geojson' : 'guess', needsConfirmation: false }, warnings };
    case 'metric-near-viet-yen':
      warnings.push(localized('importWarn.assumedMetric', { file, a: describeExtent(extent!), b: guess.suggested }));
      return { ok: true, choice: { code: guess.suggested, source: 'guess', needsConfirmation: true }, warnings };
    case 'metric-elsewhere':
      return failure(
        file,
        `${file}: coordinates are not longitude/latitude (${describeExtent(extent!)}) and the file names no CRS; choose one (e.g. EPSG:9214, VN-2000 / TM-3 107°)`,
        true,
      );
  }
}

function run(input: ImportInput, options: ImportOptions): ImportResult {
  const file = displayName(input.name);
  const bytes = input.bytes instanceof Uint8Array ? input.bytes : new Uint8Array(input.bytes);
  const progress = options.onProgress;
  if (bytes.length > MAX_INPUT_BYTES) {
    // Callers check the size before reading the file (the CLI's stat, the panel's File.size); this is the backstop.
    return localizedFailure(file, sizeFailure(file, bytes.length, MAX_INPUT_BYTES));
  }
  progress?.(0, 'parse');
  const parsedOutcome = parseInput(file, bytes, options);
  if (!parsedOutcome.ok) return parsedOutcome;
  const parsed = parsedOutcome.value;
  progress?.(1, 'parse');
  if (parsed.collection.features.length > MAX_FEATURES) {
    // GeoJSON, KML and Shapefiles are counted before parsing; this catches the other readers.
    return localizedFailure(file, featureCountFailure(file, parsed.collection.features.length, MAX_FEATURES));
  }
  const crs = chooseCrs(file, parsed, options);
  if (!crs.ok) return parsed.layers === undefined || crs.layers !== undefined ? crs : { ...crs, layers: parsed.layers };
  const warnings = [...parsed.warnings, ...crs.warnings.map((m) => m.text)];
  const i18n: LocalizedMessage[] = [...(parsed.i18n ?? []), ...crs.warnings];

  progress?.(0, 'reproject');
  const reprojected = reprojectCollection(parsed.collection, crs.choice.code, {
    fileName: file,
    ...(progress === undefined ? {} : { onProgress: (f: number) => progress(f, 'reproject') }),
  });
  const conversionProblems: Problem[] = reprojected.failures.map((f) => featureProblem(f.index, f.id, f.message));
  progress?.(1, 'reproject');

  progress?.(0, 'validate');
  const role = options.role ?? 'overlay';
  const named = fieldsUpTo(parsed.collection, MAX_FIELDS);
  const fields = named.fields;
  if (named.more) {
    const m = localized('importLimit.fields', { file, n: `> ${formatCount(MAX_FIELDS)}`, max: formatCount(MAX_FIELDS) });
    warnings.push(m.text);
    i18n.push(m);
  }
  // Shapefile, KML and pre-RFC 7946 GeoJSON (one with a crs member) follow other winding rules.
  const foreignWinding = parsed.kind !== 'geojson' || parsed.declared?.source === 'geojson';
  let collection = foreignWinding ? rewindCollection(reprojected.collection) : reprojected.collection;
  let mapping: FieldMapping | undefined;
  if (role === 'plans') {
    mapping = { ...guessMapping(fields), ...options.mapping };
    collection = applyMapping(collection, mapping, { fileName: file });
  }
  const validateOptions = { fileName: file, ...(options.district === undefined ? {} : { district: options.district }) };
  const withConversion = (problems: Problem[]): Problem[] =>
    [...conversionProblems, ...problems].sort((a, b) => (a.featureIndex ?? Infinity) - (b.featureIndex ?? Infinity));
  let problems = withConversion(validateImported(collection, role, validateOptions));
  const repairs: RepairAction[] = [];
  if (options.repair === true) {
    const fixed = repairFeatures(collection, invalidFeatureIndexes(problems));
    collection = fixed.collection;
    repairs.push(...fixed.actions);
    problems = withConversion(validateImported(collection, role, validateOptions));
  }
  if (options.skipInvalid === true) {
    const invalid = invalidFeatureIndexes(problems);
    if (invalid.size > 0) {
      const dropped = dropFeatures(collection, invalid);
      collection = dropped.collection;
      repairs.push(...dropped.actions);
      problems = collection.features.length === 0 ? [] : validateImported(collection, role, validateOptions);
      if (collection.features.length === 0) {
        const m = localized('importWarn.allInvalid', { file });
        warnings.push(m.text);
        i18n.push(m);
      }
    }
  }
  progress?.(1, 'validate');

  const placement = previewPlacement(collection, options.district);
  const result: ImportSuccess = {
    ok: true,
    fileName: file,
    kind: parsed.kind,
    crs: crs.choice,
    collection,
    warnings,
    problems,
    bboxWgs84: placement.bbox,
    placement,
    fields,
    repairs,
  };
  if (crs.choice.code !== 'EPSG:4326') result.sourceCollection = parsed.collection;
  if (mapping !== undefined) result.mapping = mapping;
  if (parsed.encoding !== undefined) result.encoding = parsed.encoding;
  if (parsed.layers !== undefined) result.layers = parsed.layers;
  if (parsed.layer !== undefined) result.layer = parsed.layer;
  // The readers' older English warnings get their catalog key too (failure-messages.ts).
  for (const w of warnings) {
    if (i18n.some((m) => m.text === w)) continue;
    const m = localizeFailure(w);
    if (m !== null) i18n.push(m);
  }
  if (i18n.length > 0) result.i18n = i18n;
  return result;
}

/**
 * Imports one file. Never throws: every failure is `{ ok: false, error }` with a message that names
 * the file ("plans.zip: member a.shp expands beyond 100 MB (limit)").
 */
export function importFile(input: ImportInput, options: ImportOptions = {}): ImportResult {
  const file = displayName(typeof input?.name === 'string' ? input.name : 'file');
  try {
    return run(input, options);
  } catch (e) {
    // Reaching this is a bug of the import, not of the data; the tests assert it never happens.
    return failure(file, `${file}: internal import error: ${errorText(e)}`);
  }
}
