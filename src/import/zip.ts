// Reading zip archives (zipped Shapefiles, KMZ) with fflate, defensively: the archive comes from a
// user's disk or e-mail, so its entry count and sizes are checked against the central directory
// before anything is inflated, and the inflated bytes are counted again while inflating, because a
// zip bomb can declare small sizes and still expand to gigabytes.
import { Unzip, UnzipInflate, unzipSync, type UnzipFile } from 'fflate';
import { ZIP_LIMITS, formatMb, type ZipLimits } from './limits.ts';
import { errorText, fail, ok, type Step } from './types.ts';

export interface ZipEntry {
  /** The member's path inside the archive, as stored. */
  name: string;
  /** Compressed size declared in the central directory. */
  size: number;
  /** Uncompressed size declared in the central directory. */
  originalSize: number;
  compression: number;
}

export interface ZipMembers {
  /** Inflated members, keyed by their stored name. */
  members: Map<string, Uint8Array>;
  warnings: string[];
}

/** A macOS resource fork, a directory, or anything else that is never a data file. */
export function isJunkEntry(name: string): boolean {
  return name.endsWith('/') || name.split(/[\\/]/).some((part) => part === '__MACOSX' || part === '.DS_Store');
}

/** Absolute paths and ".." segments: harmless here (nothing is written to disk) but never legitimate. */
export function isUnsafePath(name: string): boolean {
  return /^([\\/]|[A-Za-z]:)/.test(name) || name.split(/[\\/]/).includes('..');
}

/** Lower-case extension with the dot (".shp"), '' when none. */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/** The archive's central directory, without inflating anything. */
export function listZip(archive: string, bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): Step<ZipEntry[]> {
  if (bytes.length === 0) return fail(`${archive}: is empty (0 bytes), not a zip archive`);
  const entries: ZipEntry[] = [];
  try {
    // A filter that refuses everything makes fflate read the central directory only.
    unzipSync(bytes, {
      filter: (f) => {
        entries.push({ name: f.name, size: f.size, originalSize: f.originalSize, compression: f.compression });
        return false;
      },
    });
  } catch (e) {
    return fail(`${archive}: not a readable zip archive (${errorText(e)})`);
  }
  if (entries.length > limits.maxEntries) {
    return fail(`${archive}: has ${entries.length} entries, more than the limit of ${limits.maxEntries}`);
  }
  return ok(entries);
}

class LimitExceeded extends Error {}

/**
 * Inflates the members whose names `wanted` accepts. Unsafe paths are ignored with a warning.
 * Errors name the archive and the member: "plans.zip: member a.shp expands beyond 100 MB (limit)".
 */
export function readZipMembers(
  archive: string,
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  limits: ZipLimits = ZIP_LIMITS,
): Step<ZipMembers> {
  const listed = listZip(archive, bytes, limits);
  if (!listed.ok) return listed;
  const warnings: string[] = [];
  const chosen = new Set<string>();
  let declaredTotal = 0;
  for (const entry of listed.value) {
    if (isJunkEntry(entry.name) || !wanted(entry.name)) continue;
    if (isUnsafePath(entry.name)) {
      warnings.push(`${archive}: member ${JSON.stringify(entry.name)} ignored: its path leaves the archive ("..", or absolute)`);
      continue;
    }
    if (entry.compression !== 0 && entry.compression !== 8) {
      return fail(`${archive}: member ${entry.name} uses compression method ${entry.compression}; only stored and deflate are supported`);
    }
    if (entry.originalSize > limits.maxMemberBytes) {
      return fail(`${archive}: member ${entry.name} declares ${formatMb(entry.originalSize)}, more than the ${formatMb(limits.maxMemberBytes)} limit`);
    }
    declaredTotal += entry.originalSize;
    chosen.add(entry.name);
  }
  if (declaredTotal > limits.maxTotalBytes) {
    return fail(`${archive}: members declare ${formatMb(declaredTotal)} in total, more than the ${formatMb(limits.maxTotalBytes)} limit`);
  }
  if (chosen.size === 0) return ok({ members: new Map(), warnings });

  const chunks = new Map<string, Uint8Array[]>();
  const done = new Set<string>();
  let total = 0;
  let failure: string | null = null;
  const unzipper = new Unzip((file: UnzipFile) => {
    // The local header may repeat a name (a crafted archive): read each chosen member once.
    if (!chosen.has(file.name) || chunks.has(file.name)) return;
    const parts: Uint8Array[] = [];
    chunks.set(file.name, parts);
    let count = 0;
    file.ondata = (err, chunk, final) => {
      // UnzipInflate catches what this callback throws and hands it back as `err`: keep the first reason.
      if (failure !== null) throw new LimitExceeded();
      if (err) {
        failure = `${archive}: member ${file.name} is corrupt (${errorText(err)})`;
        throw new LimitExceeded();
      }
      count += chunk.length;
      total += chunk.length;
      if (count > limits.maxMemberBytes) {
        failure = `${archive}: member ${file.name} expands beyond ${formatMb(limits.maxMemberBytes)} (limit)`;
        throw new LimitExceeded();
      }
      if (total > limits.maxTotalBytes) {
        failure = `${archive}: members expand beyond ${formatMb(limits.maxTotalBytes)} in total (limit)`;
        throw new LimitExceeded();
      }
      parts.push(chunk);
      if (final) done.add(file.name);
    };
    file.start();
  });
  unzipper.register(UnzipInflate);
  // Small input slices bound what one push can inflate (deflate expands at most ~1032:1), so the
  // byte count stops a bomb after at most ~17 MB beyond the limit.
  const SLICE = 16 * 1024;
  try {
    for (let at = 0; at < bytes.length; at += SLICE) {
      const end = Math.min(bytes.length, at + SLICE);
      unzipper.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch (e) {
    if (failure !== null) return fail(failure);
    return fail(`${archive}: not a readable zip archive (${errorText(e)})`);
  }
  if (failure !== null) return fail(failure);
  const members = new Map<string, Uint8Array>();
  for (const name of chosen) {
    const parts = chunks.get(name);
    if (parts === undefined || !done.has(name)) return fail(`${archive}: member ${name} could not be read (truncated archive?)`);
    members.set(name, concat(parts));
  }
  return ok({ members, warnings });
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
