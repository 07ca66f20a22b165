// The edge between the app's state and the map: what the map shows is derived here, declaratively,
// and handed to the adapter, which applies only what changed. Nothing else calls the adapter to
// draw; each effect re-runs when the map handle arrives (it is a signal) or its inputs change.
import { createEffect, createMemo, on, type Accessor } from 'solid-js';
import type { PaddingOptions } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import type { BBox, BoundEntry, ControlLabels, MapHandle } from '../map/adapter';
import type { BasemapStyle } from '../map/basemap-style';
import { PREVIEW_SOURCE, SELECTION_SOURCE } from '../map/style';
import type { LayerEntry } from '../layers/types';
import { PROPOSALS_LAYER } from '../layers/entries/proposals';
import type { ImportedLayer } from './imported-layers';

export interface MapBindingInputs {
  catalog: readonly LayerEntry[];
  imported: Accessor<readonly ImportedLayer[]>;
  /** Switched on and present in the current period. */
  shown: (e: LayerEntry) => boolean;
  opacity: (e: LayerEntry) => number;
  coverage: Accessor<FeatureCollection | null>;
  /** Features drawn highlighted: the selected one and those a milestone names. */
  selection: Accessor<readonly Feature[]>;
  /** The file under review, drawn dashed before it is accepted, and framed when it changes. */
  preview: Accessor<{ collection: FeatureCollection; bbox: BBox | null; color: string } | null>;
  /** The user's proposals layer (src/app/proposals.ts). */
  proposals?: Accessor<FeatureCollection>;
  /** The gaps to the coverage target (src/app/gaps.ts). */
  gaps?: Accessor<FeatureCollection>;
  padding: () => PaddingOptions;
  /** What is drawn beneath the layers (null: nothing, the offline map). */
  basemap?: Accessor<BasemapStyle | null>;
  /** The map's own controls, labelled in the UI language. */
  controlLabels?: Accessor<ControlLabels>;
  /** A mark beside the attribution (an online basemap says so), or none. */
  notice?: Accessor<string | null>;
  /** Factor on every label's size (presenter mode on a large screen). */
  labelScale?: Accessor<number>;
  /** How far (px) the side panel reaches over the map's left edge beyond its usual width. */
  panelInset?: Accessor<number>;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export function bindMap(map: Accessor<MapHandle | undefined>, i: MapBindingInputs): void {
  // Over a basemap the fills give way so the streets or the imagery stay readable.
  const fillFactor = () => i.basemap?.()?.fillOpacity ?? 1;
  const bound = createMemo((): BoundEntry[] => [
    ...i.catalog.map((entry) => ({ entry, visible: i.shown(entry), opacity: i.opacity(entry), fillFactor: fillFactor() })),
    // A large layer is drawn once its tiles are ready.
    ...i.imported()
      .filter((l) => l.ready)
      .map((l) => ({ entry: l.entry, visible: i.shown(l.entry), opacity: i.opacity(l.entry), fillFactor: fillFactor(), data: l.collection })),
  ]);
  // The basemap first: the entries' fill opacities follow it.
  createEffect(() => map()?.setBasemap(i.basemap?.() ?? null));
  createEffect(() => map()?.bind(bound()));
  createEffect(() => {
    const l = i.controlLabels?.();
    if (l) map()?.setControlLabels(l);
  });
  createEffect(() => map()?.setNotice(i.notice?.() ?? null));
  createEffect(() => map()?.setLabelScale(i.labelScale?.() ?? 1));
  // The panel widened (a wide tab on a large screen) or narrowed again: move the picture by half the
  // difference, so what was in the middle of the uncovered map stays there.
  createEffect(
    on(() => i.panelInset?.() ?? 0, (now, before) => {
      if (before !== undefined && now !== before) map()?.pan(-(now - before) / 2);
    }),
  );
  createEffect(() => {
    const c = i.coverage();
    if (c) map()?.setData('coverage', c);
  });
  createEffect(() => {
    map()?.setData(SELECTION_SOURCE, { type: 'FeatureCollection', features: [...i.selection()] });
  });
  createEffect(() => map()?.setData(PREVIEW_SOURCE, i.preview()?.collection ?? EMPTY));
  createEffect(() => map()?.setData(PROPOSALS_LAYER, i.proposals?.() ?? EMPTY));
  createEffect(() => map()?.setData('gaps', i.gaps?.() ?? EMPTY));
  // The preview is drawn in the colour the layer will get.
  createEffect(() => {
    const c = i.preview()?.color;
    if (c) map()?.setPreviewColor(c);
  });
  createEffect(
    on(() => i.preview()?.collection, () => {
      const b = i.preview()?.bbox;
      if (b) map()?.frame(b, i.padding());
    }, { defer: true }),
  );
}
