// A streaming pass over JSON text that enforces the input limits (limits.ts) BEFORE JSON.parse
// builds anything: nesting depth, arrays and objects in total, features, positions (per feature and
// in total) and properties per feature. It allocates nothing per value (a depth stack and a few
// counters), so a 99 MB file of 33 million empty objects is refused after reading its first
// ~150 KB, in a few kilobytes of memory, instead of costing gigabytes of objects first. The same
// scan runs in the import (CLI and browser worker), the checker and the coverage CLI.
// It is not a validator: malformed JSON passes here and JSON.parse then says what is wrong.
import { formatCount, INPUT_LIMITS, type InputLimits } from './limits.ts';
import { msg, problemText, type Msg, type ProblemCode } from './messages.ts';

export type ScanLimit = 'depth' | 'containers' | 'features' | 'featureVertices' | 'totalVertices' | 'properties';

export interface ScanRefusal {
  ok: false;
  limit: ScanLimit;
  /** The limit's value, and (for per-feature limits) the 0-based feature. */
  max: number;
  featureIndex: number | null;
  /** One line, English, without the file name: "has more than 50,000 features (limit)". */
  message: string;
}

export interface ScanStats {
  ok: true;
  features: number;
  totalVertices: number;
  maxFeatureVertices: number;
  containers: number;
  depth: number;
}

export type JsonScan = ScanStats | ScanRefusal;

const OPEN_OBJECT = 0x7b; // {
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b; // [
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

const LIMIT_CODES: Readonly<Record<ScanLimit, ProblemCode>> = {
  depth: 'limitDepth',
  containers: 'limitContainers',
  features: 'limitFeatures',
  featureVertices: 'limitFeatureVertices',
  totalVertices: 'limitTotalVertices',
  properties: 'limitProperties',
};

/** A refusal as a problem's text, without the feature (the problem names it). */
export function scanRefusalMsg(r: Pick<ScanRefusal, 'limit' | 'max'>): Msg {
  return msg(LIMIT_CODES[r.limit], { max: formatCount(r.max) });
}

function refusal(limit: ScanLimit, max: number, featureIndex: number | null): ScanRefusal {
  const f = featureIndex === null ? '' : `feature ${featureIndex}: `;
  const message = f + problemText(scanRefusalMsg({ limit, max }));
  return { ok: false, limit, max, featureIndex, message };
}

/**
 * Scans JSON text (UTF-8 bytes, or a string) and
 * stops at the first limit exceeded. A top-level FeatureCollection's "features" elements are the
 * features; any other top-level object is one feature.
 */
export function scanJson(input: Uint8Array | string, limits: InputLimits = INPUT_LIMITS): JsonScan {
  // Strings are encoded once: the loop below is fastest on a typed array (100 MB in about a second).
  const b = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const n = b.length;
  const maxDepth = limits.maxDepth;
  // Container kind per depth: 1 = object, 2 = array; the key just read per depth (only where it matters).
  const kind = new Uint8Array(maxDepth + 2);
  let depth = 0;
  let expectKey = false;
  let containers = 0;
  let features = 0;
  let totalVertices = 0;
  let featureVertices = 0;
  let maxFeatureVertices = 0;
  let deepest = 0;
  // Depth of the features array (its elements are at featuresDepth + 1), of the current feature
  // object, and of its properties object; -1 when not inside one.
  let featuresDepth = -1;
  let featureDepth = -1;
  let propsDepth = -1;
  let props = 0;
  // The last key read at depth 1 and at the feature's depth.
  let topKey = '';
  let featureKey = '';
  let topLevelSeen = false;

  const readKey = (start: number, end: number): string => {
    // Only short keys can be "features" or "properties"; escapes are decoded by JSON.parse itself.
    if (end - start > 128) return '';
    let raw = '';
    let escaped = false;
    for (let k = start; k < end; k++) {
      const c = b[k]!;
      if (c === BACKSLASH) escaped = true;
      raw += String.fromCharCode(c);
    }
    if (!escaped) return raw;
    try {
      return JSON.parse(`"${raw}"`) as string;
    } catch {
      return '';
    }
  };

  const featureIndex = (): number | null => (featureDepth >= 0 ? features - 1 : null);

  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (isSpace(c) || c === COLON) {
      i++;
      continue;
    }
    if (c === COMMA) {
      if (kind[depth] === 1) expectKey = true;
      i++;
      continue;
    }
    if (c === QUOTE) {
      const start = i + 1;
      i++;
      while (i < n) {
        const d = b[i]!;
        if (d === BACKSLASH) i += 2;
        else if (d === QUOTE) break;
        else i++;
      }
      const end = i;
      i++;
      if (expectKey) {
        expectKey = false;
        if (depth === 1) topKey = readKey(start, end);
        else if (depth === featureDepth) featureKey = readKey(start, end);
        if (depth === propsDepth && ++props > limits.maxProperties) return refusal('properties', limits.maxProperties, featureIndex());
      }
      continue;
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      // A value opens here: is it a feature, the features array, a properties object?
      if (depth === 0 && !topLevelSeen) {
        topLevelSeen = true;
        if (c === OPEN_OBJECT) {
          // Until "features" shows it is a collection, the top-level object counts as one feature.
          featureDepth = 1;
          features = 1;
        }
      } else if (depth === 1 && c === OPEN_ARRAY && topKey === 'features') {
        featuresDepth = 2;
        if (featureDepth === 1) {
          // A FeatureCollection after all: its features are counted one by one.
          featureDepth = -1;
          features = 0;
          featureVertices = 0;
        }
      } else if (depth === featuresDepth && kind[depth] === 2) {
        if (++features > limits.maxFeatures) return refusal('features', limits.maxFeatures, null);
        featureDepth = c === OPEN_OBJECT ? depth + 1 : -1;
        featureVertices = 0;
      } else if (depth === featureDepth && c === OPEN_OBJECT && featureKey === 'properties') {
        propsDepth = depth + 1;
        props = 0;
      } else if (depth === 1 && featureDepth === 1 && c === OPEN_OBJECT && topKey === 'properties') {
        propsDepth = 2;
        props = 0;
      }
      if (++containers > limits.maxContainers) return refusal('containers', limits.maxContainers, null);
      depth++;
      if (depth > maxDepth) return refusal('depth', maxDepth, null);
      if (depth > deepest) deepest = depth;
      kind[depth] = c === OPEN_OBJECT ? 1 : 2;
      expectKey = c === OPEN_OBJECT;
      i++;
      if (c === OPEN_ARRAY) {
        // A position: an array whose first element is a number.
        let j = i;
        while (j < n && isSpace(b[j]!)) j++;
        const d = j < n ? b[j]! : 0;
        if (d === 0x2d || (d >= 0x30 && d <= 0x39)) {
          totalVertices++;
          if (++featureVertices > maxFeatureVertices) maxFeatureVertices = featureVertices;
          if (featureVertices > limits.maxFeatureVertices) return refusal('featureVertices', limits.maxFeatureVertices, features - 1);
          if (totalVertices > limits.maxTotalVertices) return refusal('totalVertices', limits.maxTotalVertices, null);
        }
      }
      continue;
    }
    if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      if (depth === propsDepth) propsDepth = -1;
      if (depth === featureDepth && featureDepth > 1) featureDepth = -1;
      if (depth > 0) depth--;
      expectKey = false;
      i++;
      continue;
    }
    // A number or a literal: skip to the next structural character.
    i++;
    while (i < n) {
      const d = b[i]!;
      if (d === COMMA || d === CLOSE_ARRAY || d === CLOSE_OBJECT || isSpace(d) || d === COLON) break;
      i++;
    }
  }
  return { ok: true, features, totalVertices, maxFeatureVertices, containers, depth: deepest };
}
