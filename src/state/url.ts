// The shareable part of the app state, as a URL hash: view, layers and opacities, selection,
// period, language, open panel. Pure encode/decode so a link restores exactly what was shared.
import { isIsoDate } from '../coverage/approval-date';
import type { Lang } from '../i18n/types';
import { PLAN_LEVELS, PLAN_STATUSES, type PlanLevel, type PlanStatus } from '../plans/vocabulary';

import { PERIODS, type Period } from '../layers/types';
import { BASEMAP_IDS, type BasemapId } from '../map/basemaps';
export { PERIODS, type Period };

export interface View {
  center: [number, number];
  zoom: number;
  bearing: number;
}

export interface UrlState {
  view: View | null;
  /** Ids of visible layers (null = the catalog defaults). */
  layers: string[] | null;
  /** Opacity per layer where it differs from 1. */
  opacity: Record<string, number>;
  selected: { layerId: string; id: string } | null;
  period: Period;
  lang: Lang;
  panel: string;
  panelOpen: boolean;
  /**
   * Coverage options (which plans count, the target as a fraction, and `proposals: false` when the
   * user's proposals do not count); null = the defaults.
   */
  coverage: { levels: PlanLevel[]; statuses: PlanStatus[]; target: number; proposals?: boolean; asOf?: string } | null;
  /** The basemap; 'none' (the offline map) is left out of links. */
  basemap: BasemapId;
}

/** The coverage options a link leaves out (the resolution's rule). */
export const DEFAULT_COVERAGE = { levels: ['detailed'] as PlanLevel[], statuses: ['approved'] as PlanStatus[], target: 0.8 };

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

export function encodeUrlState(s: UrlState): string {
  const p = new URLSearchParams();
  if (s.view) {
    p.set('map', [round(s.view.zoom, 3), round(s.view.center[1], 5), round(s.view.center[0], 5), round(s.view.bearing, 1)].join('/'));
  }
  if (s.layers) p.set('layers', s.layers.join(','));
  const op = Object.entries(s.opacity).filter(([, v]) => v !== 1);
  if (op.length) p.set('opacity', op.map(([k, v]) => `${k}:${round(v, 2)}`).join(','));
  if (s.selected) p.set('sel', `${s.selected.layerId}/${s.selected.id}`);
  p.set('period', s.period);
  p.set('lang', s.lang);
  p.set('panel', s.panelOpen ? s.panel : `${s.panel}-closed`);
  if (s.coverage) {
    p.set('levels', s.coverage.levels.join(','));
    p.set('statuses', s.coverage.statuses.join(','));
    p.set('target', String(round(s.coverage.target * 100, 2)));
    if (s.coverage.proposals === false) p.set('proposals', 'off');
    if (s.coverage.asOf) p.set('asof', s.coverage.asOf);
  }
  if (s.basemap !== 'none') p.set('basemap', s.basemap);
  // Commas and slashes are safe in a fragment; keep links readable.
  return '#' + p.toString().replace(/%2C/g, ',').replace(/%2F/g, '/').replace(/%3A/g, ':');
}

const num = (s: string | undefined) => (s !== undefined && s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : null);

/** Reads a hash; anything missing or malformed falls back to the given defaults (never throws). */
export function decodeUrlState(hash: string, defaults: UrlState): UrlState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const out: UrlState = { ...defaults, opacity: { ...defaults.opacity } };
  const map = p.get('map')?.split('/');
  if (map) {
    const [z, lat, lon, b] = map.map((x) => num(x));
    if (z != null && lat != null && lon != null && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && z >= 0 && z <= 24) {
      out.view = { zoom: z, center: [lon, lat], bearing: b ?? 0 };
    }
  }
  const layers = p.get('layers');
  if (layers !== null) out.layers = layers.split(',').filter(Boolean);
  const op = p.get('opacity');
  if (op) {
    for (const part of op.split(',')) {
      const [k, v] = part.split(':');
      const n = num(v);
      if (k && n !== null && n >= 0 && n <= 1) out.opacity[k] = n;
    }
  }
  const sel = p.get('sel');
  if (sel) {
    const i = sel.indexOf('/');
    if (i > 0 && i < sel.length - 1) out.selected = { layerId: sel.slice(0, i), id: sel.slice(i + 1) };
  }
  const period = p.get('period');
  if (period && (PERIODS as readonly string[]).includes(period)) out.period = period as Period;
  const lang = p.get('lang');
  if (lang === 'vi' || lang === 'en') out.lang = lang;
  const panel = p.get('panel');
  if (panel) {
    out.panelOpen = !panel.endsWith('-closed');
    out.panel = panel.replace(/-closed$/, '');
  }
  const coverage = decodeCoverage(p);
  if (coverage) out.coverage = coverage;
  const basemap = p.get('basemap');
  if (basemap && (BASEMAP_IDS as readonly string[]).includes(basemap)) out.basemap = basemap as BasemapId;
  return out;
}

/** levels, statuses and target (percent) from a link; each part falls back to the default alone. */
function decodeCoverage(p: URLSearchParams): UrlState['coverage'] {
  if (!p.has('levels') && !p.has('statuses') && !p.has('target') && !p.has('proposals') && !p.has('asof')) return null;
  const pick = <T extends string>(v: string | null, allowed: readonly T[], fallback: T[]): T[] => {
    const items = (v ?? '').split(',').filter((x): x is T => (allowed as readonly string[]).includes(x));
    return items.length ? [...new Set(items)] : [...fallback];
  };
  const t = num(p.get('target') ?? undefined);
  return {
    levels: pick(p.get('levels'), PLAN_LEVELS, DEFAULT_COVERAGE.levels),
    statuses: pick(p.get('statuses'), PLAN_STATUSES, DEFAULT_COVERAGE.statuses),
    target: t !== null && t >= 0 && t <= 100 ? round(t / 100, 6) : DEFAULT_COVERAGE.target,
    ...(p.get('proposals') === 'off' ? { proposals: false } : {}),
    // Only a real calendar day; anything else is left out (coverage then has no date filter).
    ...(isIsoDate(p.get('asof')) ? { asOf: p.get('asof')! } : {}),
  };
}

/** Whether two states differ in something a user would step back to (not just the camera). */
export function meaningfulChange(a: UrlState, b: UrlState): boolean {
  const strip = (s: UrlState) => JSON.stringify({ ...s, view: null });
  return strip(a) !== strip(b);
}

/**
 * The layers a link asks for, checked against the ones this map has: unknown ids are reported;
 * a list naming ONLY unknown layers (an old link, a typo, another site's) falls back to the default
 * layers (null) instead of hiding every layer without a word. An empty list ("all off") is kept.
 */
export function linkLayers(requested: readonly string[] | null, known: ReadonlySet<string>): { layers: string[] | null; unknown: string[] } {
  if (requested === null) return { layers: null, unknown: [] };
  const unknown = requested.filter((id) => !known.has(id));
  if (requested.length > 0 && unknown.length === requested.length) return { layers: null, unknown };
  return { layers: requested.filter((id) => known.has(id)), unknown };
}
