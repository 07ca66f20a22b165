// The edge between the user's proposals and the map's drawing tools (terra-draw, src/map/draw.ts):
// the tools show the list of proposals, and report back what the user drew, reshaped, moved or
// deleted. Loaded with the tools, on first use (src/app/proposals.ts createUserProposals).
import { createEffect, createSignal, on, type Accessor } from 'solid-js';
import type { DrawCallbacks, DrawHandle, DrawTool } from '../map/draw';
import type { Drawing, Proposals } from './proposals';

/** The edge between the proposals and the map's drawing tools: the tools show the list, and report back. */
export function createDrawing(
  map: Accessor<{ startDrawing(cb: DrawCallbacks): Promise<DrawHandle> } | undefined>,
  proposals: Proposals,
  /** What covers the map's edges (the side panel): a rectangle added without a pointer lands in view. */
  padding: () => Partial<Record<'top' | 'bottom' | 'left' | 'right', number>> = () => ({}),
): Drawing {
  const [tool, setTool] = createSignal<DrawTool | null>(null);
  const [handle, setHandle] = createSignal<DrawHandle | null>(null);
  const [loading, setLoading] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const shapes = () => proposals.list().map((p) => ({ id: p.id, geometry: p.geometry }));
  const choose = (t: DrawTool) => {
    handle()?.setTool(t);
    setTool(t);
  };

  const callbacks: DrawCallbacks = {
    created(id, geometry) {
      const p = proposals.add(geometry, id);
      // A refused shape leaves the map too; a kept one is selected, to be named and edited.
      if (!p) return handle()?.sync(shapes());
      choose('select');
      proposals.select(p.id);
    },
    changed(id, geometry) {
      if (!proposals.reshape(id, geometry)) handle()?.sync(shapes());
    },
    deleted: (id) => proposals.remove(id),
    selected: (id) => proposals.select(id),
  };

  const open = async (): Promise<DrawHandle | null> => {
    const h = handle();
    if (h) return h;
    const m = map();
    if (!m || loading()) return null;
    setLoading(true);
    try {
      const d = await m.startDrawing(callbacks);
      setError(null);
      setHandle(d);
      return d;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return null;
    } finally {
      setLoading(false);
    }
  };

  createEffect(on([handle, proposals.list], ([h]) => h?.sync(shapes())));
  createEffect(on([handle, proposals.selected], ([h, id]) => {
    if (!h) return;
    if (id !== null) setTool('select');
    h.select(id);
  }));

  return {
    tool,
    loading,
    error,
    async use(t) {
      if (await open()) choose(t);
    },
    async addAtCentre() {
      const h = await open();
      if (!h) return;
      const p = proposals.add(h.centreRectangle(padding()));
      if (p) (choose('select'), proposals.select(p.id));
    },
    async edit(id) {
      if (!(await open())) return;
      choose('select');
      proposals.select(id);
    },
    close() {
      handle()?.stop();
      setHandle(null);
      setTool(null);
    },
  };
}

