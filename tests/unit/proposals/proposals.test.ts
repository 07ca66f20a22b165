// Proposals' pure parts: checks of shapes and stored records, the undo stack, the engine and map
// features, and the exported files (WGS 84, and EPSG:9214 read back through the import pipeline).
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { geometryProblem, readProposal, cleanName } from '../../../src/proposals/validate';
import { EMPTY_HISTORY, applyChange, record, redo, undo } from '../../../src/proposals/history';
import { nextNumber, proposalPlan, proposalFeature, areaHa } from '../../../src/proposals/feature';
import { proposalsGeoJson, exportFileName } from '../../../src/proposals/export';
import type { Proposal } from '../../../src/proposals/types';
import { importFile } from '../../../src/import';
import { geometryArea } from '../../../src/geo/area';

// A 200 m × 150 m-ish rectangle in Bích Động.
const rect = (x = 106.1, y = 21.28, dx = 0.002, dy = 0.0014): Polygon => ({
  type: 'Polygon', coordinates: [[[x, y], [x + dx, y], [x + dx, y + dy], [x, y + dy], [x, y]]],
});
const proposal = (id: string, over: Partial<Proposal> = {}): Proposal => ({
  id, name: `Đề xuất ${id}`, level: 'detailed', status: 'approved', geometry: rect(), createdAt: `2026-01-0${id.length}T00:00:00.000Z`, updatedAt: '2026-01-01T00:00:00.000Z', ...over,
});

describe('validate', () => {
  it('accepts a closed polygon of some area and says why others are refused', () => {
    expect(geometryProblem(rect())).toBeNull();
    expect(geometryProblem({ type: 'LineString', coordinates: [] })).toBe('not_polygon');
    expect(geometryProblem({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [0, 0]]] })).toBe('too_few_points');
    expect(geometryProblem({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] })).toBe('not_closed');
    expect(geometryProblem({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, NaN], [0, 0]]] })).toBe('bad_position');
    expect(geometryProblem(rect(106, 21, 1e-7, 1e-7))).toBe('too_small');
  });

  it('reads stored records field by field and drops what cannot be a proposal', () => {
    const p = proposal('a');
    expect(readProposal(JSON.parse(JSON.stringify(p)))).toEqual(p);
    expect(readProposal({ ...p, level: 'hủy' })).toBeNull();
    expect(readProposal({ ...p, geometry: { type: 'Point', coordinates: [0, 0] } })).toBeNull();
    expect(readProposal(null)).toBeNull();
    expect(readProposal({ ...p, name: '  Khu   A  ' })?.name).toBe('Khu A');
    expect(cleanName('   ', 'Đề xuất 1')).toBe('Đề xuất 1');
    expect(cleanName('x'.repeat(500), '').length).toBe(120);
  });
});

describe('history', () => {
  it('undoes and redoes drawing, reshaping and deleting, in order', () => {
    const a = proposal('a');
    const a2 = { ...a, geometry: rect(106.1, 21.28, 0.003) };
    let list: Proposal[] = [];
    let h = EMPTY_HISTORY;
    for (const c of [{ id: 'a', before: null, after: a }, { id: 'a', before: a, after: a2 }, { id: 'a', before: a2, after: null }]) {
      list = applyChange(list, c);
      h = record(h, c);
    }
    expect(list).toEqual([]);
    const steps: (Proposal | undefined)[] = [];
    for (let u = undo(h); u; u = undo(h)) {
      h = u.history;
      list = applyChange(list, u.apply);
      steps.push(list[0]);
    }
    expect(steps).toEqual([a2, a, undefined]);
    const r = redo(h)!;
    expect(applyChange(list, r.apply)).toEqual([a]);
    // A new change clears what could be redone.
    expect(record(r.history, { id: 'b', before: null, after: proposal('bb') }).redo).toEqual([]);
  });

  it('keeps the list in drawing order when a deleted proposal comes back', () => {
    const [a, b, c] = [proposal('a'), proposal('bb'), proposal('ccc')];
    expect(applyChange([a, c], { id: 'bb', before: null, after: b }).map((p) => p.id)).toEqual(['a', 'bb', 'ccc']);
  });
});

describe('features and files', () => {
  it('marks a proposal for the engine under its own id space, and for the map as a user proposal', () => {
    const p = proposal('a');
    expect(proposalPlan(p).properties).toEqual({ id: 'proposal:a', name: p.name, level: 'detailed', status: 'approved', proposal: true });
    expect(proposalFeature(p).properties).toMatchObject({ id: 'a', provenance: 'proposal', proposal: true });
    expect(nextNumber([proposal('a', { name: 'Đề xuất 4' })], 'Đề xuất')).toBe(5);
    expect(nextNumber([], 'Proposal')).toBe(1);
  });

  it('exports WGS 84 and EPSG:9214 files that import back to the same area (within 1 m²)', async () => {
    const list = [proposal('a'), proposal('bb', { geometry: rect(106.05, 21.25, 0.004, 0.003) })];
    const day = new Date('2026-02-03T10:00:00Z');
    expect(exportFileName('EPSG:9214', day)).toBe('viet-yen-proposals-2026-02-03-EPSG9214-VN2000-TM3-107.geojson');
    for (const crs of ['EPSG:4326', 'EPSG:9214'] as const) {
      const file = proposalsGeoJson(list, crs, day);
      const json = JSON.parse(file.text);
      expect(json.note).toContain("User's proposals");
      if (crs === 'EPSG:9214') {
        expect(json.crs).toEqual({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::9214' } });
        // Metres on the 107° meridian's plane: Việt Yên is ~95 km west of it.
        expect(json.features[0].geometry.coordinates[0][0][0]).toBeGreaterThan(380_000);
        expect(json.features[0].geometry.coordinates[0][0][0]).toBeLessThan(420_000);
      } else expect(json.crs).toBeUndefined();
      const back = await importFile({ name: file.name, bytes: new TextEncoder().encode(file.text) }, {});
      expect(back.ok).toBe(true);
      if (!back.ok) continue;
      expect(back.collection.features).toHaveLength(2);
      back.collection.features.forEach((f, i) => {
        expect(Math.abs(geometryArea(f.geometry as Polygon) - areaHa(list[i]!) * 10_000)).toBeLessThan(1);
        expect(f.properties?.['provenance']).toBe('proposal');
      });
    }
  });
});
