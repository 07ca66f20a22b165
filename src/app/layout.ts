// Map padding that keeps framed features clear of the side panel (or the bottom sheet on phones).
import type { PaddingOptions } from 'maplibre-gl';

/** Below this width the side panel becomes a bottom sheet (matches styles.css). */
export const NARROW_PX = 700;

/** Above this width a wide tab (resolution, coverage) widens the panel (matches styles.css). */
export const WIDE_PX = 1100;

/** The bottom sheet's share of the window's height on phones (styles.css: 45vh). */
export const SHEET_SHARE = 0.45;

/** Tabs whose tables need room: the side panel widens for them on large screens. */
export function isWideTab(panel: string): boolean {
  return panel === 'resolution' || panel === 'coverage';
}

/**
 * Padding for framing features: clear of the side panel on large screens, of the bottom sheet on
 * phones (a margin above its top edge, and clear of the zoom controls on the right).
 */
export function framePadding(panelOpen: boolean, wideTab = false, width = window.innerWidth, height = window.innerHeight): PaddingOptions {
  const narrow = width < NARROW_PX;
  if (narrow) {
    const sheet = panelOpen ? Math.round(height * SHEET_SHARE) : 48;
    return { top: 24, right: 52, bottom: sheet + 24, left: 24 };
  }
  const left = panelOpen ? (wideTab && width >= WIDE_PX ? 620 : 400) : 40;
  return { top: 40, right: 56, bottom: 40, left };
}

/** Width the side panel gains over its usual 360 px for a wide tab (styles.css: 580 px at ≥ 1100 px). */
export function panelInset(panelOpen: boolean, wideTab: boolean, width = window.innerWidth): number {
  return panelOpen && wideTab && width >= WIDE_PX ? 220 : 0;
}

/**
 * Padding for centring on a point: none on large screens (the point is centred on the window, right
 * of the panel), the bottom sheet's on phones (the point sits in the middle of the map left uncovered).
 */
export function pointPadding(panelOpen: boolean, width = window.innerWidth, height = window.innerHeight): PaddingOptions {
  if (width >= NARROW_PX || !panelOpen) return { top: 0, right: 0, bottom: 0, left: 0 };
  return { top: 0, right: 0, bottom: Math.round(height * SHEET_SHARE), left: 0 };
}
