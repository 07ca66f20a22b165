// Map padding that keeps framed features clear of the side panel (or the bottom sheet on phones).
import type { PaddingOptions } from 'maplibre-gl';

/** Below this width the side panel becomes a bottom sheet (matches styles.css). */
export const NARROW_PX = 700;

/** Above this width a wide tab (the resolution's) widens the panel (matches styles.css). */
export const WIDE_PX = 1100;

export function framePadding(panelOpen: boolean, wideTab = false, width = window.innerWidth, height = window.innerHeight): PaddingOptions {
  const narrow = width < NARROW_PX;
  const left = panelOpen && !narrow ? (wideTab && width >= WIDE_PX ? 620 : 400) : 40;
  return { top: 40, right: 40, bottom: narrow && panelOpen ? Math.round(height * 0.45) : 40, left };
}
