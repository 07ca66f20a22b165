// Label fonts: the page's own Noto Sans, the @fontsource faces main.tsx loads for the interface
// (latin, latin-ext and vietnamese subsets), drawn by MapLibre's local glyph rasterizer (TinySDF)
// from the document's fonts: no glyph server, works offline, and the font files are fetched once
// for the interface and the map alike. Issue 15: the style's `font-faces` had MapLibre fetch and
// register the same files again while the worker waited for its glyphs; drawing from the page's
// faces took 0.03–0.07 s off the app's first idle (medians of two interleaved bench runs of 13),
// with a screenshot of the first view identical to the byte.

/** The family of the interface's @font-face rules (an unquoted name: MapLibre adds `sans-serif`). */
export const LABEL_FAMILY = 'Noto Sans';

// One character of each subset's own range (their unicode-range in @fontsource/noto-sans/400.css):
// latin 'a', latin-ext 'Ā' (U+0100), vietnamese 'ạ' (U+1EA1). The per-subset CSS the page imports
// declares no range, so the browser tries the faces in turn; asking for the three loads them all.
const SUBSET_SAMPLES = 'aĀạ';

/**
 * Resolves once the label faces of every subset have loaded (the interface may not have needed them
 * all yet), so no label glyph is drawn with a fallback font and kept in the map's glyph atlas.
 * Never rejects: without the faces, labels are drawn in the browser's sans-serif.
 */
export function labelFontsReady(fonts: FontFaceSet | undefined = typeof document === 'undefined' ? undefined : document.fonts): Promise<void> {
  if (!fonts) return Promise.resolve();
  return fonts.load(`400 16px "${LABEL_FAMILY}"`, SUBSET_SAMPLES).then(
    () => undefined,
    () => undefined,
  );
}
