// Reading zip archives (zipped Shapefiles, KMZ) with fflate, defensively: the archive comes from a
// user's disk or e-mail, so its entry count and sizes are checked against the central directory
// before anything is inflated, and the inflated bytes are counted again while inflating, because a
// zip bomb can declare small sizes and still expand to gigabytes.
import { Inflate, Unzip, UnzipInflate, unzipSync, type UnzipFile } from 'fflate';
import { ZIP_LIMITS, formatMb, type ZipLimits } from './limits.ts';
import { errorText, fail, ok, type Step } from './types.ts';
import { failWith, type LocalizedFailure, type LocalizedMessage } from './format-messages.ts';

export interface ZipEntry {
  /** The member's path inside the archive, as stored. */
  name: string;
  /** Compressed size declared in the central directory. */
  size: number;
  /** Uncompressed size declared in the central directory. */
  originalSize: number;
  compression: number;
  /** From the central directory when it could be read (no zip64): the CRC-32 and flags. */
  crc?: number;
  /** Bit 0 of the general purpose flags: the member is encrypted (a password-protected zip). */
  encrypted?: boolean;
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

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 (ISO 3309, as zip uses it), continued from `crc` (start with 0). */
export function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

interface DirectoryRecord {
  name: string;
  crc: number;
  flags: number;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/**
 * CRC-32, flags and places of every central-directory record, in order (what fflate's listing leaves
 * out); null when the directory cannot be read this simply (zip64, a damaged end record): the checks
 * that need it are then skipped, fflate still reads the archive.
 */
function centralDirectoryInfo(bytes: Uint8Array): DirectoryRecord[] | null {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.length;
  let eocd = -1;
  for (let i = n - 22; i >= Math.max(0, n - 22 - 65535); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = dv.getUint16(eocd + 10, true);
  const offset = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) return null;
  const out: DirectoryRecord[] = [];
  let at = offset;
  for (let k = 0; k < count; k++) {
    if (at + 46 > n || dv.getUint32(at, true) !== 0x02014b50) return null;
    const flags = dv.getUint16(at + 8, true);
    const nameLength = dv.getUint16(at + 28, true);
    if (at + 46 + nameLength > n) return null;
    const raw = bytes.subarray(at + 46, at + 46 + nameLength);
    // As fflate names members: UTF-8 when flag bit 11 says so, else one character per byte.
    const name = flags & 0x800 ? new TextDecoder().decode(raw) : String.fromCharCode(...raw);
    out.push({
      name,
      flags,
      method: dv.getUint16(at + 10, true),
      crc: dv.getUint32(at + 16, true),
      compressedSize: dv.getUint32(at + 20, true),
      localOffset: dv.getUint32(at + 42, true),
    });
    at += 46 + nameLength + dv.getUint16(at + 30, true) + dv.getUint16(at + 32, true);
  }
  return out;
}

/**
 * The first `length` bytes of each named member (fewer if it is shorter), inflated on their own
 * from the member's local data, without inflating the rest of it or any other member: enough to
 * read a Shapefile's record counts from its headers before deciding to read it at all. Members it
 * cannot reach this way (zip64, encrypted, unknown compression) are simply absent from the result.
 */
export function readZipHeads(bytes: Uint8Array, wanted: ReadonlyMap<string, number>): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const records = centralDirectoryInfo(bytes);
  if (records === null) return out;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const r of records) {
    const length = wanted.get(r.name);
    if (length === undefined || out.has(r.name) || r.flags & 1) continue;
    const at = r.localOffset;
    if (at + 30 > bytes.length || dv.getUint32(at, true) !== 0x04034b50) continue;
    const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
    const end = Math.min(bytes.length, start + r.compressedSize);
    if (start > end) continue;
    const data = bytes.subarray(start, end);
    if (r.method === 0) {
      out.set(r.name, data.slice(0, length));
      continue;
    }
    if (r.method !== 8) continue;
    const parts: Uint8Array[] = [];
    let got = 0;
    try {
      const inflater = new Inflate((chunk) => {
        if (got < length) parts.push(chunk);
        got += chunk.length;
      });
      // Small input slices: each inflates to at most ~1 MB, and we stop as soon as the head is there.
      for (let p = 0; p < data.length && got < length; p += 1024) inflater.push(data.subarray(p, Math.min(data.length, p + 1024)), false);
    } catch {
      continue; // corrupt: the full read says so
    }
    const head = concat(parts);
    out.set(r.name, head.subarray(0, Math.min(length, head.length)));
  }
  return out;
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
  const info = centralDirectoryInfo(bytes);
  if (info !== null && info.length === entries.length && info.every((r, i) => r.name === entries[i]!.name)) {
    entries.forEach((e, i) => {
      e.crc = info[i]!.crc;
      e.encrypted = (info[i]!.flags & 1) === 1;
    });
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
): Step<ZipMembers> | LocalizedFailure {
  const listed = listZip(archive, bytes, limits);
  if (!listed.ok) return listed;
  const warnings: string[] = [];
  const chosen = new Set<string>();
  const expectedCrc = new Map<string, number>();
  let declaredTotal = 0;
  for (const entry of listed.value) {
    if (isJunkEntry(entry.name) || !wanted(entry.name)) continue;
    if (isUnsafePath(entry.name)) {
      warnings.push(`${archive}: member ${JSON.stringify(entry.name)} ignored: its path leaves the archive ("..", or absolute)`);
      continue;
    }
    if (entry.encrypted === true) {
      return failWith('importBad.encrypted', { file: archive, member: entry.name });
    }
    if (entry.compression !== 0 && entry.compression !== 8) {
      return fail(`${archive}: member ${entry.name} uses compression method ${entry.compression}; only stored and deflate are supported`);
    }
    if (entry.originalSize > limits.maxMemberBytes) {
      return fail(`${archive}: member ${entry.name} declares ${formatMb(entry.originalSize)}, more than the ${formatMb(limits.maxMemberBytes)} limit`);
    }
    declaredTotal += entry.originalSize;
    chosen.add(entry.name);
    if (entry.crc !== undefined && !expectedCrc.has(entry.name)) expectedCrc.set(entry.name, entry.crc);
  }
  if (declaredTotal > limits.maxTotalBytes) {
    return fail(`${archive}: members declare ${formatMb(declaredTotal)} in total, more than the ${formatMb(limits.maxTotalBytes)} limit`);
  }
  if (chosen.size === 0) return ok({ members: new Map(), warnings });

  const chunks = new Map<string, Uint8Array[]>();
  const done = new Set<string>();
  let total = 0;
  let failure: string | null = null;
  let failureI18n: LocalizedMessage | null = null;
  const unzipper = new Unzip((file: UnzipFile) => {
    // The local header may repeat a name (a crafted archive): read each chosen member once.
    if (!chosen.has(file.name) || chunks.has(file.name)) return;
    const parts: Uint8Array[] = [];
    chunks.set(file.name, parts);
    let count = 0;
    let crc = 0;
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
      crc = crc32(chunk, crc);
      if (final) {
        const want = expectedCrc.get(file.name);
        if (want !== undefined && want !== crc) {
          const f = failWith('importBad.crc', { file: archive, member: file.name });
          failure = f.error;
          failureI18n = f.i18n;
          throw new LimitExceeded();
        }
        done.add(file.name);
      }
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
    if (failure !== null) return failureI18n !== null ? { ok: false, error: failure, i18n: failureI18n } : fail(failure);
    return fail(`${archive}: not a readable zip archive (${errorText(e)})`);
  }
  if (failure !== null) return failureI18n !== null ? { ok: false, error: failure, i18n: failureI18n } : fail(failure);
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
