// The edge between the app's state and the map: what the map shows is derived here, declaratively,
// and handed to the adapter, which applies only what changed. Nothing else calls the adapter to
// draw; each effect re-runs when the map handle arrives (it is a signal) or its inputs change.
import { createEffect, createMemo, on, type Accessor } from 'solid-js';
import type { PaddingOptions } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import type { BBox, BoundEntry, MapHandle } from '../map/adapter';
import { PREVIEW_SOURCE, SELECTION_SOURCE } from '../map/style';
import type { LayerEntry } from '../layers/types';
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
  padding: () => PaddingOptions;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export function bindMap(map: Accessor<MapHandle | undefined>, i: MapBindingInputs): void {
  const bound = createMemo((): BoundEntry[] => [
    ...i.catalog.map((entry) => ({ entry, visible: i.shown(entry), opacity: i.opacity(entry) })),
    // A large layer is drawn once its tiles are ready.
    ...i.imported()
      .filter((l) => l.ready)
      .map((l) => ({ entry: l.entry, visible: i.shown(l.entry), opacity: i.opacity(l.entry), data: l.collection })),
  ]);
  createEffect(() => map()?.bind(bound()));
  createEffect(() => {
    const c = i.coverage();
    if (c) map()?.setData('coverage', c);
  });
  createEffect(() => {
    map()?.setData(SELECTION_SOURCE, { type: 'FeatureCollection', features: [...i.selection()] });
  });
  createEffect(() => map()?.setData(PREVIEW_SOURCE, i.preview()?.collection ?? EMPTY));
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
