// From bytes to a JSON value, with a problem instead of an exception at every step. Uses only
// TextDecoder and JSON, which browsers and Node share.
import { fileProblem, type Problem } from './types.ts';
import { MAX_FILE_BYTES } from './limits.ts';
import { msg } from './messages.ts';

/** Files above this are refused before reading: the real layers are a few MB at most. */
export { MAX_FILE_BYTES };

export type Result<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export function sizeProblem(bytes: number, limit = MAX_FILE_BYTES): Problem | null {
  if (bytes <= limit) return null;
  const mb = (n: number): string => `${Math.round(n / (1024 * 1024))} MB`;
  return fileProblem(msg('tooLarge', { size: mb(bytes), max: mb(limit) }));
}

/** UTF-16 or binary data: what makes bytes unfit to be JSON text at all (cheap: no decoding). */
export function binaryProblem(bytes: Uint8Array): Problem | null {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fileProblem(msg('utf16'));
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return fileProblem(msg('binary', { offset: nul }));
  return null;
}

export function decodeGeoJsonBytes(bytes: Uint8Array): Result<string> {
  const binary = binaryProblem(bytes);
  if (binary !== null) return { ok: false, problem: binary };
  try {
    // fatal: a lossy decode would turn bad bytes into U+FFFD and hide them in place names.
    // The decoder drops a UTF-8 BOM itself (ignoreBOM is false by default).
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, problem: fileProblem(msg('notUtf8')) };
  }
}

export function parseGeoJsonText(text: string): Result<unknown> {
  // A BOM is not JSON, but editors on Windows write one; RFC 7946 lets readers ignore it.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, problem: fileProblem(msg('empty')) };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0]!.slice(0, 120) : 'syntax error';
    return { ok: false, problem: fileProblem(msg('notJson', { detail: why })) };
  }
}
