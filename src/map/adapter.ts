// The map adapter: the only module that talks to MapLibre. Components describe what they want
// (style from the catalog, visibility, selection); this applies it to the map.
import { Map as MlMap, setWorkerUrl, type MapGeoJSONFeature, type LngLatBoundsLike } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { StyleSpecification, GeoJSONSource, PaddingOptions } from 'maplibre-gl';
import type { LayerEntry } from '../layers/types';
import { mapLayerIds, opacityPaint, entrySources, entryLayers, labelSourceId } from './style';

// Bundled MapLibre cannot find its worker next to itself; point it at the emitted file.
setWorkerUrl(workerUrl);

export type MapState = 'loading' | 'idle' | 'error';

export interface MapHandle {
  map: MlMap;
  setEntryVisible(entry: LayerEntry, visible: boolean): void;
  /** Draw an entry at `factor` × its catalog opacity. */
  setEntryOpacity(entry: LayerEntry, factor: number): void;
  /** Add an entry created at run time (an imported layer) with its data, below the highlight. */
  addEntry(entry: LayerEntry, data: GeoJSON.FeatureCollection, visible: boolean): void;
  removeEntry(entry: LayerEntry): void;
  /** Replace a GeoJSON source's data (derived layers, imported data). */
  setData(sourceId: string, data: GeoJSON.FeatureCollection): void;
  /** Frame a bounding box [w, s, e, n]; animated unless the user prefers reduced motion. */
  frame(bbox: [number, number, number, number], padding?: PaddingOptions): void;
  /** Fly to a point (animated unless the user prefers reduced motion). */
  flyTo(center: [number, number], zoom: number): void;
  jumpTo(view: { center: [number, number]; zoom: number; bearing: number }): void;
  destroy(): void;
}

export interface MapOptions {
  container: HTMLElement;
  style: StyleSpecification;
  bounds: LngLatBoundsLike;
  /** A camera from a shared link; when given it wins over `bounds`. */
  view: { center: [number, number]; zoom: number; bearing: number } | null;
  padding: PaddingOptions;
  onMoveEnd: () => void;
  entries: readonly LayerEntry[];
  attribution: string;
  onState: (s: MapState, detail?: string) => void;
  onFeatureClick: (f: MapGeoJSONFeature | null) => void;
}

export function createMap(o: MapOptions): MapHandle {
  const map = new MlMap({
    container: o.container,
    style: o.style,
    ...(o.view ? { center: o.view.center, zoom: o.view.zoom, bearing: o.view.bearing } : { bounds: o.bounds, fitBoundsOptions: { padding: o.padding } }),
    // Needed to read the canvas back (image export, pixel tests).
    canvasContextAttributes: { preserveDrawingBuffer: true },
    attributionControl: { compact: false, customAttribution: o.attribution },
    dragRotate: true,
    // Label fade-ins are motion too: none for users who ask for reduced motion.
    fadeDuration: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 300,
  });
  o.onState('loading');
  map.on('idle', () => o.onState('idle'));
  map.on('moveend', () => o.onMoveEnd());
  map.on('error', (e) => o.onState('error', e.error?.message));

  const interactive = o.entries.flatMap((e) => e.interactive ?? []);
  map.on('click', (ev) => {
    const layers = interactive.filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
    const hit = layers.length ? map.queryRenderedFeatures(ev.point, { layers })[0] : undefined;
    o.onFeatureClick(hit ?? null);
  });
  map.on('mousemove', (ev) => {
    const layers = interactive.filter((id) => map.getLayer(id));
    const hit = layers.length > 0 && map.queryRenderedFeatures(ev.point, { layers }).length > 0;
    map.getCanvas().style.cursor = hit ? 'pointer' : '';
  });

  return {
    map,
    setEntryVisible(entry, visible) {
      for (const id of mapLayerIds(entry)) {
        if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
      }
    },
    setEntryOpacity(entry, factor) {
      for (const spec of entry.layers) {
        if (!map.getLayer(spec.id)) continue;
        for (const [prop, value] of Object.entries(opacityPaint(spec, factor))) {
          map.setPaintProperty(spec.id, prop as never, value as never);
        }
      }
    },
    addEntry(entry, data, visible) {
      if (map.getSource(entry.id)) return;
      for (const [id, src] of Object.entries(entrySources(entry, data))) map.addSource(id, src);
      const { drawn, symbols } = entryLayers(entry, visible, 1);
      for (const l of drawn) map.addLayer(l, 'selection-fill');
      for (const l of symbols) map.addLayer(l);
    },
    removeEntry(entry) {
      for (const l of entry.layers) if (map.getLayer(l.id)) map.removeLayer(l.id);
      for (const id of [entry.id, labelSourceId(entry.id)]) if (map.getSource(id)) map.removeSource(id);
    },
    setData(sourceId, data) {
      const src = map.getSource(sourceId);
      if (src && 'setData' in src) (src as GeoJSONSource).setData(data);
    },
    frame(b, padding) {
      const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      map.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: padding ?? 60, maxZoom: 15, animate: !reduce, duration: reduce ? 0 : 800 });
    },
    flyTo(center, zoom) {
      const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      if (reduce) map.jumpTo({ center, zoom });
      else map.flyTo({ center, zoom, duration: 1200 });
    },
    jumpTo: (v) => map.jumpTo(v),
    destroy: () => map.remove(),
  };
}
