// What the map's chrome says and how big its labels are: control labels in the UI language, the
// online basemap's mark, and the label scale of presenter mode on a large screen.
import { createSignal } from 'solid-js';
import type { ControlLabels } from '../map/adapter';
import type { BasemapStyle } from '../map/basemap-style';
import { t } from '../i18n';

export function controlLabels(): ControlLabels {
  return {
    zoomIn: t('ctrl.zoomIn'),
    zoomOut: t('ctrl.zoomOut'),
    resetBearing: t('ctrl.resetBearing'),
    wholeDistrict: t('ctrl.wholeDistrict'),
    map: t('mapLabel'),
  };
}

/** "Trực tuyến · OpenStreetMap" while an online basemap is drawn. */
export function basemapNotice(b: BasemapStyle | null): string | null {
  if (!b?.online) return null;
  return `${t('online')} · ${t(`basemap.${b.id}` as 'basemap.street')}`;
}

const [viewport, setViewport] = createSignal({ width: typeof window === 'undefined' ? 1366 : window.innerWidth, height: typeof window === 'undefined' ? 768 : window.innerHeight });
if (typeof window !== 'undefined') window.addEventListener('resize', () => setViewport({ width: window.innerWidth, height: window.innerHeight }));
/** The window's size in CSS px, as a signal. */
export { viewport };

/** The screen the catalog's label sizes were chosen for. */
export const REFERENCE_SCREEN = { width: 1366, height: 768 };

/**
 * Label scale in presenter mode: labels grow with the screen (a 1920 × 1080 projector gets 1.4×),
 * so they read at the same size relative to the picture as on a laptop; never smaller than 1.
 */
export function presenterLabelScale(width: number, height: number): number {
  const k = Math.min(width / REFERENCE_SCREEN.width, height / REFERENCE_SCREEN.height);
  return Math.round(Math.min(1.75, Math.max(1, k)) * 100) / 100;
}
