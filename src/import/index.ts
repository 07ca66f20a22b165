// Public API of the import core (issue 7). Everything here is pure and Worker-safe; the UI passes
// `new DOMParser()` as xmlParser, the CLI the @xmldom/xmldom parser from node-xml.ts; for GeoPackages
// both pass the sql.js module (sqlite-browser.ts in the worker, sqlite-node.ts in Node) as `sqlite`.
export { importFile, type ImportInput, type ImportOptions, type ImportResult, type ImportSuccess, type ImportFailure, type SourceKind } from './pipeline.ts';
export { detectKind, ACCEPTED_EXTENSIONS, type FileKind } from './detect.ts';
export { SUPPORTED_CRS, DEFAULT_METRIC_CRS, VN2000_TOWGS84, crsDef, crsFromWkt, normaliseCrsCode, type CrsDef } from './crs.ts';
export { toWgs84, reprojectCollection, previewPlacement, type Placement } from './reproject.ts';
export { guessMapping, applyMapping, parseLevel, parseStatus, parseDate, PLAN_FIELDS, type FieldMapping, type PlanField } from './fields.ts';
export { validateImported, formatImportProblem, invalidFeatureIndexes } from './validate.ts';
export { repairFeatures, dropFeatures, repairGeometry, type RepairAction } from './repair.ts';
export { MAX_INPUT_BYTES, MAX_ZIP_ENTRIES, MAX_ZIP_TOTAL_BYTES, MAX_ZIP_MEMBER_BYTES, MAX_FEATURES, ZIP_LIMITS } from './limits.ts';
export type { XmlParser, ImportRole, ProgressStage, ProgressCallback, CrsChoice, CrsSource, Bbox, Problem } from './types.ts';
// DXF and GeoPackage (issue 13): the readers, and the localized form of their messages.
export { parseDxfBytes, type ParsedDxf, type DxfFeatureProperties } from './dxf.ts';
export { parseGeoPackage, type ParsedGpkg, type SqliteModule } from './gpkg.ts';
export { renderMessage, varsIn, type LocalizedMessage } from './format-messages.ts';
