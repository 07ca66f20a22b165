// Public API of the import core (issue 7). Everything here is pure and Worker-safe; the UI passes
// `new DOMParser()` as xmlParser, the CLI the @xmldom/xmldom parser from node-xml.ts.
export { importFile, type ImportInput, type ImportOptions, type ImportResult, type ImportSuccess, type ImportFailure, type SourceKind } from './pipeline.ts';
export { detectKind, ACCEPTED_EXTENSIONS, type FileKind } from './detect.ts';
export { SUPPORTED_CRS, DEFAULT_METRIC_CRS, VN2000_TOWGS84, crsDef, crsFromWkt, normaliseCrsCode, type CrsDef } from './crs.ts';
export { toWgs84, reprojectCollection, previewPlacement, type Placement } from './reproject.ts';
export { guessMapping, applyMapping, parseLevel, parseStatus, parseDate, PLAN_FIELDS, type FieldMapping, type PlanField } from './fields.ts';
export { validateImported, formatImportProblem, invalidFeatureIndexes } from './validate.ts';
export { repairFeatures, dropFeatures, repairGeometry, type RepairAction } from './repair.ts';
export { MAX_INPUT_BYTES, MAX_ZIP_ENTRIES, MAX_ZIP_TOTAL_BYTES, MAX_ZIP_MEMBER_BYTES, MAX_FEATURES, ZIP_LIMITS } from './limits.ts';
export type { XmlParser, ImportRole, ProgressStage, ProgressCallback, CrsChoice, CrsSource, Bbox, Problem } from './types.ts';
