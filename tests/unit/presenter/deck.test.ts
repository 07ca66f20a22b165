// Deck files: the bad-deck corpus (one clear message each, current deck untouched by the caller),
// round trips, and the pure editing operations (with property tests).
import { describe, it, expect } from 'vitest';
import { fc, test as fcTest } from '@fast-check/vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { catalog } from '../../../src/layers/catalog';
import {
  parseDeck, serializeDeck, addScene, renameScene, setNotes, moveScene, deleteScene, setDeckTitle, setSceneState,
  newSceneId, sceneIndex, emptyDeck, normalizeBearing, LIMITS,
} from '../../../src/presenter/deck';
import type { Deck, SceneState } from '../../../src/presenter/types';

const known = new Set(catalog.map((e) => e.id));
const fixtures = join(__dirname, 'fixtures');
const expected = JSON.parse(readFileSync(join(fixtures, 'bad-expected.json'), 'utf8')) as Record<string, string>;

const state = (over: Partial<SceneState> = {}): SceneState => ({
  camera: { center: [106.085, 21.27], zoom: 11.7, bearing: 0, pitch: 0 },
  layers: ['units-2021', 'district'], opacity: {}, highlighted: [], period: '2021', coverageMode: false, ...over,
});
const deckOf = (n: number): Deck => {
  let d = emptyDeck({ vi: 'Thử', en: 'Test' });
  for (let i = 0; i < n; i++) d = addScene(d, { title: { vi: `Cảnh ${i + 1}`, en: `Scene ${i + 1}` }, state: state() });
  return d;
};

describe('bad decks', () => {
  const files = readdirSync(join(fixtures, 'bad')).filter((f) => f.endsWith('.json')).sort();
  it('has a corpus of at least 8 files, each with an expected message', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    expect(Object.keys(expected).sort()).toEqual(files);
  });
  for (const f of files) {
    it(f, () => {
      const r = parseDeck(readFileSync(join(fixtures, 'bad', f), 'utf8'), known, f);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error).toBe(expected[f]);
      expect(r.localized.en).toBe(r.error);
      // The Vietnamese text is its own sentence, and keeps the place (scene, path) of the English one.
      expect(r.localized.vi).not.toBe(r.error);
      const place = r.error.match(/^scene (\d+)/)?.[1];
      if (place) expect(r.localized.vi).toMatch(new RegExp(`^cảnh ${place}`));
    });
  }
  it('reports a syntax error position even where JSON.parse gives none', () => {
    const r = parseDeck('{"format": "viet-yen-deck", "version": 1, "scenes": [tru]}', known, 'x.json');
    expect(r.ok ? '' : r.error).toBe('x.json: not JSON (line 1, column 57)');
  });
  it('rejects over-long text and too many scenes', () => {
    const big = deckOf(1);
    const r1 = parseDeck(serializeDeck(setNotes(big, big.scenes[0]!.id, {})).replace('"notes": {', `"notes": {"x": "${'a'.repeat(LIMITS.textLength)}",`), known);
    expect(r1.ok ? '' : r1.error).toMatch(/too large/);
    const many = { ...big, scenes: Array.from({ length: LIMITS.scenes + 1 }, (_, i) => ({ ...big.scenes[0]!, id: `s-${i}` })) };
    const r2 = parseDeck(JSON.stringify(many), known);
    expect(r2.ok ? '' : r2.error).toBe(`scenes has ${LIMITS.scenes + 1} entries, at most ${LIMITS.scenes} are allowed`);
  });
});

describe('good decks', () => {
  it('round-trips through serializeDeck', () => {
    const d = deckOf(3);
    const r = parseDeck(serializeDeck(d), known);
    expect(r).toEqual({ ok: true, deck: d });
  });
  it('fills in optional fields and normalizes', () => {
    const raw = {
      format: 'viet-yen-deck', version: 1, title: { vi: 'a', en: 'b' }, extra: 'ignored',
      scenes: [{ id: 's_1', title: { vi: 'x', en: 'y' }, state: { camera: { center: [106, 21.2], zoom: 12, bearing: 270 }, layers: ['district', 'district', 'coverage'], period: '2024' } }],
    };
    const r = parseDeck('\uFEFF' + JSON.stringify(raw), known);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.deck).not.toHaveProperty('extra');
    expect(r.deck.scenes[0]).toEqual({
      id: 's_1', title: { vi: 'x', en: 'y' }, notes: { vi: '', en: '' },
      state: { camera: { center: [106, 21.2], zoom: 12, bearing: -90, pitch: 0 }, layers: ['district', 'coverage'], opacity: {}, highlighted: [], period: '2024', coverageMode: true },
    });
  });
  it('normalizes bearings to (−180, 180]', () => {
    expect([0, 180, -180, 190, -190, 360, 540, 270].map(normalizeBearing)).toEqual([0, 180, 180, -170, 170, 0, 180, -90]);
  });
});

describe('editing', () => {
  it('adds scenes with fresh ids, at the end or at a position', () => {
    const d = addScene(deckOf(2), { title: { vi: 'Mới', en: 'New' }, state: state() }, 0);
    expect(d.scenes.map((s) => s.id)).toEqual(['s-3', 's-1', 's-2']);
    expect(d.scenes[0]!.notes).toEqual({ vi: '', en: '' });
  });
  it('copies the captured state (no aliasing of a live store)', () => {
    const s = state();
    const d = addScene(emptyDeck(), { title: { vi: '', en: '' }, state: s });
    s.layers.push('industry');
    s.camera.center[0] = 0;
    expect(d.scenes[0]!.state.layers).toEqual(['units-2021', 'district']);
    expect(d.scenes[0]!.state.camera.center[0]).toBe(106.085);
  });
  it('renames and edits notes in one language, leaving the input deck alone', () => {
    const d = deckOf(2);
    const copy = structuredClone(d);
    const e = setNotes(renameScene(d, 's-2', { en: 'Industry' }), 's-2', { vi: 'Ghi chú' });
    expect(e.scenes[1]!.title).toEqual({ vi: 'Cảnh 2', en: 'Industry' });
    expect(e.scenes[1]!.notes).toEqual({ vi: 'Ghi chú', en: '' });
    expect(d).toEqual(copy);
    expect(renameScene(d, 'nope', { en: 'x' })).toBe(d);
    expect(setDeckTitle(d, { vi: 'Họp' }).title).toEqual({ vi: 'Họp', en: 'Test' });
    expect(setSceneState(d, 's-1', state({ period: '2025' })).scenes[0]!.state.period).toBe('2025');
  });
  it('clips titles so an edited deck always reloads', () => {
    const d = renameScene(deckOf(1), 's-1', { vi: 'x'.repeat(500) });
    expect(d.scenes[0]!.title.vi).toHaveLength(LIMITS.title);
    expect(parseDeck(serializeDeck(d), known).ok).toBe(true);
  });
  it('moves and deletes', () => {
    const d = deckOf(4);
    expect(moveScene(d, 0, 2).scenes.map((s) => s.id)).toEqual(['s-2', 's-3', 's-1', 's-4']);
    expect(moveScene(d, 3, 0).scenes.map((s) => s.id)).toEqual(['s-4', 's-1', 's-2', 's-3']);
    expect(moveScene(d, 1, 99).scenes.map((s) => s.id)).toEqual(['s-1', 's-3', 's-4', 's-2']);
    expect(moveScene(d, 7, 0)).toBe(d);
    expect(deleteScene(d, 's-2').scenes.map((s) => s.id)).toEqual(['s-1', 's-3', 's-4']);
    expect(deleteScene(d, 'nope')).toBe(d);
  });
  it('resolves link references by number or id', () => {
    const d = deckOf(3);
    expect([sceneIndex(d, '2'), sceneIndex(d, 3), sceneIndex(d, 's-1'), sceneIndex(d, '0'), sceneIndex(d, '4'), sceneIndex(d, 'x')]).toEqual([1, 2, 0, null, null, null]);
  });

  fcTest.prop([fc.integer({ min: 1, max: 12 }), fc.array(fc.tuple(fc.integer({ min: -2, max: 14 }), fc.integer({ min: -2, max: 14 })), { maxLength: 20 })])(
    'any sequence of moves is a permutation of the scenes',
    (n, moves) => {
      const d = deckOf(n);
      const after = moves.reduce((acc, [a, b]) => moveScene(acc, a, b), d);
      expect([...after.scenes].map((s) => s.id).sort()).toEqual(d.scenes.map((s) => s.id).sort());
      expect(after.scenes).toHaveLength(n);
    },
  );

  fcTest.prop([fc.array(fc.oneof(fc.constant<'add'>('add'), fc.nat(20)), { maxLength: 60 })])(
    'deleting and adding in any order keeps ids unique and the deck valid',
    (ops) => {
      let d = deckOf(3);
      for (const op of ops) {
        if (op === 'add') d = addScene(d, { title: { vi: 'a', en: 'a' }, state: state() }, d.scenes.length ? op.length % d.scenes.length : 0);
        else if (d.scenes.length) d = deleteScene(d, d.scenes[op % d.scenes.length]!.id);
        const ids = d.scenes.map((s) => s.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).not.toContain(newSceneId(d));
      }
      expect(parseDeck(serializeDeck(d), known).ok).toBe(true);
    },
  );
});

describe('a scene panel of the Resolution view', () => {
  it('round-trips "targets" and "timeline" and refuses anything else with its path', () => {
    const d = addScene(emptyDeck({ vi: 'Thử', en: 'Test' }), { title: { vi: 'Mục tiêu', en: 'Targets' }, state: state({ panel: 'targets' }) });
    const back = parseDeck(serializeDeck(d), known, 'd.json');
    expect(back.ok && back.deck.scenes[0]!.state.panel).toBe('targets');
    const bad = JSON.parse(serializeDeck(d));
    bad.scenes[0].state.panel = 'pie-chart';
    const r = parseDeck(JSON.stringify(bad), known, 'd.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/state\.panel.*targets, timeline/);
  });
});
