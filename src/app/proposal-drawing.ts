// The edge between the user's proposals and the map's drawing tools (terra-draw, src/map/draw.ts):
// the tools show the list of proposals, and report back what the user drew, reshaped, moved or
// deleted. Loaded with the tools, on first use (src/app/proposals.ts createUserProposals).
import { createEffect, createSignal, on, type Accessor } from 'solid-js';
import type { DrawCallbacks, DrawHandle, DrawTool } from '../map/draw';
import type { Drawing, Proposals } from './proposals';
import { createLazy } from './lazy';

/** The edge between the proposals and the map's drawing tools: the tools show the list, and report back. */
export function createDrawing(
  map: Accessor<{ startDrawing(cb: DrawCallbacks): Promise<DrawHandle> } | undefined>,
  proposals: Proposals,
  /** What covers the map's edges (the side panel): a rectangle added without a pointer lands in view. */
  padding: () => Partial<Record<'top' | 'bottom' | 'left' | 'right', number>> = () => ({}),
): Drawing {
  const [tool, setTool] = createSignal<DrawTool | null>(null);
  // The map's drawing tools, started on first use (terra-draw and its MapLibre adapter load then).
  const started = createLazy(() => map()!.startDrawing(callbacks));
  const handle = started.value;
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

  const open = async (): Promise<DrawHandle | null> => (map() ? started.get() : null);

  createEffect(on([handle, proposals.list], ([h]) => h?.sync(shapes())));
  createEffect(on([handle, proposals.selected], ([h, id]) => {
    if (!h) return;
    if (id !== null) setTool('select');
    h.select(id);
  }));

  return {
    tool,
    loading: started.loading,
    error: started.error,
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
      started.reset();
      setTool(null);
    },
  };
}

