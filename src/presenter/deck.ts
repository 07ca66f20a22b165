// Decks as data: parse and validate an imported or stored deck, write it back out, and edit it
// with pure functions (each returns a new deck; the input is never changed).
//
// Validation stops at the first problem and names it precisely (scene number and id, the field's
// path in the file, what was found, what was expected) in both UI languages, because the person
// reading the message is usually fixing a hand-edited file.
import { PERIODS, type Period } from '../layers/types';
import type { Localized } from '../i18n/types';
import { jsonErrorPosition } from './json-position';
import { COVERAGE_LAYER, DECK_FORMAT, DECK_VERSION, SCENE_PANELS, type Deck, type Highlight, type Scene, type ScenePanel, type SceneState } from './types';

export type ParseResult =
  | { ok: true; deck: Deck }
  /** `error` is the English text; `localized` carries both languages for the UI. */
  | { ok: false; error: string; localized: Localized };

export const LIMITS = {
  /** Bytes of text accepted (a deck is small; anything bigger is the wrong file). */
  textLength: 2_000_000,
  scenes: 200,
  title: 200,
  notes: 10_000,
  highlighted: 50,
  maxZoom: 22,
  maxPitch: 60, // MapLibre's default maxPitch, which the app's map keeps
  maxLat: 85.0511, // Web Mercator
} as const;

const ID_RE = /^[A-Za-z0-9_-]{1,64}$/;

class DeckError extends Error {
  constructor(readonly en: string, readonly vi: string) {
    super(en);
  }
}

/** Where a problem is: the deck itself, or a scene (1-based number, id when it has one). */
interface Where {
  en: string;
  vi: string;
}
const atRoot: Where = { en: '', vi: '' };
function atScene(n: number, id: unknown): Where {
  const idPart = typeof id === 'string' && id !== '' ? ` (id ${id})` : '';
  return { en: `scene ${n}${idPart}: `, vi: `cảnh ${n}${idPart}: ` };
}

function describe(v: unknown): Localized {
  if (v === undefined) return { en: 'missing', vi: 'bị thiếu' };
  if (v === null) return { en: 'null', vi: 'null' };
  if (Array.isArray(v)) return { en: 'a list', vi: 'một danh sách' };
  if (typeof v === 'object') return { en: 'an object', vi: 'một đối tượng' };
  if (typeof v === 'string') {
    const s = JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
    return { en: s, vi: s };
  }
  return { en: String(v), vi: String(v) };
}

/** "<where><path> is <found>, expected <what>" — "missing" reads without "is". */
function wrong(w: Where, path: string, v: unknown, expected: Localized): never {
  const d = describe(v);
  const en = v === undefined ? `${path} is missing, expected ${expected.en}` : `${path} is ${d.en}, expected ${expected.en}`;
  const vi = v === undefined ? `thiếu ${path}, cần ${expected.vi}` : `${path} là ${d.vi}, cần ${expected.vi}`;
  throw new DeckError(w.en + en, w.vi + vi);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function obj(w: Where, path: string, v: unknown): Record<string, unknown> {
  if (!isObject(v)) wrong(w, path, v, { en: 'an object', vi: 'một đối tượng' });
  return v;
}
function list(w: Where, path: string, v: unknown, max: number): unknown[] {
  if (!Array.isArray(v)) wrong(w, path, v, { en: 'a list', vi: 'một danh sách' });
  if (v.length > max) {
    throw new DeckError(`${w.en}${path} has ${v.length} entries, at most ${max} are allowed`, `${w.vi}${path} có ${v.length} mục, tối đa ${max}`);
  }
  return v;
}
function text(w: Where, path: string, v: unknown, max: number): string {
  if (typeof v !== 'string') wrong(w, path, v, { en: 'text', vi: 'một chuỗi văn bản' });
  if (v.length > max) {
    throw new DeckError(`${w.en}${path} is ${v.length} characters long, at most ${max} are allowed`, `${w.vi}${path} dài ${v.length} ký tự, tối đa ${max}`);
  }
  return v;
}
function num(w: Where, path: string, v: unknown, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
    wrong(w, path, v, { en: `a number ${min}–${max}`, vi: `một số từ ${min} đến ${max}` });
  }
  return v;
}
function localized(w: Where, path: string, v: unknown, max: number): Localized {
  const o = obj(w, path, v);
  return { vi: text(w, `${path}.vi`, o.vi, max), en: text(w, `${path}.en`, o.en, max) };
}

function parseState(w: Where, v: unknown, known: ReadonlySet<string>): SceneState {
  const s = obj(w, 'state', v);
  const cam = obj(w, 'state.camera', s.camera);
  const c = cam.center;
  if (!Array.isArray(c) || c.length !== 2) wrong(w, 'state.camera.center', c, { en: 'a list [longitude, latitude]', vi: 'một danh sách [kinh độ, vĩ độ]' });
  const center: [number, number] = [
    num(w, 'state.camera.center[0] (longitude)', c[0], -180, 180),
    num(w, 'state.camera.center[1] (latitude)', c[1], -LIMITS.maxLat, LIMITS.maxLat),
  ];
  const camera = {
    center,
    zoom: num(w, 'state.camera.zoom', cam.zoom, 0, LIMITS.maxZoom),
    bearing: normalizeBearing(num(w, 'state.camera.bearing', cam.bearing ?? 0, -360, 360)),
    pitch: num(w, 'state.camera.pitch', cam.pitch ?? 0, 0, LIMITS.maxPitch),
  };

  const layers: string[] = [];
  list(w, 'state.layers', s.layers, 1000).forEach((id, i) => {
    const path = `state.layers[${i}]`;
    if (typeof id !== 'string') wrong(w, path, id, { en: 'a layer id (text)', vi: 'mã lớp (chuỗi)' });
    if (!known.has(id)) throw new DeckError(`${w.en}unknown layer ${JSON.stringify(id)} in state.layers`, `${w.vi}lớp ${JSON.stringify(id)} không có trong danh mục (state.layers)`);
    if (!layers.includes(id)) layers.push(id);
  });

  const opacity: Record<string, number> = {};
  for (const [id, x] of Object.entries(obj(w, 'state.opacity', s.opacity ?? {}))) {
    if (!known.has(id)) throw new DeckError(`${w.en}unknown layer ${JSON.stringify(id)} in state.opacity`, `${w.vi}lớp ${JSON.stringify(id)} không có trong danh mục (state.opacity)`);
    opacity[id] = num(w, `state.opacity.${id}`, x, 0, 1);
  }

  const highlighted: Highlight[] = list(w, 'state.highlighted', s.highlighted ?? [], LIMITS.highlighted).map((h, i) => {
    const path = `state.highlighted[${i}]`;
    const o = obj(w, path, h);
    const layerId = text(w, `${path}.layerId`, o.layerId, 100);
    if (!known.has(layerId)) throw new DeckError(`${w.en}unknown layer ${JSON.stringify(layerId)} in ${path}.layerId`, `${w.vi}lớp ${JSON.stringify(layerId)} không có trong danh mục (${path}.layerId)`);
    const id = text(w, `${path}.id`, o.id, 200);
    if (id === '') wrong(w, `${path}.id`, id, { en: 'a feature id', vi: 'mã đối tượng' });
    return { layerId, id };
  });

  const period = s.period;
  if (typeof period !== 'string' || !(PERIODS as readonly string[]).includes(period)) {
    wrong(w, 'state.period', period, { en: `one of ${PERIODS.join(', ')}`, vi: `một trong ${PERIODS.join(', ')}` });
  }

  // Coverage mode is the coverage layer's visibility; an explicit flag must agree with the list.
  const listed = layers.includes(COVERAGE_LAYER);
  let coverageMode = listed;
  if (s.coverageMode !== undefined) {
    if (typeof s.coverageMode !== 'boolean') wrong(w, 'state.coverageMode', s.coverageMode, { en: 'true or false', vi: 'true hoặc false' });
    coverageMode = s.coverageMode;
    if (coverageMode !== listed) {
      throw new DeckError(
        `${w.en}state.coverageMode is ${coverageMode} but state.layers ${listed ? 'includes' : 'does not include'} "${COVERAGE_LAYER}"`,
        `${w.vi}state.coverageMode là ${coverageMode} nhưng state.layers ${listed ? 'có' : 'không có'} "${COVERAGE_LAYER}"`,
      );
    }
  }
  // A panel of the Resolution view shown over the map (the targets, the timeline), if any.
  let panel: ScenePanel | undefined;
  if (s.panel !== undefined && s.panel !== null) {
    if (typeof s.panel !== 'string' || !(SCENE_PANELS as readonly string[]).includes(s.panel)) {
      wrong(w, 'state.panel', s.panel, { en: `one of ${SCENE_PANELS.join(', ')}`, vi: `một trong ${SCENE_PANELS.join(', ')}` });
    }
    panel = s.panel as ScenePanel;
  }
  return { camera, layers, opacity, highlighted, period: period as Period, coverageMode, ...(panel ? { panel } : {}) };
}

function parseScene(n: number, v: unknown, known: ReadonlySet<string>, seen: Map<string, number>): Scene {
  const w0 = atScene(n, undefined);
  const o = obj(w0, 'the scene', v);
  const w = atScene(n, o.id);
  const id = text(w, 'id', o.id, 64);
  if (!ID_RE.test(id)) {
    throw new DeckError(`${w.en}id ${JSON.stringify(id)} may only use letters a–z, digits, "-" and "_"`, `${w.vi}id ${JSON.stringify(id)} chỉ được dùng chữ a–z, chữ số, "-" và "_"`);
  }
  const other = seen.get(id);
  if (other !== undefined) throw new DeckError(`${w.en}id "${id}" is already used by scene ${other}`, `${w.vi}id "${id}" đã dùng cho cảnh ${other}`);
  seen.set(id, n);
  return {
    id,
    title: localized(w, 'title', o.title, LIMITS.title),
    notes: o.notes === undefined ? { vi: '', en: '' } : localized(w, 'notes', o.notes, LIMITS.notes),
    state: parseState(w, o.state, known),
  };
}

/** Reads a deck file. `source` names the file in syntax errors. Never throws. */
export function parseDeck(input: string, knownLayerIds: ReadonlySet<string>, source = 'deck.json'): ParseResult {
  try {
    if (input.length > LIMITS.textLength) {
      throw new DeckError(`${source}: the file is too large for a deck (${input.length} characters, at most ${LIMITS.textLength})`, `${source}: tệp quá lớn so với một bộ cảnh (${input.length} ký tự, tối đa ${LIMITS.textLength})`);
    }
    const body = input.replace(/^\uFEFF/, '');
    if (body.trim() === '') throw new DeckError(`${source}: the file is empty`, `${source}: tệp rỗng`);
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch {
      const p = jsonErrorPosition(body);
      const at = p ? { en: ` (line ${p.line}, column ${p.column})`, vi: ` (dòng ${p.line}, cột ${p.column})` } : { en: '', vi: '' };
      throw new DeckError(`${source}: not JSON${at.en}`, `${source}: không phải JSON${at.vi}`);
    }
    const root = obj(atRoot, 'the file', data);
    if (root.format !== DECK_FORMAT) {
      const found = root.format === undefined ? { en: 'missing', vi: 'bị thiếu' } : describe(root.format);
      throw new DeckError(`format is not ${DECK_FORMAT} (found ${found.en})`, `format không phải ${DECK_FORMAT} (gặp ${found.vi})`);
    }
    if (root.version !== DECK_VERSION) {
      const d = describe(root.version);
      throw new DeckError(`version ${d.en} is not supported (expected ${DECK_VERSION})`, `không hỗ trợ phiên bản ${d.vi} (cần ${DECK_VERSION})`);
    }
    const title = localized(atRoot, 'title', root.title, LIMITS.title);
    const seen = new Map<string, number>();
    const scenes = list(atRoot, 'scenes', root.scenes, LIMITS.scenes).map((s, i) => parseScene(i + 1, s, knownLayerIds, seen));
    return { ok: true, deck: { format: DECK_FORMAT, version: DECK_VERSION, title, scenes } };
  } catch (e) {
    if (e instanceof DeckError) return { ok: false, error: e.en, localized: { vi: e.vi, en: e.en } };
    throw e;
  }
}

export function serializeDeck(deck: Deck): string {
  return JSON.stringify(deck, null, 2) + '\n';
}

/** Bearing in (−180, 180]. */
export function normalizeBearing(b: number): number {
  const x = ((((b + 180) % 360) + 360) % 360) - 180;
  return x === -180 ? 180 : x;
}

export function emptyDeck(title: Localized = { vi: 'Bộ cảnh', en: 'Deck' }): Deck {
  return { format: DECK_FORMAT, version: DECK_VERSION, title, scenes: [] };
}

// ---- Editing: pure functions, new deck out. Unknown ids and out-of-range indices are no-ops. ----

/** An id not used in the deck: s-<n>, n the smallest free number above the scene count. */
export function newSceneId(deck: Deck): string {
  const used = new Set(deck.scenes.map((s) => s.id));
  let k = deck.scenes.length + 1;
  while (used.has(`s-${k}`)) k++;
  return `s-${k}`;
}

const clip = (s: string, max: number) => s.slice(0, max);
const clipLocalized = (l: Localized, max: number): Localized => ({ vi: clip(l.vi, max), en: clip(l.en, max) });

export interface NewScene {
  title: Localized;
  notes?: Localized;
  state: SceneState;
}

/** Inserts a scene (at the end by default) with a fresh id; the deck's scene cap is respected. */
export function addScene(deck: Deck, scene: NewScene, at = deck.scenes.length): Deck {
  if (deck.scenes.length >= LIMITS.scenes) return deck;
  const s: Scene = {
    id: newSceneId(deck),
    title: clipLocalized(scene.title, LIMITS.title),
    notes: clipLocalized(scene.notes ?? { vi: '', en: '' }, LIMITS.notes),
    state: structuredCloneState(scene.state),
  };
  const i = Math.max(0, Math.min(deck.scenes.length, Math.trunc(at)));
  return { ...deck, scenes: [...deck.scenes.slice(0, i), s, ...deck.scenes.slice(i)] };
}

function updateScene(deck: Deck, id: string, f: (s: Scene) => Scene): Deck {
  if (!deck.scenes.some((s) => s.id === id)) return deck;
  return { ...deck, scenes: deck.scenes.map((s) => (s.id === id ? f(s) : s)) };
}

export function renameScene(deck: Deck, id: string, title: Partial<Localized>): Deck {
  return updateScene(deck, id, (s) => ({ ...s, title: clipLocalized({ ...s.title, ...title }, LIMITS.title) }));
}

export function setNotes(deck: Deck, id: string, notes: Partial<Localized>): Deck {
  return updateScene(deck, id, (s) => ({ ...s, notes: clipLocalized({ ...s.notes, ...notes }, LIMITS.notes) }));
}

/** Replaces a scene's view (e.g. "update from the current map"). */
export function setSceneState(deck: Deck, id: string, state: SceneState): Deck {
  return updateScene(deck, id, (s) => ({ ...s, state: structuredCloneState(state) }));
}

export function setDeckTitle(deck: Deck, title: Partial<Localized>): Deck {
  return { ...deck, title: clipLocalized({ ...deck.title, ...title }, LIMITS.title) };
}

/** Moves the scene at `from` to index `to` (both 0-based; `to` is clamped). */
export function moveScene(deck: Deck, from: number, to: number): Deck {
  const n = deck.scenes.length;
  if (!Number.isInteger(from) || from < 0 || from >= n) return deck;
  const t = Math.max(0, Math.min(n - 1, Math.trunc(to)));
  if (t === from) return deck;
  const scenes = [...deck.scenes];
  const [s] = scenes.splice(from, 1);
  scenes.splice(t, 0, s!);
  return { ...deck, scenes };
}

export function deleteScene(deck: Deck, id: string): Deck {
  if (!deck.scenes.some((s) => s.id === id)) return deck;
  return { ...deck, scenes: deck.scenes.filter((s) => s.id !== id) };
}

/** A scene reference from a link: 1-based number or scene id. Returns a 0-based index or null. */
export function sceneIndex(deck: Deck, ref: string | number): number | null {
  const byId = deck.scenes.findIndex((s) => s.id === String(ref));
  if (byId >= 0) return byId;
  const n = typeof ref === 'number' ? ref : /^\d+$/.test(ref) ? Number(ref) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= deck.scenes.length ? n - 1 : null;
}

/** A plain copy: scene states may come from a Solid store (proxies) and must not alias it. */
function structuredCloneState(s: SceneState): SceneState {
  return {
    camera: { center: [s.camera.center[0], s.camera.center[1]], zoom: s.camera.zoom, bearing: s.camera.bearing, pitch: s.camera.pitch },
    layers: [...s.layers],
    opacity: { ...s.opacity },
    highlighted: s.highlighted.map((h) => ({ layerId: h.layerId, id: h.id })),
    period: s.period,
    coverageMode: s.coverageMode,
    ...(s.panel ? { panel: s.panel } : {}),
  };
}
