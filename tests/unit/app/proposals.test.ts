// src/app/proposals.ts: the list of proposals (drawn, reshaped, renamed, deleted, undone), what it
// keeps in storage, the features it hands to coverage, and the drawing tools bound to it (a fake
// map stands in for terra-draw).
import { describe, expect, it } from 'vitest';
import { createRoot } from 'solid-js';
import type { Polygon } from 'geojson';
import { createProposals, type ProposalStorage } from '../../../src/app/proposals';
import { createDrawing } from '../../../src/app/proposal-drawing';
import type { DrawCallbacks, DrawHandle, DrawShape, DrawTool } from '../../../src/map/draw';
import type { Proposal } from '../../../src/proposals/types';

const rect = (x = 106.1, dx = 0.002): Polygon => ({ type: 'Polygon', coordinates: [[[x, 21.28], [x + dx, 21.28], [x + dx, 21.2814], [x, 21.2814], [x, 21.28]]] });
const tick = () => new Promise((r) => setTimeout(r, 0));

function memoryStorage(initial: Proposal[] = []) {
  const kept = new Map(initial.map((p) => [p.id, p]));
  const log: string[] = [];
  const storage: ProposalStorage = {
    load: async () => ({ proposals: [...kept.values()], outcome: { persisted: true } }),
    save: async (p) => (log.push(`save ${p.id}`), kept.set(p.id, p), { persisted: true }),
    remove: async (id) => (log.push(`remove ${id}`), kept.delete(id), { persisted: true }),
  };
  return { storage, kept, log };
}

let clock = 0;
const deps = (storage: ProposalStorage) => ({ storage, word: () => 'Đề xuất', now: () => new Date(Date.UTC(2026, 0, 1) + clock++ * 1000), newId: () => `id${clock}` });

describe('createProposals', () => {
  it('keeps drawn shapes as named detailed/approved proposals, stores every change, and undoes them', async () => {
    const { storage, kept, log } = memoryStorage();
    await createRoot(async (dispose) => {
      const p = createProposals(deps(storage));
      const a = p.add(rect(), 'p-a')!;
      expect(a).toMatchObject({ id: 'p-a', name: 'Đề xuất 1', level: 'detailed', status: 'approved' });
      const b = p.add(rect(106.2), 'p-b')!;
      expect(b.name).toBe('Đề xuất 2');
      const plansBefore = p.plans();
      expect(plansBefore.map((f) => f.properties?.['id'])).toEqual(['proposal:p-a', 'proposal:p-b']);

      expect(p.reshape('p-a', rect(106.1, 0.003))).toBe(true);
      // Only the reshaped proposal's feature is new.
      expect(p.plans()[0]).not.toBe(plansBefore[0]);
      expect(p.plans()[1]).toBe(plansBefore[1]);

      p.update('p-b', { name: '  Khu  dân cư  ', status: 'in_preparation' });
      expect(p.list()[1]).toMatchObject({ name: 'Khu dân cư', status: 'in_preparation' });
      p.remove('p-a');
      expect(p.list().map((x) => x.id)).toEqual(['p-b']);
      await tick();
      expect(log).toEqual(['save p-a', 'save p-b', 'save p-a', 'save p-b', 'remove p-a']);

      p.undo(); // the deletion
      expect(p.list().map((x) => x.id)).toEqual(['p-a', 'p-b']);
      expect(p.list()[0]!.geometry).toEqual(rect(106.1, 0.003));
      p.undo(); // the rename
      expect(p.list()[1]!.name).toBe('Đề xuất 2');
      p.undo(); // the reshape
      expect(p.list()[0]!.geometry).toEqual(rect());
      p.redo();
      expect(p.list()[0]!.geometry).toEqual(rect(106.1, 0.003));
      await tick();
      expect(kept.get('p-a')?.geometry).toEqual(rect(106.1, 0.003));
      expect(kept.get('p-b')?.name).toBe('Đề xuất 2');
      dispose();
    });
  });

  it('refuses shapes that cannot be proposals and says why', () => {
    const { storage } = memoryStorage();
    createRoot((dispose) => {
      const p = createProposals(deps(storage));
      expect(p.add({ type: 'Polygon', coordinates: [[[106, 21], [106, 21], [106, 21], [106, 21]]] })).toBeNull();
      expect(p.problem()).toBe('too_small');
      const a = p.add(rect())!;
      expect(p.problem()).toBeNull();
      expect(p.reshape(a.id, { type: 'Polygon', coordinates: [[[106, 21], [107, 21]]] })).toBe(false);
      expect(p.problem()).toBe('too_few_points');
      expect(p.list()[0]!.geometry).toEqual(rect());
      dispose();
    });
  });

  it('brings stored proposals back beside any drawn meanwhile', async () => {
    const stored: Proposal = { id: 'old', name: 'Khu cũ', level: 'zoning', status: 'approved', geometry: rect(106.05), createdAt: '2025-12-01T00:00:00.000Z', updatedAt: '2025-12-01T00:00:00.000Z' };
    const { storage } = memoryStorage([stored]);
    await createRoot(async (dispose) => {
      const p = createProposals(deps(storage));
      p.add(rect(), 'new');
      await p.restore();
      expect(p.list().map((x) => x.id)).toEqual(['old', 'new']);
      dispose();
    });
  });
});

function fakeMap() {
  const calls: string[] = [];
  let cb: DrawCallbacks | null = null;
  let shapes: readonly DrawShape[] = [];
  const handle: DrawHandle = {
    setTool: (t: DrawTool) => void calls.push(`tool ${t}`),
    sync: (s) => void ((shapes = s), calls.push(`sync ${s.map((x) => x.id).join(',')}`)),
    select: (id) => void calls.push(`select ${id}`),
    centreRectangle: () => rect(106.3),
    stop: () => void calls.push('stop'),
  };
  const map = { startDrawing: async (c: DrawCallbacks) => ((cb = c), calls.push('start'), handle) };
  return { map, calls, cb: () => cb!, shapes: () => shapes };
}

describe('createDrawing', () => {
  it('opens the tools on first use, keeps a drawn shape as a selected proposal, and follows edits and deletions', async () => {
    const { storage } = memoryStorage();
    const m = fakeMap();
    await createRoot(async (dispose) => {
      const p = createProposals(deps(storage));
      const d = createDrawing(() => m.map, p);
      await d.use('rectangle');
      await tick();
      expect(m.calls[0]).toBe('start');
      expect(m.calls).toContain('tool rectangle');
      expect(m.calls).toContain('sync ');
      expect(d.tool()).toBe('rectangle');

      m.cb().created('p-x', rect());
      await tick();
      expect(p.list().map((x) => x.id)).toEqual(['p-x']);
      expect(p.selected()).toBe('p-x');
      expect(d.tool()).toBe('select');
      expect(m.calls).toContain('select p-x');

      m.cb().changed('p-x', rect(106.1, 0.004));
      expect(p.list()[0]!.geometry).toEqual(rect(106.1, 0.004));
      // An edit the checks refuse is put back on the map.
      const n = m.calls.length;
      m.cb().changed('p-x', { type: 'Polygon', coordinates: [[[106, 21], [106, 21]]] });
      expect(m.calls.slice(n)).toEqual(['sync p-x']);
      expect(m.shapes()[0]!.geometry).toEqual(rect(106.1, 0.004));
      // A refused drawing leaves the map.
      m.cb().created('p-tiny', { type: 'Polygon', coordinates: [[[106, 21], [106, 21], [106, 21], [106, 21]]] });
      expect(m.shapes().map((s) => s.id)).toEqual(['p-x']);

      await d.addAtCentre();
      await tick();
      expect(p.list()).toHaveLength(2);
      expect(p.list()[1]!.geometry).toEqual(rect(106.3));

      m.cb().deleted('p-x');
      await tick();
      expect(p.list().map((x) => x.id)).toHaveLength(1);
      p.undo();
      await tick();
      expect(m.shapes().map((s) => s.id).sort()).toEqual(p.list().map((x) => x.id).sort());
      expect(p.list().some((x) => x.id === 'p-x')).toBe(true);
      d.close();
      expect(m.calls).toContain('stop');
      expect(d.tool()).toBeNull();
      dispose();
    });
  });
});
