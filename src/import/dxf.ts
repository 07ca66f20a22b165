// DXF (AutoCAD's exchange format) → polygons in the drawing's own coordinates (issue 13). The 1/500
// detailed plans reach the district as AutoCAD drawings in VN-2000 metres; a DXF names no CRS, so
// the pipeline proposes EPSG:9214 for them as for a Shapefile without .prj.
//
// What becomes what:
// - closed LWPOLYLINE / POLYLINE (closed flag, or first vertex = last) and HATCH boundary paths are
//   rings; bulges (and a hatch's arc and ellipse edges) become vertices within ARC_TOLERANCE
//   (0.05 m) of the arc;
// - a ring inside another ring of the same DXF layer is a hole of the smallest one holding it (even-
//   odd nesting); the same outline twice on a layer (a HATCH over its polyline) is read once;
// - each polygon keeps its DXF `layer`, the `text` standing inside it (the tallest TEXT/MTEXT whose
//   insertion point lies in it, any layer; `texts` all of them), the `entity` type and `handle`;
// - everything else (open polylines, LINE, ARC, INSERT blocks, texts outside every polygon, paper
//   space) is counted and reported in one warning, never dropped silently.
//
// dxf-parser reads the groups and the TEXT/MTEXT entities. Polylines and hatches are read by the
// handlers below (registered with the parser): its own POLYLINE reader loops for ever on a POLYLINE
// without SEQEND and it has no HATCH. The parser only sees the ENTITIES section: a light walk over
// the group pairs finds it first (and counts what it holds, says whether the file is truncated),
// because the parser's table readers also loop for ever on some malformed tables.
import DxfParser from 'dxf-parser';
import type { Feature, Polygon } from 'geojson';
import { isValidUtf8, legacyEncodingWarning, normaliseText } from './encoding.ts';
import {
  arcPoints, closeRing, ellipsePoints, nestRings, pointInPolygon, polylineWithBulges, boundsOf,
  ArcBudgetExceeded, MAX_ARC_VERTICES, type ArcBudget, type NestedPolygon, type RingInput, type XY,
} from './dxf-geometry.ts';
import { failWith, listOf, localized, plural, type LocalizedFailure, type LocalizedMessage, type MessageVars } from './format-messages.ts';
import type { ImportMessageKey as MessageKey } from '../i18n/import-catalog.ts';
import type { AnyCollection } from './types.ts';
import { errorText } from './types.ts';
import Flatbush from 'flatbush';

export type DxfFeatureProperties = {
  layer: string;
  /** Only when some outline of the drawing holds a text. */
  text?: string | null;
  texts?: string | null;
  entity: 'LWPOLYLINE' | 'POLYLINE' | 'HATCH';
  handle: string | null;
};

export interface ParsedDxf {
  collection: AnyCollection;
  /** Whole-file remarks with their translations. */
  messages: LocalizedMessage[];
  /** Remarks shared with the other formats (TCVN3 text), English only. */
  warnings: string[];
  /** The text encoding the drawing was read with. */
  encoding: string;
}

export type DxfOutcome = { ok: true; value: ParsedDxf } | LocalizedFailure;

interface Group {
  code: number;
  value: string | number | boolean;
}

interface Scanner {
  next(): Group;
  isEOF(): boolean;
  lastReadGroup: Group;
}

// ---------------------------------------------------------------------------------------------
// Text: encoding, AutoCAD escapes and MTEXT formatting.

/** "ANSI_1258" → "windows-1258"; null when the decoder does not know it. */
function codepageLabel(codepage: string): string | null {
  const m = /^ANSI_(\d{3,4})$/i.exec(codepage.trim());
  const label = m ? `windows-${m[1]}` : codepage.trim().toLowerCase();
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/** The drawing's text: UTF-8 (R2007 and later, and plain ASCII), else its $DWGCODEPAGE. */
export function decodeDxf(bytes: Uint8Array): { text: string; encoding: string } {
  if (isValidUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 64 * 1024));
  const declared = /\$DWGCODEPAGE\s*\r?\n\s*3\s*\r?\n([^\r\n]*)/.exec(head)?.[1];
  const label = (declared === undefined ? null : codepageLabel(declared)) ?? 'windows-1258';
  return { text: new TextDecoder(label).decode(bytes), encoding: label };
}

/** \U+1EC7 escapes (characters outside the drawing's code page) and %%d-style control codes. */
function unescapeText(s: string): string {
  return s
    .replace(/\\U\+([0-9A-Fa-f]{4})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\M\+[0-9A-Fa-f](?:[0-9A-Fa-f]{4})/g, '')
    .replace(/%%[cC]/g, 'Ø')
    .replace(/%%[dD]/g, '°')
    .replace(/%%[pP]/g, '±')
    .replace(/%%[uUoOkK]/g, '')
    .replace(/%%%/g, '%');
}

/** MTEXT with its formatting codes removed: "{\fArial|b1;QH\P1/500}" → "QH 1/500". */
export function plainMtext(s: string): string {
  return unescapeText(s.replace(/\\\\/g, '\u0000'))
    .replace(/\\p[^;]*;/g, '')
    .replace(/\\P/g, '\n')
    .replace(/\\~/g, ' ')
    .replace(/\\S([^;]*?)[#^/]([^;]*?);/g, '$1/$2')
    .replace(/\\[fFcCHhTtQqWwAa][^;]*;/g, '')
    .replace(/\\[LlOoKkNX]/g, '')
    .replace(/\\\{/g, '\u0001')
    .replace(/\\\}/g, '\u0002')
    .replace(/[{}]/g, '')
    .replace(/\u0001/g, '{')
    .replace(/\u0002/g, '}')
    .replace(/\u0000/g, '\\');
}

function cleanText(raw: unknown, mtext: boolean): string {
  const s = typeof raw === 'string' ? raw : raw === undefined || raw === null ? '' : String(raw);
  const plain = mtext ? plainMtext(s) : unescapeText(s);
  return normaliseText(plain.replace(/\s+/g, ' ').trim());
}

// ---------------------------------------------------------------------------------------------
// A walk over the group pairs: where the ENTITIES section is, what it holds, whether the file ends.

interface Walk {
  /** Line range [start, end) of the ENTITIES section, SECTION and ENDSEC groups included. */
  entities: [number, number] | null;
  /** The ENTITIES section started but the file ends inside it. */
  truncatedInEntities: boolean;
  /** Reached the 0/EOF group. */
  eof: boolean;
  /** Top-level entity types in ENTITIES (VERTEX/SEQEND/ATTRIB belong to their POLYLINE/INSERT). */
  counts: Map<string, number>;
  /** 1-based line of the first value that is not a group code, when the file is not DXF at all. */
  badLine: number | null;
}

const SUB_ENTITIES = new Set(['VERTEX', 'SEQEND', 'ATTRIB', 'ENDSEC']);

function walkGroups(lines: readonly string[]): Walk {
  const counts = new Map<string, number>();
  let section: string | null = null;
  let sectionStart = -1;
  let entities: [number, number] | null = null;
  let entitiesStart = -1;
  let i = 0;
  for (; i + 1 < lines.length; i += 2) {
    const codeText = lines[i]!.trim();
    if (!/^-?\d{1,4}$/.test(codeText)) {
      // Trailing blank lines after the last group are harmless.
      if (codeText === '' && lines.slice(i).every((l) => l.trim() === '')) break;
      return { entities, truncatedInEntities: false, eof: false, counts, badLine: i + 1 };
    }
    const code = Number(codeText);
    const value = lines[i + 1]!.trim();
    if (code !== 0 && code !== 2) continue;
    if (code === 0 && value === 'SECTION') {
      section = '';
      sectionStart = i;
    } else if (code === 2 && section === '') {
      section = value;
      if (value === 'ENTITIES') entitiesStart = sectionStart;
    } else if (code === 0 && value === 'ENDSEC') {
      if (section === 'ENTITIES' && entitiesStart >= 0 && entities === null) entities = [entitiesStart, i + 2];
      section = null;
    } else if (code === 0 && value === 'EOF') {
      return { entities, truncatedInEntities: false, eof: true, counts, badLine: null };
    } else if (code === 0 && section === 'ENTITIES' && !SUB_ENTITIES.has(value)) {
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }
  return { entities, truncatedInEntities: section === 'ENTITIES', eof: false, counts, badLine: null };
}

// ---------------------------------------------------------------------------------------------
// Entity handlers for dxf-parser: each reads the groups of its entity and leaves the scanner on
// the next entity's 0 group, whatever the groups hold (the counts inside a HATCH are not trusted).

/** The groups of the current entity, up to (not including) the next 0 group. */
function groupsOf(scanner: Scanner): Group[] {
  const out: Group[] = [];
  let curr = scanner.next();
  while (!scanner.isEOF() && curr.code !== 0) {
    out.push(curr);
    curr = scanner.next();
  }
  return out;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));

interface Common {
  layer: string;
  handle: string | null;
  paperSpace: boolean;
  /** Z of the extrusion direction: 1 for the drawing plane, -1 for a mirrored entity, else tilted. */
  extrusion: [number, number, number];
}

function common(groups: readonly Group[]): Common {
  const c: Common = { layer: '0', handle: null, paperSpace: false, extrusion: [0, 0, 1] };
  for (const g of groups) {
    if (g.code === 8) c.layer = String(g.value);
    else if (g.code === 5) c.handle = String(g.value);
    else if (g.code === 67) c.paperSpace = num(g.value) === 1;
    else if (g.code === 210) c.extrusion[0] = num(g.value);
    else if (g.code === 220) c.extrusion[1] = num(g.value);
    else if (g.code === 230) c.extrusion[2] = num(g.value);
  }
  return c;
}

interface Vertex {
  x: number;
  y: number;
  bulge?: number;
}

interface PolyEntity {
  type: 'LWPOLYLINE' | 'POLYLINE';
  common: Common;
  closed: boolean;
  vertices: Vertex[];
  /** POLYLINE meshes and polyface meshes are surfaces, not outlines. */
  mesh: boolean;
}

class LwPolylineHandler {
  ForEntityName = 'LWPOLYLINE';
  parseEntity(scanner: Scanner): PolyEntity {
    const groups = groupsOf(scanner);
    const vertices: Vertex[] = [];
    let flags = 0;
    for (const g of groups) {
      if (g.code === 70) flags = num(g.value);
      else if (g.code === 10) vertices.push({ x: num(g.value), y: NaN });
      else if (g.code === 20 && vertices.length > 0) vertices[vertices.length - 1]!.y = num(g.value);
      else if (g.code === 42 && vertices.length > 0 && num(g.value) !== 0) vertices[vertices.length - 1]!.bulge = num(g.value);
    }
    return { type: 'LWPOLYLINE', common: common(groups), closed: (flags & 1) === 1, vertices, mesh: false };
  }
}

class PolylineHandler {
  ForEntityName = 'POLYLINE';
  parseEntity(scanner: Scanner): PolyEntity {
    const header = groupsOf(scanner);
    let flags = 0;
    for (const g of header) if (g.code === 70) flags = num(g.value);
    const vertices: Vertex[] = [];
    // VERTEX entities follow, then SEQEND; a POLYLINE without SEQEND simply ends at the next entity.
    while (!scanner.isEOF() && scanner.lastReadGroup.value === 'VERTEX') {
      const groups = groupsOf(scanner);
      let x = NaN;
      let y = NaN;
      let bulge = 0;
      let vflags = 0;
      for (const g of groups) {
        if (g.code === 10) x = num(g.value);
        else if (g.code === 20) y = num(g.value);
        else if (g.code === 42) bulge = num(g.value);
        else if (g.code === 70) vflags = num(g.value);
      }
      // 16: spline frame control point; 128 without 64: polyface face record (no position).
      if ((vflags & 16) === 0 && !((vflags & 128) !== 0 && (vflags & 64) === 0)) vertices.push(bulge ? { x, y, bulge } : { x, y });
    }
    if (!scanner.isEOF() && scanner.lastReadGroup.value === 'SEQEND') groupsOf(scanner);
    return { type: 'POLYLINE', common: common(header), closed: (flags & 1) === 1, vertices, mesh: (flags & (16 | 64)) !== 0 };
  }
}

interface HatchEntity {
  type: 'HATCH';
  common: Common;
  /** The entity's groups: the boundary paths are read from them with the drawing's arc budget. */
  groups: Group[];
}

class Malformed extends Error {}

const DEG = Math.PI / 180;

/** HATCH boundary paths (DXF reference, "Boundary path data"): polyline paths and edge paths. */
function hatchPaths(groups: readonly Group[], budget: ArcBudget): { paths: XY[][] } | { problem: 'spline' | 'malformed' } {
  let p = groups.findIndex((g) => g.code === 91);
  if (p < 0) return { paths: [] };
  const take = (code: number): number => {
    const g = groups[p];
    if (g === undefined || g.code !== code) throw new Malformed(`group ${code} expected`);
    p++;
    const v = num(g.value);
    if (!Number.isFinite(v)) throw new Malformed(`group ${code} is not a number`);
    return v;
  };
  const count = (code: number): number => {
    const n = take(code);
    // A count larger than the groups left is a lie; never loop on it.
    if (n < 0 || n > groups.length) throw new Malformed(`count ${n}`);
    return n;
  };
  try {
    const n = count(91);
    const paths: XY[][] = [];
    for (let k = 0; k < n; k++) {
      const flags = take(92);
      const points: XY[] = [];
      if ((flags & 2) !== 0) {
        const hasBulge = take(72) !== 0;
        take(73); // "is closed": a boundary path always is
        const m = count(93);
        const vertices: Vertex[] = [];
        for (let i = 0; i < m; i++) {
          const x = take(10);
          const y = take(20);
          const bulge = hasBulge && groups[p]?.code === 42 ? take(42) : 0;
          vertices.push(bulge ? { x, y, bulge } : { x, y });
        }
        points.push(...polylineWithBulges(vertices, true, budget));
      } else {
        const m = count(93);
        for (let e = 0; e < m; e++) {
          const type = take(72);
          if (type === 1) {
            points.push([take(10), take(20)], [take(11), take(21)]);
          } else if (type === 2) {
            const cx = take(10), cy = take(20), r = take(40), a0 = take(50), a1 = take(51);
            const ccw = take(73) !== 0;
            // Clockwise arcs are stored with mirrored angles (as ezdxf and AutoCAD read them).
            points.push(...(ccw ? arcPoints(cx, cy, r, a0 * DEG, a1 * DEG, false, undefined, budget) : arcPoints(cx, cy, r, -a0 * DEG, -a1 * DEG, true, undefined, budget)));
          } else if (type === 3) {
            const cx = take(10), cy = take(20), mx = take(11), my = take(21), ratio = take(40), a0 = take(50), a1 = take(51);
            const ccw = take(73) !== 0;
            points.push(...(ccw
              ? ellipsePoints(cx, cy, mx, my, ratio, a0 * DEG, a1 * DEG, false, undefined, budget)
              : ellipsePoints(cx, cy, mx, my, ratio, -a0 * DEG, -a1 * DEG, true, undefined, budget)));
          } else if (type === 4) {
            return { problem: 'spline' };
          } else {
            throw new Malformed(`edge type ${type}`);
          }
        }
      }
      const sources = count(97);
      for (let i = 0; i < sources; i++) {
        if (groups[p]?.code !== 330) throw new Malformed('group 330 expected');
        p++;
      }
      paths.push(points);
    }
    return { paths };
  } catch (e) {
    if (e instanceof Malformed) return { problem: 'malformed' };
    throw e;
  }
}

class HatchHandler {
  ForEntityName = 'HATCH';
  parseEntity(scanner: Scanner): HatchEntity {
    const groups = groupsOf(scanner);
    // The elevation point and extrusion come before the boundary data (group 91).
    const boundary = groups.findIndex((g) => g.code === 91);
    const head = boundary < 0 ? groups : groups.slice(0, boundary);
    const c = common(groups);
    c.extrusion = common(head).extrusion;
    return { type: 'HATCH', common: c, groups };
  }
}

// ---------------------------------------------------------------------------------------------
// From entities to polygons.

interface RingData {
  layer: string;
  entity: DxfFeatureProperties['entity'];
  handle: string | null;
  order: number;
}

interface TextPoint {
  x: number;
  y: number;
  text: string;
  height: number;
  order: number;
}

/** Object coordinates → drawing (world) coordinates: the plane's own, or mirrored (extrusion 0,0,−1). */
function toWorld(c: Common): ((p: XY) => XY) | null {
  const [ex, ey, ez] = c.extrusion;
  if (Math.abs(ex) < 1e-9 && Math.abs(ey) < 1e-9) {
    if (ez > 0) return (p) => p;
    if (ez < 0) return ([x, y]) => [-x, y];
  }
  return null;
}

function finite(points: readonly XY[]): boolean {
  return points.every(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
}

function sameVertex(a: Vertex | undefined, b: Vertex | undefined): boolean {
  return a !== undefined && b !== undefined && Math.abs(a.x - b.x) <= 1e-9 && Math.abs(a.y - b.y) <= 1e-9;
}

/** Key of an outline for spotting the same one twice on a layer: bounds to the millimetre, area to 0.01. */
function outlineKey(layer: string, ring: readonly XY[]): string {
  const b = boundsOf(ring);
  let area = 0;
  for (let i = 0; i + 1 < ring.length; i++) area += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return `${layer}\u0000${b.map((v) => Math.round(v * 1000)).join(',')}\u0000${Math.round(Math.abs(area / 2) * 100)}`;
}

type Counter = Map<string, number>;
const bump = (m: Counter, k: string, n = 1): void => {
  m.set(k, (m.get(k) ?? 0) + n);
};

/** The warning pieces in a stable order: named kinds first, then other entity types alphabetically. */
function pieces(skipped: Counter): { key: MessageKey; vars: MessageVars }[] {
  const named: [string, MessageKey][] = [
    ['open', 'importFmt.piece.open'],
    ['insert', 'importFmt.piece.insert'],
    ['textOutside', 'importFmt.piece.textOutside'],
    ['degenerate', 'importFmt.piece.degenerate'],
    ['hatchEdges', 'importFmt.piece.hatchEdges'],
    ['tilted', 'importFmt.piece.tilted'],
    ['paperSpace', 'importFmt.piece.paperSpace'],
  ];
  const out: { key: MessageKey; vars: MessageVars }[] = [];
  for (const [k, key] of named) {
    const n = skipped.get(k);
    if (n) out.push({ key, vars: plural(n) });
  }
  const others = [...skipped.keys()].filter((k) => k.startsWith('type:')).sort();
  for (const k of others) out.push({ key: 'importFmt.piece.other', vars: { n: skipped.get(k)!, type: k.slice(5) } });
  return out;
}

/**
 * Reads a DXF drawing. Failures and remarks carry their localized messages; the English text of
 * each starts with the file name ("plan.dxf: 12 open polylines and 3 INSERT blocks were not read …").
 */
export function parseDxfBytes(fileName: string, bytes: Uint8Array): DxfOutcome {
  const file = { file: fileName };
  const magic = new TextDecoder('latin1').decode(bytes.subarray(0, 22));
  if (magic.startsWith('AutoCAD Binary DXF')) return failWith('importFmt.dxfBinary', file);
  const { text, encoding } = decodeDxf(bytes);
  const lines = text.split(/\r\n|\r|\n/);
  const walk = walkGroups(lines);
  if (walk.badLine !== null && walk.entities === null) return failWith('importFmt.dxfNotDxf', { ...file, line: walk.badLine });
  if (walk.truncatedInEntities) return failWith('importFmt.dxfTruncated', file);
  if (walk.entities === null) return failWith('importFmt.dxfNoEntities', file);
  const messages: LocalizedMessage[] = [];
  if (!walk.eof) messages.push(localized('importFmt.dxfTruncatedTail', file));

  const [from, to] = walk.entities;
  const parser = new DxfParser();
  for (const H of [LwPolylineHandler, PolylineHandler, HatchHandler]) {
    parser.registerEntityHandler(H as unknown as Parameters<DxfParser['registerEntityHandler']>[0]);
  }
  let entities: unknown[];
  try {
    const parsed = parser.parseSync([...lines.slice(from, to), '0', 'EOF', ''].join('\n'));
    entities = (parsed?.entities ?? []) as unknown[];
  } catch (e) {
    return failWith('importFmt.dxfUnreadable', { ...file, detail: errorText(e) });
  }

  const skipped: Counter = new Map();
  const rings: RingInput<RingData>[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  const texts: TextPoint[] = [];
  let order = 0;
  const addRing = (points: XY[], data: Omit<RingData, 'order'>): void => {
    const ring = finite(points) ? closeRing(points) : null;
    if (ring === null) {
      bump(skipped, 'degenerate');
      return;
    }
    const key = outlineKey(data.layer, ring);
    if (seen.has(key)) {
      duplicates++;
      return;
    }
    seen.add(key);
    rings.push({ ring, group: data.layer, data: { ...data, order: order++ } });
  };

  const budget: ArcBudget = { left: MAX_ARC_VERTICES };
  try {
    readEntities();
  } catch (e) {
    if (e instanceof ArcBudgetExceeded) return failWith('importFmt.dxfTooComplex', { ...file, n: MAX_ARC_VERTICES });
    throw e;
  }
  function readEntities(): void {
    for (const raw of entities) {
      const e = raw as { type?: string } & Record<string, unknown>;
      const type = String(e.type ?? '');
      if (type === 'LWPOLYLINE' || type === 'POLYLINE') {
        const pl = e as unknown as PolyEntity;
        if (pl.common.paperSpace) {
          bump(skipped, 'paperSpace');
          continue;
        }
        if (pl.mesh) {
          bump(skipped, `type:${type}`);
          continue;
        }
        const world = toWorld(pl.common);
        if (world === null) {
          bump(skipped, 'tilted');
          continue;
        }
        const v = pl.vertices;
        const closed = pl.closed || (v.length > 2 && sameVertex(v[0], v[v.length - 1]));
        if (!closed) {
          bump(skipped, 'open');
          continue;
        }
        addRing(polylineWithBulges(v, true, budget).map(world), { layer: pl.common.layer, entity: pl.type, handle: pl.common.handle });
      } else if (type === 'HATCH') {
        const h = e as unknown as HatchEntity;
        if (h.common.paperSpace) {
          bump(skipped, 'paperSpace');
          continue;
        }
        const world = toWorld(h.common);
        if (world === null) {
          bump(skipped, 'tilted');
          continue;
        }
        const r = hatchPaths(h.groups, budget);
        if (!('paths' in r)) {
          bump(skipped, r.problem === 'spline' ? 'hatchEdges' : 'type:HATCH');
          continue;
        }
        for (const path of r.paths) addRing(path.map(world), { layer: h.common.layer, entity: 'HATCH', handle: h.common.handle });
      } else if (type === 'TEXT' || type === 'MTEXT') {
        const t = e as { text?: unknown; startPoint?: { x: number; y: number }; endPoint?: { x: number; y: number }; position?: { x: number; y: number };
          halign?: number; valign?: number; textHeight?: number; height?: number; inPaperSpace?: boolean };
        if (t.inPaperSpace) {
          bump(skipped, 'paperSpace');
          continue;
        }
        // TEXT: the alignment point when the text is aligned, else its start; MTEXT: its insertion point.
        const at = type === 'MTEXT' ? t.position : (t.halign || t.valign) && t.endPoint ? t.endPoint : t.startPoint;
        const value = cleanText(t.text, type === 'MTEXT');
        if (at && Number.isFinite(at.x) && Number.isFinite(at.y) && value !== '') {
          texts.push({ x: at.x, y: at.y, text: value, height: num(type === 'MTEXT' ? t.height : t.textHeight) || 0, order: texts.length });
        }
      } else if (type === 'INSERT') {
        bump(skipped, 'insert');
      } else if (type !== '') {
        bump(skipped, `type:${type}`);
      }
    }
  }
  // Entity types the parser skipped without a word (it knows only some) are counted from the walk.
  const parsedTypes: Counter = new Map();
  for (const raw of entities) bump(parsedTypes, String((raw as { type?: unknown }).type ?? ''));
  for (const [type, n] of walk.counts) {
    const missing = n - (parsedTypes.get(type) ?? 0);
    if (missing > 0) bump(skipped, type === 'INSERT' ? 'insert' : `type:${type}`, missing);
  }

  const polygons = nestRings(rings).sort((a, b) => a.data.order - b.data.order);
  const textOf = assignTexts(polygons, texts);
  bump(skipped, 'textOutside', texts.length - textOf.assigned);
  if (skipped.get('textOutside') === 0) skipped.delete('textOutside');

  const list = pieces(skipped);
  if (polygons.length === 0) {
    return list.length > 0 ? failWith('importFmt.dxfNoPolygons', { ...file, list: listOf(list) }) : failWith('importFmt.dxfEmpty', file);
  }
  if (list.length > 0) {
    const total = [...skipped.values()].reduce((a, b) => a + b, 0);
    messages.push(localized('importFmt.dxfNotRead', { ...file, list: listOf(list), were: total === 1 ? 'was' : 'were' }));
  }
  if (duplicates > 0) messages.push(localized('importFmt.dxfDuplicates', { ...file, n: duplicates }));

  // No text in any outline: no text fields, so that field mapping takes the name from the layer.
  const withText = textOf.assigned > 0;
  const features = polygons.map((p, i): Feature<Polygon, DxfFeatureProperties> => {
    const own = textOf.byPolygon[i] ?? [];
    const text = withText ? { text: own[0]?.text ?? null, texts: own.length > 0 ? own.map((t) => t.text).join(' | ') : null } : {};
    return {
      type: 'Feature',
      properties: { layer: normaliseText(p.data.layer), ...text, entity: p.data.entity, handle: p.data.handle },
      geometry: { type: 'Polygon', coordinates: p.rings },
    };
  });
  const warnings: string[] = [];
  for (const field of ['text', 'layer'] as const) {
    const w = legacyEncodingWarning(field, features.map((f) => f.properties[field]));
    if (w !== null) warnings.push(`${fileName}: ${w}`);
  }
  return { ok: true, value: { collection: { type: 'FeatureCollection', features }, messages, warnings, encoding } };
}

/** Each text goes to the smallest polygon holding its insertion point; per polygon, tallest first. */
function assignTexts(polygons: readonly NestedPolygon<RingData>[], texts: readonly TextPoint[]): { byPolygon: TextPoint[][]; assigned: number } {
  const byPolygon: TextPoint[][] = polygons.map(() => []);
  let assigned = 0;
  if (polygons.length === 0 || texts.length === 0) return { byPolygon, assigned };
  const index = new Flatbush(polygons.length);
  for (const p of polygons) index.add(...boundsOf(p.rings[0]!));
  index.finish();
  for (const t of texts) {
    let best = -1;
    for (const i of index.search(t.x, t.y, t.x, t.y)) {
      const p = polygons[i]!;
      if ((best < 0 || p.area < polygons[best]!.area) && pointInPolygon([t.x, t.y], p.rings)) best = i;
    }
    if (best >= 0) {
      byPolygon[best]!.push(t);
      assigned++;
    }
  }
  for (const list of byPolygon) list.sort((a, b) => b.height - a.height || a.order - b.order);
  return { byPolygon, assigned };
}
