// The streaming limit scan for XML (KML) text, the counterpart of scan.ts: elements in all, nesting
// depth, placemarks (features), coordinate tuples per placemark and in all, and data fields per
// placemark — counted over the bytes before an XML parser builds a DOM (which costs ~100 bytes an
// element, and recurses per level in the converters). Comments, CDATA, processing instructions and
// the DOCTYPE are skipped. Not a validator: malformed XML passes here and the parser reports it.
import { INPUT_LIMITS, type InputLimits } from './limits.ts';

export interface XmlScanRefusal {
  ok: false;
  limit: 'elements' | 'xmlDepth' | 'placemarks' | 'featureVertices' | 'totalVertices' | 'properties';
  max: number;
  featureIndex: number | null;
}

export type XmlScan = { ok: true; elements: number; placemarks: number; vertices: number } | XmlScanRefusal;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QMARK = 0x3f;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function indexOfSeq(b: Uint8Array, seq: readonly number[], from: number): number {
  outer: for (let i = from; i <= b.length - seq.length; i++) {
    for (let k = 0; k < seq.length; k++) if (b[i + k] !== seq[k]) continue outer;
    return i;
  }
  return -1;
}

const COMMENT_END = [0x2d, 0x2d, 0x3e]; // -->
const CDATA_END = [0x5d, 0x5d, 0x3e]; // ]]>
const PI_END = [0x3f, 0x3e]; // ?>

/** The local name (after any prefix) of the tag starting at b[i]. */
function tagName(b: Uint8Array, i: number): { name: string; end: number } {
  let j = i;
  let start = i;
  while (j < b.length && !isSpace(b[j]!) && b[j] !== GT && b[j] !== SLASH) {
    if (b[j] === 0x3a) start = j + 1; // prefix:
    j++;
  }
  let name = '';
  for (let k = start; k < j && k - start < 32; k++) name += String.fromCharCode(b[k]!);
  return { name, end: j };
}

export interface XmlLimits extends InputLimits {
  /** Elements in all (a KML of 50,000 placemarks has well under a million). */
  maxElements: number;
}

export const XML_LIMITS: Readonly<XmlLimits> = { ...INPUT_LIMITS, maxElements: 2_000_000 };

export function scanXml(b: Uint8Array, limits: XmlLimits = XML_LIMITS): XmlScan {
  const n = b.length;
  let depth = 0;
  let elements = 0;
  let placemarks = 0;
  let vertices = 0;
  let featureVertices = 0;
  let fields = 0;
  let inCoordinates = false;
  let inToken = false;
  const refuse = (limit: XmlScanRefusal['limit'], max: number, perFeature: boolean): XmlScanRefusal => ({
    ok: false, limit, max, featureIndex: perFeature ? placemarks - 1 : null,
  });
  const vertex = (): XmlScanRefusal | null => {
    vertices++;
    featureVertices++;
    if (featureVertices > limits.maxFeatureVertices) return refuse('featureVertices', limits.maxFeatureVertices, true);
    if (vertices > limits.maxTotalVertices) return refuse('totalVertices', limits.maxTotalVertices, false);
    return null;
  };
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c !== LT) {
      if (inCoordinates) {
        // A coordinate tuple is a run of non-blank characters ("106.1,21.2,0").
        const blank = isSpace(c);
        if (!blank && !inToken) {
          const r = vertex();
          if (r !== null) return r;
        }
        inToken = !blank;
      }
      i++;
      continue;
    }
    const d = b[i + 1];
    if (d === BANG) {
      if (b[i + 2] === 0x2d && b[i + 3] === 0x2d) {
        const e = indexOfSeq(b, COMMENT_END, i + 4);
        i = e < 0 ? n : e + 3;
      } else if (b[i + 2] === 0x5b) {
        const e = indexOfSeq(b, CDATA_END, i + 3);
        i = e < 0 ? n : e + 3;
      } else {
        // <!DOCTYPE …> with an internal subset [ … ].
        let j = i + 2;
        let bracket = 0;
        while (j < n && !(b[j] === GT && bracket === 0)) {
          if (b[j] === 0x5b) bracket++;
          else if (b[j] === 0x5d) bracket--;
          j++;
        }
        i = j + 1;
      }
      continue;
    }
    if (d === QMARK) {
      const e = indexOfSeq(b, PI_END, i + 2);
      i = e < 0 ? n : e + 2;
      continue;
    }
    if (d === SLASH) {
      const { name, end } = tagName(b, i + 2);
      if (name === 'coordinates') inCoordinates = false;
      if (depth > 0) depth--;
      const e = b.indexOf(GT, end);
      i = e < 0 ? n : e + 1;
      continue;
    }
    // An opening (or self-closing) tag.
    const { name, end } = tagName(b, i + 1);
    let j = end;
    let quote = 0;
    while (j < n && !(b[j] === GT && quote === 0)) {
      const q = b[j]!;
      if (quote === 0 && (q === 0x22 || q === 0x27)) quote = q;
      else if (q === quote) quote = 0;
      j++;
    }
    const selfClosing = b[j - 1] === SLASH;
    i = j + 1;
    if (++elements > limits.maxElements) return refuse('elements', limits.maxElements, false);
    if (!selfClosing && ++depth > limits.maxDepth) return refuse('xmlDepth', limits.maxDepth, false);
    if (name === 'Placemark') {
      if (++placemarks > limits.maxFeatures) return refuse('placemarks', limits.maxFeatures, false);
      featureVertices = 0;
      fields = 0;
    } else if (name === 'coordinates' && !selfClosing) {
      inCoordinates = true;
      inToken = false;
    } else if (name === 'coord') {
      const r = vertex(); // gx:coord, one per element
      if (r !== null) return r;
    } else if ((name === 'Data' || name === 'SimpleData') && placemarks > 0) {
      if (++fields > limits.maxProperties) return refuse('properties', limits.maxProperties, true);
    }
  }
  return { ok: true, elements, placemarks, vertices };
}
