// Output sizes of exported map images.
//
// Print sizes are landscape ISO sheets at 200 dpi: px = mm / 25.4 × 200, rounded.
//   A4 297 × 210 mm → 2338.6 × 1653.5 → 2339 × 1654 px
//   A3 420 × 297 mm → 3307.1 × 2338.6 → 3307 × 2339 px
// MapLibre draws line widths and label sizes in CSS pixels. At 200 dpi one pixel is 0.127 mm, so a
// print drawn at pixel ratio 1 has hairline roads and ~1.5 mm labels. Exports are therefore drawn
// at the screen's zoom with the pixel ratio output ÷ screen (`exportPixelRatio`: ≈ 1.7 for A4 from a
// 1366-px screen, 12 px label ≈ 2.6 mm; ≈ 1.4 for a slide) — still exactly 2339 × 1654 (or
// 3307 × 2339) pixels drawn by the map, not an upscaled screenshot, with labels and lines the same
// share of the picture as on screen and the same labels kept. `pixelRatio` below is the nominal
// ratio from a laptop-sized map. All stay under MapLibre's default maximum canvas of 4096 × 4096.

export type ExportSizeKey = 'screen' | 'slide' | 'a4' | 'a3';

export interface ExportSize {
  /** Output pixels. */
  width: number;
  height: number;
  /** Device pixels per CSS pixel the map is drawn with (line widths, labels). */
  pixelRatio: number;
}

const MM_PER_INCH = 25.4;
export const PRINT_DPI = 200;

/** Pixels for a length in millimetres at a resolution (rounded to whole pixels). */
export function mmToPx(mm: number, dpi = PRINT_DPI): number {
  return Math.round((mm / MM_PER_INCH) * dpi);
}

export const EXPORT_SIZES: Record<ExportSizeKey, ExportSize | null> = {
  /** null: the map's current size on screen. */
  screen: null,
  slide: { width: 1920, height: 1080, pixelRatio: 1 },
  a4: { width: mmToPx(297), height: mmToPx(210), pixelRatio: 2 },
  a3: { width: mmToPx(420), height: mmToPx(297), pixelRatio: 2 },
};

export const EXPORT_SIZE_KEYS: readonly ExportSizeKey[] = ['screen', 'slide', 'a4', 'a3'];

/** MapLibre's default `maxCanvasSize`. */
export const MAX_CANVAS = 4096;

/**
 * Device pixels per CSS pixel an export is drawn with: the output covers the screen's extent at the
 * screen's own zoom (the smaller of the two ratios, so the whole extent fits). Labels and lines then
 * keep their size relative to the picture — the same composition as on screen, scaled to the output
 * (a 12 px label is 12 / 1366 of a laptop screen's width and of an A4's) — and labels are placed and
 * kept as on screen: a lower zoom would drop those with a minimum zoom (the KCN and Bổ Đà labels).
 */
export function exportPixelRatio(size: { width: number; height: number }, screen: { width: number; height: number }): number {
  if (!(screen.width > 0) || !(screen.height > 0)) return 1;
  return Math.min(size.width / screen.width, size.height / screen.height);
}

/** The output size for a key, given the map's size on screen (CSS px). */
export function resolveSize(key: ExportSizeKey, screen: { width: number; height: number }): ExportSize {
  return EXPORT_SIZES[key] ?? { width: Math.round(screen.width), height: Math.round(screen.height), pixelRatio: 1 };
}

/**
 * Zoom that shows the same ground extent on a target as `screenZoom` shows on the screen. One zoom
 * level doubles the pixels per metre, so the change is log2 of the size ratio. With heights given,
 * the smaller ratio wins so the whole on-screen extent fits in a target of another shape.
 * Sizes are in CSS pixels (output pixels / pixelRatio).
 */
export function zoomForSize(screenZoom: number, screenWidth: number, targetWidth: number, screenHeight?: number, targetHeight?: number): number {
  let ratio = targetWidth / screenWidth;
  if (screenHeight && targetHeight) ratio = Math.min(ratio, targetHeight / screenHeight);
  return screenZoom + Math.log2(ratio);
}

/** Ground metres per CSS pixel at a latitude and zoom (MapLibre's 512-px world). */
export function metresPerPixel(latitude: number, zoom: number): number {
  return (40075016.686 * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** zoom);
}
