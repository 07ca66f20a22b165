// One rule for what a plan register is (issue 13): the import, the checker and the engine agree.
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/import/index.ts';
import { computeCoverage } from '../../../src/coverage/engine';
import type { InputFeature } from '../../../src/coverage/types';

// Three rectangles inside Bích Động (07777), as a planner would keep them: only id and ten.
const rect = (x: number, y: number, w: number, h: number) => [[[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]];
const register = (props: Record<string, unknown>[]) =>
  new TextEncoder().encode(JSON.stringify({
    type: 'FeatureCollection',
    features: props.map((p, i) => ({ type: 'Feature', properties: p, geometry: { type: 'Polygon', coordinates: rect(106.09 + i * 0.004, 21.285, 0.003, 0.003) } })),
  }));

describe('a register without level/status fields', () => {
  it('is accepted as approved detailed plans, with no problem, and every plan counts', () => {
    const r = importFile({ name: 'so-qh.geojson', bytes: register([{ id: 'a', ten: 'QH A' }, { id: 'b', ten: 'QH B' }, { id: 'c', ten: 'QH C' }]) }, { role: 'plans' });
    if (!r.ok) throw new Error(r.error);
    expect(r.problems).toEqual([]);
    expect(r.mapping).toMatchObject({ level: null, status: null, name: 'ten' });
    expect(r.collection.features.map((f) => [f.properties?.['name'], f.properties?.['level'], f.properties?.['status']])).toEqual([
      ['QH A', 'detailed', 'approved'], ['QH B', 'detailed', 'approved'], ['QH C', 'detailed', 'approved'],
    ]);
  });

  it('reads the planners\' words and warns (does not refuse) on a value it does not know; the engine leaves that plan out', () => {
    const r = importFile({ name: 'so-qh.geojson', bytes: register([
      { id: 'a', ten: 'QH A', cap_qh: '1/500', trang_thai: 'Đã phê duyệt' },
      { id: 'b', ten: 'QH B', cap_qh: 'QHCT', trang_thai: 'hủy' },
      { id: 'c', ten: 'QH C', cap_qh: 'phan khu', trang_thai: 'dang lap' },
    ]) }, { role: 'plans' });
    if (!r.ok) throw new Error(r.error);
    expect(r.collection.features.map((f) => [f.properties?.['level'], f.properties?.['status']])).toEqual([
      ['detailed', 'approved'], ['detailed', 'hủy'], ['zoning', 'in_preparation'],
    ]);
    expect(r.problems.map((p) => [p.featureIndex, p.severity])).toEqual([[1, 'warning']]);
    expect(r.problems[0]!.message).toContain('"hủy"');
    const c = computeCoverage([], r.collection.features as InputFeature[]);
    expect(c.plans.excluded.find((e) => e.id === 'b')?.reason).toBe('status_not_recognised');
  });
});
