// Part of the map adapter (src/map is the only place that imports maplibre-gl at run time).
// Draws the map again, off screen, at an export size: a second MapLibre map with the app's style
// (its GeoJSON sources carry their data inline and labels are drawn from the page's own fonts,
// src/map/fonts.ts, so this works offline), waits until it has finished drawing, and copies the
// picture into a 2D canvas.
import { Map as MlMap, type ErrorEvent, type StyleSpecification } from 'maplibre-gl';

export interface RenderMapOptions {
  style: StyleSpecification;
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
  /** Output pixels. */
  width: number;
  height: number;
  /** Device pixels per CSS pixel (see sizes.ts); default 1. */
  pixelRatio?: number;
  /** Give up after this long (ms); default 30 s. */
  timeoutMs?: number;
}

export class RenderTimeoutError extends Error {
  override name = 'RenderTimeoutError';
}

export async function renderMapImage(o: RenderMapOptions): Promise<HTMLCanvasElement> {
  const ratio = o.pixelRatio ?? 1;
  // MapLibre sizes its canvas in whole CSS pixels; round up and crop the odd pixel afterwards.
  const cssW = Math.ceil(o.width / ratio);
  const cssH = Math.ceil(o.height / ratio);
  const container = document.createElement('div');
  container.setAttribute('aria-hidden', 'true');
  // Off screen but laid out (display:none has no size, and MapLibre needs one).
  Object.assign(container.style, {
    position: 'fixed', left: `${-cssW - 100}px`, top: '0', width: `${cssW}px`, height: `${cssH}px`,
    pointerEvents: 'none', overflow: 'hidden',
  });
  document.body.append(container);
  let map: MlMap | undefined;
  try {
    map = new MlMap({
      container,
      style: o.style,
      center: o.center,
      zoom: o.zoom,
      bearing: o.bearing,
      pitch: o.pitch,
      pixelRatio: ratio,
      interactive: false,
      fadeDuration: 0,
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    await idle(map, o.timeoutMs ?? 30_000);
    recordForTests(map);
    const src = map.getCanvas();
    const out = document.createElement('canvas');
    out.width = o.width;
    out.height = o.height;
    const ctx = out.getContext('2d');
    if (!ctx) throw new Error('Map image: no 2D canvas available');
    ctx.drawImage(src, 0, 0, o.width, o.height, 0, 0, o.width, o.height);
    return out;
  } finally {
    map?.remove();
    container.remove();
  }
}

/**
 * Test hook beside the app's `window.__vy.map`: the labels the image's map placed (symbol layers'
 * rendered text), its zoom and pixel ratio, so browser tests can check an export keeps the labels
 * the screen shows without reading text out of pixels.
 */
function recordForTests(map: MlMap): void {
  const hook = (window as unknown as { __vy?: Record<string, unknown> }).__vy;
  if (!hook) return;
  const symbols = map.getStyle().layers.filter((l) => l.type === 'symbol').map((l) => l.id);
  const labels = map.queryRenderedFeatures({ layers: symbols }).map((f) => ({
    layer: f.layer.id,
    text: String(f.properties?.['name'] ?? f.properties?.['coverage_text'] ?? ''),
  }));
  hook['lastExport'] = { labels, zoom: map.getZoom(), pixelRatio: map.getPixelRatio() };
}

function idle(map: MlMap, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let lastError = '';
    const onError = (e: ErrorEvent) => {
      lastError = e.error?.message || lastError;
    };
    map.on('error', onError);
    const timer = setTimeout(() => {
      map.off('error', onError);
      const why = lastError ? ` (last map error: ${lastError})` : '';
      reject(new RenderTimeoutError(`Map image: the map did not finish drawing within ${Math.round(timeoutMs / 1000)} s${why}`));
    }, timeoutMs);
    map.once('idle', () => {
      clearTimeout(timer);
      map.off('error', onError);
      resolve();
    });
  });
}
