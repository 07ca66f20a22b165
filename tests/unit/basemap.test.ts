// Issue 14: basemaps — configuration (templates, the loopback-only override) and the style each one
// adds (Protomaps layers with the bundled font and no sprite). The app module: tests/unit/app/basemap.test.ts.
import { describe, it, expect } from 'vitest';
import { isLoopbackTemplate, onlineTiles, ONLINE_BASEMAPS, TILE_OVERRIDE_KEY, FILL_OPACITY_OVER, type BasemapId } from '../../src/map/basemaps';
import { basemapStyle, BASEMAP_LAYER_PREFIX } from '../../src/map/basemap-style';
import { localBasemapLayers } from '../../src/map/protomaps-layers';
import { LABEL_FONT } from '../../src/layers/entries/shared';

const storageWith = (v: unknown) => ({ getItem: (k: string) => (k === TILE_OVERRIDE_KEY ? JSON.stringify(v) : null) });

describe('basemap configuration', () => {
  it('uses the configured templates; an override is honoured only for this machine', () => {
    expect(onlineTiles('street', null)).toBe(ONLINE_BASEMAPS.street.tiles);
    expect(onlineTiles('street', storageWith({ street: 'http://127.0.0.1:9/{z}/{x}/{y}.png' }))).toBe('http://127.0.0.1:9/{z}/{x}/{y}.png');
    expect(onlineTiles('satellite', storageWith({ satellite: 'http://localhost:8080/{z}/{y}/{x}' }))).toBe('http://localhost:8080/{z}/{y}/{x}');
    for (const bad of ['https://tiles.example.com/{z}/{x}/{y}.png', 'http://10.0.0.1/{z}/{x}/{y}', 'file:///etc/{z}', 'javascript:alert(1)', 'http://127.0.0.1.evil.com/{z}']) {
      expect(isLoopbackTemplate(bad), bad).toBe(false);
      expect(onlineTiles('street', storageWith({ street: bad }))).toBe(ONLINE_BASEMAPS.street.tiles);
    }
    expect(onlineTiles('street', { getItem: () => '{not json' })).toBe(ONLINE_BASEMAPS.street.tiles);
    expect(ONLINE_BASEMAPS.street.attribution).toContain('OpenStreetMap');
    expect(ONLINE_BASEMAPS.satellite.attribution).toContain('Esri');
  });

  it('none draws nothing; online basemaps are one raster layer with attribution; fills give way', () => {
    expect(basemapStyle('none', { lang: 'vi' })).toBeNull();
    expect(basemapStyle('local', { lang: 'vi' })).toBeNull(); // no file open yet
    const s = basemapStyle('satellite', { lang: 'vi' })!;
    expect(s.online).toBe(true);
    expect(s.layers.map((l) => l.type)).toEqual(['raster']);
    expect(JSON.stringify(s.sources)).toContain('Esri');
    for (const id of ['street', 'satellite', 'local'] as BasemapId[]) expect(FILL_OPACITY_OVER[id]).toBeLessThan(1);
  });

  it('a local basemap: the Protomaps layers, the bundled font only, no sprite icons, ids prefixed, only the layers the file has', () => {
    const layers = localBasemapLayers('basemap', 'vi');
    expect(layers.length).toBeGreaterThan(20);
    const json = JSON.stringify(layers);
    expect(json).not.toContain('icon-image');
    const fonts = new Set(json.match(/"Noto Sans[^"]*"/g));
    expect([...fonts]).toEqual([JSON.stringify(LABEL_FONT[0])]);
    expect(layers.every((l) => l.id.startsWith(BASEMAP_LAYER_PREFIX))).toBe(true);
    expect(layers.some((l) => l.type === 'background')).toBe(false);
    const s = basemapStyle('local', { lang: 'en', localUrl: 'pmtiles://k', localLayers: ['earth', 'water'], layersFor: localBasemapLayers })!;
    expect(s.online).toBe(false);
    expect(s.layers.every((l) => ['earth', 'water'].includes((l as { 'source-layer'?: string })['source-layer']!))).toBe(true);
    expect(s.key).not.toBe(basemapStyle('local', { lang: 'vi', localUrl: 'pmtiles://k', localLayers: ['earth', 'water'], layersFor: localBasemapLayers })!.key);
  });
});

