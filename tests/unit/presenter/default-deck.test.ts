// The shipped deck: valid against the catalog, tells the whole story, and points at features that
// exist in the geodata files.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { catalog, entryById } from '../../../src/layers/catalog';
import { inPeriod } from '../../../src/layers/types';
import { parseDeck } from '../../../src/presenter/deck';
import { defaultDeck } from '../../../src/presenter/default-deck';

const root = join(__dirname, '../../..');
const known = new Set(catalog.map((e) => e.id));
const text = readFileSync(join(root, 'geodata/scenes-default.json'), 'utf8');
// Which geodata file each catalog layer draws (coverage is derived from units and plans).
const FILES: Record<string, string> = {
  'units-2021': 'units-2021', 'units-2024': 'units-2021', 'units-absorbed': 'units-2021',
  'wards-2025-areas': 'wards-2025', 'wards-2025': 'wards-2025', district: 'district',
  industry: 'industry', infrastructure: 'infrastructure', tourism: 'tourism', 'plans-demo': 'plans-demo', coverage: 'units-2021',
};
const ids = (layer: string) => {
  const fc = JSON.parse(readFileSync(join(root, `geodata/${FILES[layer]}.geojson`), 'utf8')) as FeatureCollection;
  return new Set(fc.features.map((f) => String(f.properties?.id ?? f.id)));
};

describe('geodata/scenes-default.json', () => {
  const r = parseDeck(text, known, 'scenes-default.json');
  it('is a valid deck', () => {
    expect(r.ok ? '' : r.error).toBe('');
  });
  const deck = r.ok ? r.deck : defaultDeck(known);

  it('is what the app bundles', () => {
    expect(defaultDeck(known)).toEqual(deck);
  });
  it('has at least 7 scenes with titles and notes in both languages', () => {
    expect(deck.scenes.length).toBeGreaterThanOrEqual(7);
    for (const s of deck.scenes) {
      expect(s.title.vi && s.title.en && s.notes.vi && s.notes.en, s.id).toBeTruthy();
    }
  });
  it('every layer it shows exists in the catalog and in the scene’s period (no empty scenes)', () => {
    for (const s of deck.scenes) {
      for (const id of s.state.layers) {
        const e = entryById(id);
        expect(e, `${s.id}: ${id}`).toBeDefined();
        expect(inPeriod(e!, s.state.period), `${s.id}: ${id} in ${s.state.period}`).toBe(true);
      }
      expect(s.state.layers.length, s.id).toBeGreaterThan(0);
    }
  });
  it('highlights only features that exist', () => {
    const all = deck.scenes.flatMap((s) => s.state.highlighted);
    expect(all).toContainEqual({ layerId: 'tourism', id: 'chua-bo-da' });
    for (const h of all) expect(ids(h.layerId).has(h.id), `${h.layerId}/${h.id}`).toBe(true);
  });
  it('tells the story: 2021, slated wards, industry, infrastructure, Tiên Sơn – Vân Hà, coverage, 2024, 2025', () => {
    const shows = (layer: string, period?: string) => deck.scenes.some((s) => s.state.layers.includes(layer) && (!period || s.state.period === period));
    expect(shows('units-2021', '2021')).toBe(true);
    expect(shows('wards-2025', '2021')).toBe(true);
    expect(shows('industry')).toBe(true);
    expect(shows('infrastructure')).toBe(true);
    expect(shows('tourism')).toBe(true);
    expect(deck.scenes.some((s) => s.state.coverageMode && s.state.layers.includes('coverage'))).toBe(true);
    expect(shows('units-2024', '2024')).toBe(true);
    expect(shows('wards-2025-areas', '2025')).toBe(true);
    expect(deck.scenes.map((s) => s.title.en).join(' | ')).toMatch(/80%/);
  });
  it('frames Việt Yên: every camera centre lies inside the district’s extent', () => {
    for (const s of deck.scenes) {
      const [lon, lat] = s.state.camera.center;
      expect(lon, s.id).toBeGreaterThan(106.0);
      expect(lon, s.id).toBeLessThan(106.17);
      expect(lat, s.id).toBeGreaterThan(21.19);
      expect(lat, s.id).toBeLessThan(21.35);
      expect(s.state.camera.zoom, s.id).toBeGreaterThanOrEqual(11);
      expect(s.state.camera.zoom, s.id).toBeLessThanOrEqual(14);
    }
  });
  it('has unique ids usable in links', () => {
    const sceneIds = deck.scenes.map((s) => s.id);
    expect(new Set(sceneIds).size).toBe(sceneIds.length);
  });
});
