// Building blocks shared by the catalog entries: field specs, filters, label layout.
import type { ExpressionSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { palette } from '../palette';
import { STATUS_LABELS } from '../../plans/vocabulary';
import type { FieldSpec } from '../types';
import { LABEL_FAMILY } from '../../map/fonts';

/** Labels in the page's own Noto Sans (src/map/fonts.ts). */
export const LABEL_FONT = [LABEL_FAMILY];

export const F = {
  status: {
    key: 'status', label: { vi: 'Tình trạng', en: 'Status' },
    values: {
      operating: { vi: 'Đang hoạt động', en: 'Operating' }, expanding: { vi: 'Đang mở rộng', en: 'Expanding' },
      planned: { vi: 'Quy hoạch (dự kiến)', en: 'Planned' }, existing: { vi: 'Hiện có', en: 'Existing' },
      ...STATUS_LABELS,
    },
  },
  description: { key: 'description', label: { vi: 'Mô tả', en: 'Description' } },
  confidence: {
    key: 'confidence', label: { vi: 'Độ tin cậy của thông tin', en: 'Confidence' },
    values: { H: { vi: 'Cao (văn bản chính thức)', en: 'High (official text)' }, M: { vi: 'Trung bình (một nguồn uy tín)', en: 'Medium (one reputable source)' }, U: { vi: 'Chưa kiểm chứng', en: 'Unverified' } },
  },
  aliases: { key: 'aliases', label: { vi: 'Tên khác', en: 'Also known as' }, format: 'list' },
} satisfies Record<string, FieldSpec>;

/**
 * The `description` field of a layer whose descriptions are written in Vietnamese only: each known
 * text with its English translation, so the English UI shows no Vietnamese sentence (and a text
 * can be reworded for the Vietnamese UI too: `[shown in vi, en]`). Unknown texts show as written.
 */
export function describedIn(texts: Record<string, string | readonly [vi: string, en: string]>): FieldSpec {
  return {
    ...F.description,
    values: Object.fromEntries(Object.entries(texts).map(([raw, t]) => [raw, typeof t === 'string' ? { vi: raw, en: t } : { vi: t[0], en: t[1] }])),
  };
}

export const isPlanned: ExpressionSpecification = ['==', ['get', 'status'], 'planned'];
// `geometry-type` says "MultiLineString" etc. for multi-part features: match both forms.
const geomIs = (...types: string[]): ExpressionSpecification => ['in', ['geometry-type'], ['literal', types]];
export const isPoint = geomIs('Point', 'MultiPoint');
export const isLine = geomIs('LineString', 'MultiLineString');
export const isPolygon = geomIs('Polygon', 'MultiPolygon');
export const kindIs = (...kinds: string[]): ExpressionSpecification => ['in', ['get', 'kind'], ['literal', kinds]];
/** Dashed where `when` holds, solid otherwise (data-driven line-dasharray). */
export const dashedWhen = (when: ExpressionSpecification, dash: number[]): ExpressionSpecification => ['case', when, ['literal', dash], ['literal', [1, 0]]];
/** A fraction as a percentage with at most one decimal, in the language's decimal separator ("26,7%" / "26.7%"). */
export const pct = (x: number, lang: 'vi' | 'en' = 'en') => {
  const s = `${Math.round(x * 1000) / 10}%`;
  return lang === 'vi' ? s.replace('.', ',') : s;
};
export const pointLabel = (minzoom: number, size = 12, centred = false): Pick<SymbolLayerSpecification, 'minzoom' | 'layout' | 'paint'> => ({
  minzoom,
  layout: {
    'text-field': ['get', 'name'],
    'text-font': LABEL_FONT,
    'text-size': size,
    'text-offset': centred ? [0, 0] : [0, 0.9],
    'text-anchor': centred ? 'center' : 'top',
    'text-max-width': 9,
    'text-optional': true,
  },
  paint: { 'text-color': palette.labelText, 'text-halo-color': palette.labelHalo, 'text-halo-width': 1.4 },
});

