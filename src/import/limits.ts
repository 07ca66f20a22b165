// Limits of the import (issue 7). One place, so the README, the CLI and the UI state the same numbers.
// The limits every entry point shares (size, features, positions, properties, depth) live in
// src/validation/limits.ts (issue 12); the zip limits are the import's own.
import { MAX_FEATURES, MAX_FILE_BYTES, formatMb } from '../validation/limits.ts';

export { MAX_FEATURES, formatMb };
export {
  MAX_FEATURE_VERTICES, MAX_TOTAL_VERTICES, MAX_PROPERTIES, MAX_FIELDS, MAX_DEPTH, MAX_CONTAINERS, formatCount,
} from '../validation/limits.ts';

const MB = 1024 * 1024;

/** A file larger than this is refused before it is read (GeoJSON, KML, or the zip itself). */
export const MAX_INPUT_BYTES = MAX_FILE_BYTES;
/** Entries in one zip archive (files and directories, as listed in its central directory). */
export const MAX_ZIP_ENTRIES = 200;
/** Uncompressed bytes of all members read from one archive. */
export const MAX_ZIP_TOTAL_BYTES = 200 * MB;
/** Uncompressed bytes of one member. */
export const MAX_ZIP_MEMBER_BYTES = 100 * MB;

export interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
  maxMemberBytes: number;
}

export const ZIP_LIMITS: Readonly<ZipLimits> = {
  maxEntries: MAX_ZIP_ENTRIES,
  maxTotalBytes: MAX_ZIP_TOTAL_BYTES,
  maxMemberBytes: MAX_ZIP_MEMBER_BYTES,
};
