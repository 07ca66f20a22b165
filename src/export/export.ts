// Map image export: render the current view off screen at the chosen size, draw title, legend,
// scale, north arrow and sources over it, and hand back a PNG.
import type { StyleSpecification } from 'maplibre-gl';
import type { Lang } from '../i18n/types';
import type { LegendBlock } from '../presenter/types';
import { composeExport, FONT_FAMILY, type ImageMark } from './compose';
import { renderMapImage } from '../map/render-offscreen';
import { exportPixelRatio, metresPerPixel, resolveSize, zoomForSize, type ExportSizeKey } from './sizes';

export interface ExportPngOptions {
  /** The on-screen map's style (`map.getStyle()`): sources with their data, current visibility. */
  style: StyleSpecification;
  view: { center: [number, number]; zoom: number; bearing: number; pitch: number };
  /** Size of the on-screen map in CSS px (`map.getContainer().clientWidth/Height`). */
  screen: { width: number; height: number };
  size: ExportSizeKey;
  title: string;
  subtitle?: string;
  legend: LegendBlock[];
  /** Honesty marks drawn on the image (demonstration data, schematic boundaries), already localized. */
  marks?: ImageMark[];
  dateText: string;
  sourceText: string;
  lang: Lang;
  timeoutMs?: number;
}

export async function exportPng(o: ExportPngOptions): Promise<Blob> {
  const size = { ...resolveSize(o.size, o.screen) };
  size.pixelRatio = exportPixelRatio(size, o.screen);
  // Same ground extent as on screen: the map is drawn at width / pixelRatio CSS px (at the screen's zoom).
  const zoom = zoomForSize(o.view.zoom, o.screen.width, size.width / size.pixelRatio, o.screen.height, size.height / size.pixelRatio);
  await loadFonts([o.title, o.subtitle ?? '', o.dateText, o.sourceText, ...(o.marks ?? []).map((k) => k.text), ...o.legend.flatMap((b) => [b.title, ...b.items.map((i) => i.label)])].join(' '));
  const map = await renderMapImage({
    style: o.style, center: o.view.center, zoom, bearing: o.view.bearing, pitch: o.view.pitch,
    width: size.width, height: size.height, pixelRatio: size.pixelRatio, timeoutMs: o.timeoutMs,
  });
  const image = composeExport(map, {
    title: o.title, subtitle: o.subtitle, legend: o.legend, marks: o.marks,
    scale: { metresPerPixel: metresPerPixel(o.view.center[1], zoom) / size.pixelRatio },
    bearing: o.view.bearing, dateText: o.dateText, sourceText: o.sourceText, lang: o.lang,
  });
  return new Promise((resolve, reject) =>
    image.toBlob((b) => (b ? resolve(b) : reject(new Error('Map image: the browser could not encode the PNG'))), 'image/png'),
  );
}

/** Canvas text does not wait for web fonts: load the weights and subsets the text needs first. */
async function loadFonts(sample: string): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  try {
    await Promise.all([document.fonts.load(`400 16px ${FONT_FAMILY}`, sample), document.fonts.load(`700 16px ${FONT_FAMILY}`, sample)]);
  } catch {
    // A missing font only changes the typeface; the image is still right.
  }
}

/** viet-yen-map-a4-2025-07-01.png */
export function exportFileName(size: ExportSizeKey, date: Date): string {
  const d = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return `viet-yen-map-${size}-${d}.png`;
}
