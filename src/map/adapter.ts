// The map adapter: the only code that talks to MapLibre (with protocol.ts and render-offscreen.ts
// beside it). Callers describe what the map should show — which entries, visible or not, at what
// opacity, with which data — and the adapter applies the difference; they read and set the camera,
// wait for idle, and take a style snapshot for export through it, never through MapLibre itself.
import { Map as MlMap, setWorkerUrl, type LngLatBoundsLike } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { StyleSpecification, GeoJSONSource, PaddingOptions } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import type { LayerEntry } from '../layers/types';
import { mapLayerIds, opacityPaint, entrySources, entryLayers, labelSourceId, PREVIEW_COLOR_PAINT } from './style';

// Bundled MapLibre cannot find its worker next to itself; point it at the emitted file.
setWorkerUrl(workerUrl);

export type MapState = 'loading' | 'idle' | 'error';
export type BBox = [number, number, number, number];

export interface Camera {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

/** One entry as the map should show it. `data` is given for entries added at run time (imports). */
export interface BoundEntry {
  entry: LayerEntry;
  visible: boolean;
  /** Factor on the catalog's own opacity (1 = as the catalog draws it). */
  opacity: number;
  data?: FeatureCollection;
}

/** A click on a drawn feature: its layer entry (the source id), its id and a plain GeoJSON copy. */
export interface FeatureHit {
  layerId: string;
  id: string;
  feature: Feature;
}

export interface MapHandle {
  /**
   * Make the map show exactly these entries: run-time entries (with `data`) are added or removed,
   * visibility and opacity are set where they changed. Safe to call before the style has loaded.
   */
  bind(entries: readonly BoundEntry[]): void;
  /** Replace a GeoJSON source's data (derived layers: coverage, selection, preview). */
  setData(sourceId: string, data: FeatureCollection): void;
  /** Draw the import preview in this colour (the one the layer will get once accepted). */
  setPreviewColor(color: string): void;
  camera(): Camera;
  /** Move the camera; animated unless `animate` is false or the user prefers reduced motion. */
  setCamera(c: Partial<Camera>, animate?: boolean, durationMs?: number): void;
  /** Frame a bounding box [w, s, e, n]; animated unless the user prefers reduced motion. */
  frame(bbox: BBox, padding?: PaddingOptions): void;
  /** Resolves the next time the map has finished drawing (at once if it is idle now). */
  onceIdle(): Promise<void>;
  /** The current style with every source's data inline (for image export). */
  styleSnapshot(): StyleSpecification;
  /** Size of the map on screen in CSS px. */
  size(): { width: number; height: number };
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
  onFeatureClick: (hit: FeatureHit | null) => void;
}

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

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
    fadeDuration: reducedMotion() ? 0 : 300,
  });
  // Test hook: browser tests project coordinates and query rendered features through it.
  (window as unknown as { __vy?: { map: MlMap } }).__vy = { map };
  o.onState('loading');
  map.on('idle', () => o.onState('idle'));
  map.on('moveend', () => o.onMoveEnd());
  map.on('error', (e) => o.onState('error', e.error?.message));

  // Interactive layers: the catalog's plus those of entries bound at run time.
  const interactive = new Set(o.entries.flatMap((e) => e.interactive ?? []));
  map.on('click', (ev) => {
    const layers = [...interactive].filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
    const hit = layers.length ? map.queryRenderedFeatures(ev.point, { layers })[0] : undefined;
    o.onFeatureClick(hit ? { layerId: hit.source, id: String(hit.properties?.['id'] ?? hit.id ?? ''), feature: hit.toJSON() as Feature } : null);
  });
  map.on('mousemove', (ev) => {
    const layers = [...interactive].filter((id) => map.getLayer(id));
    const hit = layers.length > 0 && map.queryRenderedFeatures(ev.point, { layers }).length > 0;
    map.getCanvas().style.cursor = hit ? 'pointer' : '';
  });

  // What is applied now, so `bind` touches only what changed.
  const applied = new Map<string, { visible: boolean; opacity: number }>();
  const runtime = new Map<string, LayerEntry>();
  let wanted: readonly BoundEntry[] = [];

  const addEntry = (entry: LayerEntry, data: FeatureCollection, visible: boolean) => {
    for (const [id, src] of Object.entries(entrySources(entry, data))) map.addSource(id, src);
    const { drawn, symbols } = entryLayers(entry, visible, 1);
    for (const l of drawn) map.addLayer(l, 'selection-fill');
    for (const l of symbols) map.addLayer(l);
    for (const id of entry.interactive ?? []) interactive.add(id);
    runtime.set(entry.id, entry);
  };
  const removeEntry = (entry: LayerEntry) => {
    for (const l of entry.layers) if (map.getLayer(l.id)) map.removeLayer(l.id);
    for (const id of [entry.id, labelSourceId(entry.id)]) if (map.getSource(id)) map.removeSource(id);
    for (const id of entry.interactive ?? []) interactive.delete(id);
    runtime.delete(entry.id);
    applied.delete(entry.id);
  };
  const apply = () => {
    const ids = new Set(wanted.map((b) => b.entry.id));
    for (const [id, entry] of runtime) if (!ids.has(id)) removeEntry(entry);
    for (const b of wanted) {
      if (b.data && !runtime.has(b.entry.id)) addEntry(b.entry, b.data, b.visible);
      const was = applied.get(b.entry.id);
      if (!was || was.visible !== b.visible) {
        for (const id of mapLayerIds(b.entry)) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', b.visible ? 'visible' : 'none');
      }
      if (!was || was.opacity !== b.opacity) {
        for (const spec of b.entry.layers) {
          if (!map.getLayer(spec.id)) continue;
          for (const [prop, value] of Object.entries(opacityPaint(spec, b.opacity))) map.setPaintProperty(spec.id, prop as never, value as never);
        }
      }
      applied.set(b.entry.id, { visible: b.visible, opacity: b.opacity });
    }
  };
  // Sources' data set before the style loaded is applied once it has.
  const pendingData = new Map<string, FeatureCollection>();
  const setSourceData = (id: string, data: FeatureCollection) => {
    const src = map.getSource(id);
    if (src && 'setData' in src) (src as GeoJSONSource).setData(data);
  };
  let styleReady = false;
  map.once('load', () => {
    styleReady = true;
    apply();
    for (const [id, data] of pendingData) setSourceData(id, data);
    pendingData.clear();
  });

  const camera = (): Camera => {
    const c = map.getCenter();
    return { center: [c.lng, c.lat], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
  };

  return {
    bind(entries) {
      wanted = entries;
      if (styleReady) apply();
    },
    setData(sourceId, data) {
      if (styleReady) setSourceData(sourceId, data);
      else pendingData.set(sourceId, data);
    },
    setPreviewColor(color) {
      const apply = () => {
        for (const [id, prop] of PREVIEW_COLOR_PAINT) if (map.getLayer(id)) map.setPaintProperty(id, prop as never, color as never);
      };
      if (styleReady) apply();
      else map.once('load', apply);
    },
    camera,
    setCamera(c, animate = true, durationMs = 1200) {
      const target = { ...camera(), ...c };
      if (animate && !reducedMotion()) map.flyTo({ ...target, duration: durationMs, essential: false });
      else map.jumpTo(target);
    },
    frame(b, padding) {
      const reduce = reducedMotion();
      map.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: padding ?? 60, maxZoom: 15, animate: !reduce, duration: reduce ? 0 : 800 });
    },
    onceIdle: () =>
      new Promise<void>((resolve) => {
        if (map.loaded() && !map.isMoving()) resolve();
        else map.once('idle', () => resolve());
      }),
    styleSnapshot: () => map.getStyle(),
    size: () => ({ width: map.getContainer().clientWidth, height: map.getContainer().clientHeight }),
    destroy: () => map.remove(),
  };
}
