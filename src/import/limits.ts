// Limits of the import (issue 7). One place, so the README, the CLI and the UI state the same numbers.

const MB = 1024 * 1024;

/** A file larger than this is refused before it is read (GeoJSON, KML, or the zip itself). */
export const MAX_INPUT_BYTES = 100 * MB;
/** Entries in one zip archive (files and directories, as listed in its central directory). */
export const MAX_ZIP_ENTRIES = 200;
/** Uncompressed bytes of all members read from one archive. */
export const MAX_ZIP_TOTAL_BYTES = 200 * MB;
/** Uncompressed bytes of one member. */
export const MAX_ZIP_MEMBER_BYTES = 100 * MB;
/** Features in one file: beyond this the map and the coverage engine would crawl. */
export const MAX_FEATURES = 50_000;

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

/** "100 MB" (binary megabytes, as the limits are defined). */
export function formatMb(bytes: number): string {
  if (bytes < MB) return `${Math.ceil(bytes / 1024)} KB`; // only with the small limits of tests
  const mb = bytes / MB;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}
