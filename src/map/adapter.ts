// The map adapter: the only code that talks to MapLibre (with protocol.ts and render-offscreen.ts
// beside it). Callers describe what the map should show — which entries, visible or not, at what
// opacity, with which data — and the adapter applies the difference; they read and set the camera,
// wait for idle, and take a style snapshot for export through it, never through MapLibre itself.
import { Map as MlMap, NavigationControl, ScaleControl, setWorkerUrl, type IControl, type LngLatBoundsLike } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import './controls.css';
import type { StyleSpecification, GeoJSONSource, PaddingOptions } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import type { LayerEntry } from '../layers/types';
import { mapSafeCollection, originalProperties } from '../data/map-keys';
import { mapLayerIds, opacityPaint, entrySources, entryLayers, labelSourceId, scaleTextSize, PREVIEW_COLOR_PAINT } from './style';
import { sharedVariantValue } from './shader-variants';
import { FILE_KEY } from './bundled-source';
import { BASEMAP_LAYER_PREFIX, BASEMAP_SOURCE, type BasemapStyle } from './basemap-style';
import type { DrawCallbacks, DrawHandle } from './draw';

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
  /** Further factor on fill opacity only (over a basemap the fills give way to it); default 1. */
  fillFactor?: number;
  data?: FeatureCollection;
}

/** Labels of the map's controls in the UI language (MapLibre's own through its `locale`). */
export interface ControlLabels {
  zoomIn: string;
  zoomOut: string;
  resetBearing: string;
  wholeDistrict: string;
  /** The map canvas's accessible name. */
  map: string;
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
  /**
   * Frame a bounding box [w, s, e, n] inside the padding (a point: centre it there at `maxZoom`);
   * animated unless the user prefers reduced motion.
   */
  frame(bbox: BBox, padding?: PaddingOptions, maxZoom?: number): void;
  /** Move the view by (dx, dy) screen px (e.g. to keep the picture clear of a panel that widened). */
  pan(dx: number, dy?: number): void;
  /** Resolves the next time the map has finished drawing (at once if it is idle now). */
  onceIdle(): Promise<void>;
  /** Settles once the map has drawn its first frame, or failed to. */
  firstFrame: Promise<void>;
  /** The current style with every source's data inline (for image export). */
  styleSnapshot(): StyleSpecification;
  /** Size of the map on screen in CSS px. */
  size(): { width: number; height: number };
  /** Draw this basemap beneath every thematic layer (null: none, the offline map). */
  setBasemap(b: BasemapStyle | null): void;
  /** Relabel the controls (a change of UI language). */
  setControlLabels(l: ControlLabels): void;
  /** Scale every label of the catalog's layers (presenter mode on a large screen); 1 = as the catalog says. */
  setLabelScale(k: number): void;
  /** A short mark on the map beside the attribution ("trực tuyến · OpenStreetMap"), or none. */
  setNotice(text: string | null): void;
  /**
   * The proposal drawing tools (terra-draw, loaded now if not yet). While they are open, clicks on
   * the map draw and edit instead of selecting features; `stop` on the handle closes them.
   */
  startDrawing(cb: DrawCallbacks): Promise<DrawHandle>;
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
  /** The district's extent, framed by the "whole district" control with the padding of the moment. */
  district: { bbox: BBox; padding: () => PaddingOptions };
  labels: ControlLabels;
}

const LOCALE_KEYS = {
  'NavigationControl.ZoomIn': 'zoomIn',
  'NavigationControl.ZoomOut': 'zoomOut',
  'NavigationControl.ResetBearing': 'resetBearing',
  'Map.Title': 'map',
} as const satisfies Record<string, keyof ControlLabels>;
const localeOf = (l: ControlLabels): Record<string, string> =>
  Object.fromEntries(Object.entries(LOCALE_KEYS).map(([k, v]) => [k, l[v]]));

/** A button that frames the whole district (MapLibre has no such control). */
class DistrictControl implements IControl {
  private container = document.createElement('div');
  private button = document.createElement('button');
  constructor(private onClick: () => void, label: string) {
    this.container.className = 'maplibregl-ctrl maplibregl-ctrl-group vy-ctrl-district';
    this.button.type = 'button';
    this.button.className = 'vy-ctrl-district-button';
    // A frame with four corners: "show all of it".
    this.button.innerHTML = '<svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false"><path d="M3 7V3h4M13 3h4v4M17 13v4h-4M7 17H3v-4" fill="none" stroke="currentColor" stroke-width="2"/><path d="M7.5 12.5 10 6l2.5 6.5z" fill="currentColor"/></svg>';
    this.button.addEventListener('click', () => this.onClick());
    this.setLabel(label);
    this.container.append(this.button);
  }
  setLabel(label: string) {
    this.button.setAttribute('aria-label', label);
    this.button.title = label;
  }
  onAdd() {
    return this.container;
  }
  onRemove() {
    this.container.remove();
  }
}

/** A line of text among the bottom-right controls (the online basemap's mark). */
class NoticeControl implements IControl {
  private container = document.createElement('div');
  constructor() {
    this.container.className = 'maplibregl-ctrl vy-ctrl-notice';
    this.container.hidden = true;
  }
  set(text: string | null) {
    this.container.textContent = text ?? '';
    this.container.hidden = !text;
  }
  onAdd() {
    return this.container;
  }
  onRemove() {
    this.container.remove();
  }
}

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export function createMap(o: MapOptions): MapHandle {
  const map = new MlMap({
    container: o.container,
    style: o.style,
    ...(o.view ? { center: o.view.center, zoom: o.view.zoom, bearing: o.view.bearing } : { bounds: o.bounds, fitBoundsOptions: { padding: o.padding } }),
    // No preserveDrawingBuffer: nothing reads this canvas back (image export draws its own map,
    // render-offscreen.ts; tests take page screenshots), and with WebGL on the CPU keeping the
    // buffer costs a copy of the whole canvas on every frame of the first load.
    attributionControl: { compact: false, customAttribution: o.attribution },
    dragRotate: true,
    locale: localeOf(o.labels),
    // Labels appear at once, without MapLibre's 300 ms fade: with WebGL on the CPU (projector
    // laptops, headless browsers) each fade frame is a full redraw, and the first map was not
    // settled until its labels had faded in. No motion either for users who ask for less.
    fadeDuration: 0,
  });
  // Test hook: browser tests project coordinates and query rendered features through it.
  (window as unknown as { __vy?: { map: MlMap } }).__vy = { map };
  o.onState('loading');

  // Controls: zoom, compass (north reset), whole district, metric scale; keyboard reachable buttons.
  const frameDistrict = () => handle.frame(o.district.bbox, o.district.padding());
  let nav = new NavigationControl({ showCompass: true, showZoom: true, visualizePitch: false });
  const district = new DistrictControl(frameDistrict, o.labels.wholeDistrict);
  const notice = new NoticeControl();
  map.addControl(nav, 'top-right');
  map.addControl(district, 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-right');
  map.addControl(notice, 'bottom-right');

  const firstFrame = new Promise<void>((resolve) => {
    map.once('render', () => resolve());
    map.once('error', () => resolve());
  });
  map.on('idle', () => o.onState('idle'));
  map.on('moveend', () => o.onMoveEnd());
  map.on('error', (e) => o.onState('error', e.error?.message));

  // Interactive layers: the catalog's plus those of entries bound at run time; and which entry
  // each map layer draws (a source may serve several: the bundled files share one).
  const interactive = new Set(o.entries.flatMap((e) => e.interactive ?? []));
  const entryOfLayer = new Map(o.entries.flatMap((e) => e.layers.map((l) => [l.id, e.id] as const)));
  // While the drawing tools are open the pointer belongs to them.
  let drawing = false;
  map.on('click', (ev) => {
    if (drawing) return;
    const layers = [...interactive].filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
    const hit = layers.length ? map.queryRenderedFeatures(ev.point, { layers })[0] : undefined;
    // The map's copy has hostile property keys renamed (map-keys.ts): the app gets the original keys back.
    const feature = hit ? (hit.toJSON() as Feature) : null;
    if (feature) {
      const { [FILE_KEY]: _tag, ...props } = feature.properties ?? {};
      feature.properties = originalProperties(props);
    }
    o.onFeatureClick(hit && feature ? { layerId: entryOfLayer.get(hit.layer.id) ?? hit.source, id: String(feature.properties?.['id'] ?? hit.id ?? ''), feature } : null);
  });
  map.on('mousemove', (ev) => {
    if (drawing) return;
    const layers = [...interactive].filter((id) => map.getLayer(id));
    const hit = layers.length > 0 && map.queryRenderedFeatures(ev.point, { layers }).length > 0;
    map.getCanvas().style.cursor = hit ? 'pointer' : '';
  });

  // What is applied now, so `bind` touches only what changed.
  const applied = new Map<string, { visible: boolean; opacity: number; fill: number }>();
  let labelScale = 1;
  const catalogSymbols = new Map(o.entries.flatMap((e) => e.layers).filter((l) => l.type === 'symbol').map((l) => [l.id, (l as { layout?: Record<string, unknown> }).layout?.['text-size']]));
  const runtime = new Map<string, LayerEntry>();
  let wanted: readonly BoundEntry[] = [];

  const addEntry = (entry: LayerEntry, data: FeatureCollection, visible: boolean) => {
    for (const [id, src] of Object.entries(entrySources(entry, data))) map.addSource(id, src);
    const { drawn, symbols } = entryLayers(entry, visible, 1);
    for (const l of drawn) map.addLayer(l, 'selection-fill');
    for (const l of symbols) map.addLayer(l);
    for (const id of entry.interactive ?? []) interactive.add(id);
    for (const l of entry.layers) entryOfLayer.set(l.id, entry.id);
    runtime.set(entry.id, entry);
  };
  const removeEntry = (entry: LayerEntry) => {
    for (const l of entry.layers) if (map.getLayer(l.id)) map.removeLayer(l.id);
    for (const id of [entry.id, labelSourceId(entry.id)]) {
      if (map.getSource(id)) map.removeSource(id);
      empty.delete(id);
    }
    for (const id of entry.interactive ?? []) interactive.delete(id);
    for (const l of entry.layers) entryOfLayer.delete(l.id);
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
      const fill = b.fillFactor ?? 1;
      if (!was || was.opacity !== b.opacity || was.fill !== fill) {
        for (const spec of b.entry.layers) {
          if (!map.getLayer(spec.id)) continue;
          for (const [prop, value] of Object.entries(opacityPaint(spec, b.opacity, fill))) map.setPaintProperty(spec.id, prop as never, (b.entry.vectorTiles ? value : sharedVariantValue(spec.type, prop, value)) as never);
        }
      }
      applied.set(b.entry.id, { visible: b.visible, opacity: b.opacity, fill });
    }
  };
  // Sources' data set before the style loaded is applied once it has.
  const pendingData = new Map<string, FeatureCollection>();
  // GeoJSON sources that hold no feature now (the derived ones start so: selection, preview,
  // proposals, gaps, coverage). Emptying one again changes nothing, and skipping it spares the
  // first load a reload of those sources (a worker round and a frame) after MapLibre's 'load'.
  const empty = new Set(Object.entries(o.style.sources).filter(([, s]) => s.type === 'geojson' && typeof s.data === 'object' && (s.data as FeatureCollection).features?.length === 0).map(([id]) => id));
  const setSourceData = (id: string, data: FeatureCollection) => {
    const src = map.getSource(id);
    if (src && 'setData' in src) (src as GeoJSONSource).setData(mapSafeCollection(data));
  };
  // The basemap beneath the thematic layers: replaced whole when its key changes.
  let basemapWanted: BasemapStyle | null = null;
  let basemapKey: string | null = null;
  const applyBasemap = () => {
    const b = basemapWanted;
    const key = b?.key ?? null;
    if (key === basemapKey) return;
    for (const l of map.getStyle().layers) if (l.id.startsWith(BASEMAP_LAYER_PREFIX)) map.removeLayer(l.id);
    if (map.getSource(BASEMAP_SOURCE)) map.removeSource(BASEMAP_SOURCE);
    if (b) {
      for (const [id, src] of Object.entries(b.sources)) map.addSource(id, src);
      const before = map.getStyle().layers.find((l) => l.id !== 'background' && !l.id.startsWith(BASEMAP_LAYER_PREFIX))?.id;
      for (const l of b.layers) map.addLayer(l, before);
    }
    basemapKey = key;
  };
  const applyLabelScale = () => {
    for (const [id, size] of catalogSymbols) {
      if (map.getLayer(id)) map.setLayoutProperty(id, 'text-size', (labelScale === 1 ? size ?? 16 : scaleTextSize(size ?? 16, labelScale)) as never);
    }
  };
  // MapLibre's 'load' (the first complete frame) has passed: terra-draw waits for it.
  let loadedOnce = false;
  map.once('load', () => (loadedOnce = true));
  let styleReady = false;
  // 'style.load': the style's sources and layers exist (MapLibre's 'load' comes only after the first
  // complete frame; data set before that would be applied late and fade its labels in again).
  map.once('style.load', () => {
    styleReady = true;
    applyBasemap();
    if (labelScale !== 1) applyLabelScale();
    apply();
    for (const [id, data] of pendingData) setSourceData(id, data);
    pendingData.clear();
  });

  const camera = (): Camera => {
    const c = map.getCenter();
    return { center: [c.lng, c.lat], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
  };

  const handle: MapHandle = {
    bind(entries) {
      wanted = entries;
      if (styleReady) apply();
    },
    setData(sourceId, data) {
      const none = data.features.length === 0;
      if (none && empty.has(sourceId)) {
        pendingData.delete(sourceId);
        return;
      }
      if (none) empty.add(sourceId);
      else empty.delete(sourceId);
      if (styleReady) setSourceData(sourceId, data);
      else pendingData.set(sourceId, data);
    },
    setPreviewColor(color) {
      const apply = () => {
        for (const [id, prop] of PREVIEW_COLOR_PAINT) {
          const layer = map.getLayer(id);
          if (layer) map.setPaintProperty(id, prop as never, sharedVariantValue(layer.type, prop, color) as never);
        }
      };
      if (styleReady) apply();
      else map.once('style.load', apply);
    },
    camera,
    setCamera(c, animate = true, durationMs = 1200) {
      const target = { ...camera(), ...c };
      if (animate && !reducedMotion()) map.flyTo({ ...target, duration: durationMs, essential: false });
      else map.jumpTo(target);
    },
    frame(b, padding, maxZoom = 15) {
      const reduce = reducedMotion();
      const cam = map.cameraForBounds([[b[0], b[1]], [b[2], b[3]]], { padding: padding ?? 60, maxZoom });
      if (!cam) return;
      // cameraForBounds leaves the bearing as it is (fitBounds would turn the map to north).
      const target = { ...cam, bearing: map.getBearing() };
      if (reduce) map.jumpTo(target);
      else map.easeTo({ ...target, duration: 800 });
    },
    pan(dx, dy = 0) {
      map.panBy([dx, dy], { duration: reducedMotion() ? 0 : 300 });
    },
    firstFrame,
    onceIdle: () =>
      new Promise<void>((resolve) => {
        if (map.loaded() && !map.isMoving()) resolve();
        else map.once('idle', () => resolve());
      }),
    styleSnapshot: () => map.getStyle(),
    size: () => ({ width: map.getContainer().clientWidth, height: map.getContainer().clientHeight }),
    setBasemap(b) {
      basemapWanted = b;
      if (styleReady) applyBasemap();
    },
    setControlLabels(l) {
      // MapLibre reads its UI strings when a control is added: patch the table, add it again.
      const m = map as unknown as { _locale: Record<string, string> };
      m._locale = { ...m._locale, ...localeOf(l) };
      map.removeControl(nav);
      map.removeControl(district);
      nav = new NavigationControl({ showCompass: true, showZoom: true, visualizePitch: false });
      map.addControl(nav, 'top-right');
      map.addControl(district, 'top-right');
      district.setLabel(l.wholeDistrict);
      map.getCanvas().setAttribute('aria-label', l.map);
    },
    setLabelScale(k) {
      if (k === labelScale) return;
      labelScale = k;
      if (styleReady) applyLabelScale();
    },
    setNotice: (text) => notice.set(text),
    async startDrawing(cb) {
      const { createDraw } = await import('./draw');
      if (!loadedOnce) await new Promise<void>((resolve) => map.once('load', () => resolve()));
      const d = createDraw(map, cb);
      drawing = true;
      map.getCanvas().style.cursor = '';
      return { ...d, stop: () => ((drawing = false), d.stop()) };
    },
    destroy: () => map.remove(),
  };
  return handle;
}
