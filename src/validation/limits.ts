// Limits on what one input may hold, shared by every entry point: the import (CLI and browser
// worker), the checker and the coverage CLI. They are checked before or while reading — from the
// file size, a streaming scan of JSON/XML text (src/validation/scan.ts), a Shapefile's headers —
// never after the whole input has been turned into objects, so a hostile file is refused in time
// and memory proportional to how far it had to be read, and a normal run stays well under 1 GB.
// docs/import.md lists them and why.

const MB = 1024 * 1024;

/** A file larger than this is refused before it is read (GeoJSON, KML, a zip, or one checked file). */
export const MAX_FILE_BYTES = 100 * MB;
/** Features in one file: beyond this the map and the coverage engine would crawl. */
export const MAX_FEATURES = 50_000;
/** Positions (vertices) of one feature: a 1,000,000-vertex polygon is accepted and checked in seconds. */
export const MAX_FEATURE_VERTICES = 2_000_000;
/** Positions of the whole file (the 95 MB benchmark register has 4.1 million). */
export const MAX_TOTAL_VERTICES = 5_000_000;
/** Top-level properties of one feature (dBASE allows 255 fields). */
export const MAX_PROPERTIES = 1_000;
/** Distinct property names offered for field mapping (the rest are still imported). */
export const MAX_FIELDS = 1_000;
/** Nesting of JSON arrays/objects or XML elements: GeoJSON needs about 8. */
export const MAX_DEPTH = 32;
/** JSON arrays and objects in one file, or XML elements: bounds the memory of parsing (~60 bytes each). */
export const MAX_CONTAINERS = 6_000_000;
/** Problems listed per file by the CLIs (the rest are counted); problems kept per feature. */
export const MAX_LISTED_PROBLEMS = 200;
export const MAX_PROBLEMS_PER_FEATURE = 10;

export interface InputLimits {
  maxFeatures: number;
  maxFeatureVertices: number;
  maxTotalVertices: number;
  maxProperties: number;
  maxDepth: number;
  maxContainers: number;
}

export const INPUT_LIMITS: Readonly<InputLimits> = {
  maxFeatures: MAX_FEATURES,
  maxFeatureVertices: MAX_FEATURE_VERTICES,
  maxTotalVertices: MAX_TOTAL_VERTICES,
  maxProperties: MAX_PROPERTIES,
  maxDepth: MAX_DEPTH,
  maxContainers: MAX_CONTAINERS,
};

/** "100 MB" (binary megabytes, as the limits are defined). */
export function formatMb(bytes: number): string {
  if (bytes < MB) return `${Math.ceil(bytes / 1024)} KB`; // only with the small limits of tests
  const mb = bytes / MB;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** 3500000 → "3,500,000": counts in messages. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
