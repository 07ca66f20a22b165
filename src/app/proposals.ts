// The user's proposals as the app holds them: the list (the truth), the one selected, the undo
// stack, and keeping them in IndexedDB. Every change — drawn, reshaped, moved, renamed, deleted —
// goes through `apply`, which records it for undo and keeps the stored copy in step (undo and redo
// through `put`). Coverage reads `plans`: one feature object per proposal version, so only the
// proposal that changed is sent to the engine. The drawing tools bound to the list
// (proposal-drawing.ts, with terra-draw) load the first time they are used.
import { createEffect, createMemo, createSignal, getOwner, on, onCleanup, runWithOwner, type Accessor } from 'solid-js';
import { createLazy } from './lazy';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { DrawTool } from '../map/draw';
import type { BBox, MapHandle } from '../map/adapter';
import type { PaddingOptions } from 'maplibre-gl';
import { extent } from '../geo/extent';
import { downloadText } from '../ui/download';
import type { StoreOutcome } from '../data/layer-store';
import { DEFAULT_ATTRIBUTES, type Proposal, type ProposalAttributes } from '../proposals/types';
import { cleanName, geometryProblem, plainPolygon, type GeometryProblem } from '../proposals/validate';
import { EMPTY_HISTORY, applyChange, record, redo as redoOf, undo as undoOf, type Change, type History } from '../proposals/history';
import { nextNumber, proposalCollection, proposalFeature, proposalPlan } from '../proposals/feature';
import type { ExportCrs, ExportFile } from '../proposals/export';
import { loadProposals, saveProposal, deleteProposal } from '../data/proposal-store';
import { t } from '../i18n';
import { state } from '../state/store';

export interface ProposalStorage {
  load(): Promise<{ proposals: Proposal[]; outcome: StoreOutcome }>;
  save(p: Proposal): Promise<StoreOutcome>;
  remove(id: string): Promise<StoreOutcome>;
}

export interface ProposalsDeps {
  storage: ProposalStorage;
  /** The word default names are made of ("Đề xuất" → "Đề xuất 3"), in the UI language. */
  word: () => string;
  now?: () => Date;
  /** Id of a proposal made without the drawing tools (tests; the map's tools bring their own ids). */
  newId?: () => string;
}

export interface Proposals {
  list: Accessor<readonly Proposal[]>;
  /** The proposals as plans for the coverage engine (an object per proposal version). */
  plans: Accessor<readonly Feature[]>;
  /** The proposals layer's features. */
  collection: Accessor<FeatureCollection>;
  selected: Accessor<string | null>;
  select(id: string | null): void;
  /** Keeps a drawn shape as a new proposal (named, detailed/approved); null when the shape cannot be one. */
  add(geometry: Polygon, id?: string): Proposal | null;
  /** A new shape for a proposal; false (nothing changes) when the shape cannot be one. */
  reshape(id: string, geometry: Polygon): boolean;
  update(id: string, attrs: Partial<ProposalAttributes>): void;
  remove(id: string): void;
  undo(): void;
  redo(): void;
  canUndo: Accessor<boolean>;
  canRedo: Accessor<boolean>;
  /** Why the last shape drawn was refused (cleared by the next change). */
  problem: Accessor<GeometryProblem | null>;
  storageProblem: Accessor<string | null>;
  restore(): Promise<void>;
  exportFile(crs: ExportCrs): Promise<ExportFile>;
}

let fallbackCounter = 0;

export function createProposals(deps: ProposalsDeps): Proposals {
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? (() => `p-${now().getTime().toString(36)}-${(fallbackCounter++).toString(36)}`);
  const [list, setList] = createSignal<readonly Proposal[]>([]);
  const [history, setHistory] = createSignal<History>(EMPTY_HISTORY);
  const [selected, setSelected] = createSignal<string | null>(null);
  const [problem, setProblem] = createSignal<GeometryProblem | null>(null);
  const [storageProblem, setStorageProblem] = createSignal<string | null>(null);
  const note = (o: StoreOutcome) => {
    if (!o.persisted) setStorageProblem(o.reason);
  };
  const byId = (id: string) => list().find((p) => p.id === id);

  // A record is never changed in place, so a record's feature can be kept with it.
  const planOf = new WeakMap<Proposal, Feature>();
  const plans = createMemo(() => list().map((p) => planOf.get(p) ?? (planOf.set(p, proposalPlan(p)), planOf.get(p)!)));

  /** Puts one change into effect: the list, the stored copy, and (unless undoing) the undo stack. */
  const put = (c: Change) => {
    setList((l) => applyChange(l, c));
    setProblem(null);
    if (!c.after && selected() === c.id) setSelected(null);
    void (c.after ? deps.storage.save(c.after) : deps.storage.remove(c.id)).then(note);
  };
  const apply = (c: Change) => {
    put(c);
    setHistory((h) => record(h, c));
  };

  return {
    list,
    plans,
    collection: createMemo(() => proposalCollection(list())),
    selected,
    select: (id) => void setSelected(id !== null && byId(id) ? id : null),

    add(geometry, id) {
      const why = geometryProblem(geometry);
      if (why) return void setProblem(why), null;
      const at = now().toISOString();
      const key = id && !byId(id) ? id : newId();
      const p: Proposal = { id: key, name: `${deps.word()} ${nextNumber(list(), deps.word())}`, ...DEFAULT_ATTRIBUTES, geometry: plainPolygon(geometry), createdAt: at, updatedAt: at };
      apply({ id: p.id, before: null, after: p });
      return p;
    },

    reshape(id, geometry) {
      const before = byId(id);
      if (!before) return false;
      const why = geometryProblem(geometry);
      if (why) return setProblem(why), false;
      const g = plainPolygon(geometry);
      if (JSON.stringify(g) === JSON.stringify(before.geometry)) return true;
      apply({ id, before, after: { ...before, geometry: g, updatedAt: now().toISOString() } });
      return true;
    },

    update(id, attrs) {
      const before = byId(id);
      if (!before) return;
      const after: Proposal = {
        ...before,
        ...(attrs.name !== undefined ? { name: cleanName(attrs.name, before.name) } : {}),
        ...(attrs.level ? { level: attrs.level } : {}),
        ...(attrs.status ? { status: attrs.status } : {}),
      };
      if (after.name === before.name && after.level === before.level && after.status === before.status) return;
      apply({ id, before, after: { ...after, updatedAt: now().toISOString() } });
    },

    remove(id) {
      const before = byId(id);
      if (before) apply({ id, before, after: null });
    },

    undo() {
      const u = undoOf(history());
      if (!u) return;
      setHistory(u.history);
      put(u.apply);
    },
    redo() {
      const r = redoOf(history());
      if (!r) return;
      setHistory(r.history);
      put(r.apply);
    },
    canUndo: () => history().undo.length > 0,
    canRedo: () => history().redo.length > 0,
    problem,
    storageProblem,

    async restore() {
      const kept = await deps.storage.load();
      note(kept.outcome);
      // Proposals drawn before the store answered stay; kept ones come back beside them.
      const mine = new Set(list().map((p) => p.id));
      const back = kept.proposals.filter((p) => !mine.has(p.id));
      if (back.length) setList((l) => back.reduce((acc, p) => applyChange(acc, { id: p.id, before: null, after: p }), [...l]));
    },

    // proj4 loads with the first export, not with the page.
    exportFile: async (crs) => (await import('../proposals/export')).proposalsGeoJson(list(), crs, now()),
  };
}

export interface Drawing {
  /** The tool in use, null while the drawing tools are closed. */
  tool: Accessor<DrawTool | null>;
  loading: Accessor<boolean>;
  error: Accessor<string | null>;
  /** Opens the drawing tools (loading them the first time) with this tool. */
  use(tool: DrawTool): Promise<void>;
  /** Draws a rectangle at the centre of the view as a new proposal (no pointer needed). */
  addAtCentre(): Promise<void>;
  /** Edits this proposal's shape on the map. */
  edit(id: string): Promise<void>;
  close(): void;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The drawing tools, their code (and terra-draw's) loaded the first time they are used. */
function lazyDrawing(load: () => Promise<Drawing>): Drawing {
  const drawing = createLazy(load);
  const real = drawing.value;
  const get = drawing.get;
  return {
    tool: () => real()?.tool() ?? null,
    loading: () => drawing.loading() || !!real()?.loading(),
    error: () => drawing.error() ?? real()?.error() ?? null,
    use: async (t) => void (await get())?.use(t),
    addAtCentre: async () => void (await get())?.addAtCentre(),
    edit: async (id) => void (await get())?.edit(id),
    close: () => real()?.close(),
  };
}

/** The proposals as the app uses them: kept in IndexedDB, named in the UI language, drawn with the map's tools. */
export function createUserProposals(map: Accessor<MapHandle | undefined>, padding: () => PaddingOptions) {
  const proposals = createProposals({ storage: { load: loadProposals, save: saveProposal, remove: deleteProposal }, word: () => t('proposalWord') });
  const owner = getOwner();
  const drawing = lazyDrawing(async () => {
    const { createDrawing } = await import('./proposal-drawing');
    return runWithOwner(owner, () => createDrawing(map, proposals, padding))!;
  });
  onCleanup(() => drawing.close());
  // The tools live in the coverage tab: away from it, a click on the map selects features again.
  createEffect(on(() => state.panel, (panel) => panel !== 'coverage' && drawing.close(), { defer: true }));
  return {
    proposals,
    drawing,
    // While the drawing tools are open they draw the proposals themselves (editable): the layer gives way.
    layerData: () => (drawing.tool() ? EMPTY : proposals.collection()),
    zoomTo(id: string) {
      const p = proposals.list().find((x) => x.id === id);
      const b = p && extent({ type: 'FeatureCollection', features: [proposalFeature(p)] });
      if (b) map()?.frame(b as BBox, padding(), 17);
    },
    async download(crs: ExportCrs) {
      const f = await proposals.exportFile(crs);
      downloadText(f.name, f.text, 'application/geo+json');
    },
  };
}
