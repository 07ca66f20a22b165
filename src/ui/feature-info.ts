// The feature info view model: what the info panel shows for one feature, built from the layer
// catalog's labels (no raw property keys reach the user). Pure: tested without a browser.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { LayerEntry, FieldSpec, Provenance } from '../layers/types';
import type { Lang, Localized } from '../i18n/messages';
import { geometryArea, geometryLength } from '../geo/area';
import { unitsOf } from '../geo/units-of';

export interface InfoRow {
  label: string;
  value: string;
}

export interface FeatureInfo {
  title: string;
  kind: string;
  rows: InfoRow[];
  /** "123.4 ha" for polygons, "5.6 km" for lines, null for points. */
  measure: InfoRow | null;
  units: string[];
  source: string;
  provenance: Provenance;
  /** A unit's history across 2021 / 2024 / 2025, or the units a 2025 ward absorbed. */
  history: string[];
}

const UNIT_ENTRIES = new Set(['units-2021', 'units-2024', 'units-absorbed']);

/** "2021: Xã Hồng Thái — dự kiến lên phường" → "2/2024: Phường Hồng Thái" → "7/2025: thuộc Phường Việt Yên (Bắc Ninh)". */
export function unitHistory(p: Record<string, unknown>, lang: Lang): string[] {
  const name = String(p.name ?? '');
  const ward = p.ward_2025 as { name?: unknown } | undefined;
  const slated = p.slated_ward === true;
  const t24 = String(p.type_2024 ?? '');
  return lang === 'vi'
    ? [
        `2021: ${String(p.type_2021 ?? '')} ${name}${slated ? ' — dự kiến lên phường (NQ 2021)' : ''}`,
        `1/2/2024: ${t24} ${name}, thị xã Việt Yên`,
        `1/7/2025: thuộc Phường ${String(ward?.name ?? '?')}, tỉnh Bắc Ninh`,
      ]
    : [
        `2021: ${p.type_2021 === 'Thị trấn' ? 'Township' : 'Commune'} ${name}${slated ? ' — slated to become a ward (2021 resolution)' : ''}`,
        `1 Feb 2024: ${t24 === 'Phường' ? 'Ward' : 'Commune'} ${name}, Việt Yên town`,
        `1 Jul 2025: part of ${String(ward?.name ?? '?')} ward, Bắc Ninh province`,
      ];
}

const L = {
  area: { vi: 'Diện tích (đo trên ellipsoid WGS 84)', en: 'Area (WGS 84 ellipsoid)' },
  length: { vi: 'Chiều dài (đo trên ellipsoid WGS 84)', en: 'Length (WGS 84 ellipsoid)' },
  yes: { vi: 'có', en: 'yes' },
  no: { vi: 'không', en: 'no' },
} satisfies Record<string, Localized>;

const num = (lang: Lang, n: number, digits: number) =>
  new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits }).format(n);

function formatValue(v: unknown, spec: FieldSpec, lang: Lang): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (spec.values && typeof v === 'string' && spec.values[v]) return spec.values[v]![lang];
  switch (spec.format) {
    case 'number': return typeof v === 'number' ? num(lang, v, 0) : String(v);
    case 'ha': return typeof v === 'number' ? `${num(lang, v, 2)} ha` : String(v);
    case 'km2': return typeof v === 'number' ? `${num(lang, v, 2)} km²` : String(v);
    case 'boolean': return v === true ? L.yes[lang] : v === false ? L.no[lang] : String(v);
    case 'list': return Array.isArray(v) ? v.map(String).join(', ') : String(v);
    case 'date': return typeof v === 'string' ? new Date(v + 'T00:00:00Z').toLocaleDateString(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'UTC' }) : String(v);
    default:
      // Objects (e.g. ward_2025 {code, name}) show their name; anything else as plain text.
      if (typeof v === 'object' && v && 'name' in v) return String((v as { name: unknown }).name);
      return String(v);
  }
}

export function featureInfo(
  entry: LayerEntry,
  f: Feature,
  lang: Lang,
  units: FeatureCollection | undefined,
  titleOf: (entry: LayerEntry, p: Record<string, unknown>) => string,
): FeatureInfo {
  const p = (f.properties ?? {}) as Record<string, unknown>;
  const kindKey = typeof p.kind === 'string' ? p.kind : '';
  const kind = (entry.kinds?.[kindKey] ?? entry.title)[lang];
  const rows: InfoRow[] = [];
  for (const spec of entry.fields ?? []) {
    const v = formatValue(p[spec.key], spec, lang);
    if (v !== null) rows.push({ label: spec.label[lang], value: v });
  }
  const g = f.geometry as Geometry | null;
  let measure: InfoRow | null = null;
  if (g && (g.type === 'Polygon' || g.type === 'MultiPolygon')) {
    measure = { label: L.area[lang], value: `${num(lang, geometryArea(g) / 10_000, 1)} ha` };
  } else if (g && (g.type === 'LineString' || g.type === 'MultiLineString')) {
    measure = { label: L.length[lang], value: `${num(lang, geometryLength(g) / 1000, 2)} km` };
  }
  const inUnits = g && units && !UNIT_ENTRIES.has(entry.id) && entry.group !== 'admin' ? unitsOf(f as Feature<Geometry>, units) : [];
  return {
    title: titleOf(entry, p),
    kind,
    rows,
    measure,
    units: inUnits.map((u) => `${String(u.properties?.type_2021 ?? '')} ${String(u.properties?.name ?? '')}`.trim()),
    source: typeof p.geometry_source === 'string' ? p.geometry_source : '',
    provenance: (['official', 'indicative', 'demonstration'] as const).find((x) => x === p.provenance) ?? entry.provenance,
    history: UNIT_ENTRIES.has(entry.id)
      ? unitHistory(p, lang)
      : Array.isArray(p.units_2021) && units
        ? p.units_2021.map((code) => {
            const u = units.features.find((x) => x.properties?.code === code)?.properties;
            return u ? `${String(u.type_2021)} ${String(u.name)}${u.slated_ward ? (lang === 'vi' ? ' (dự kiến lên phường 2021)' : ' (slated 2021)') : ''}` : String(code);
          })
        : [],
  };
}
