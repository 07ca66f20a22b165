// The feature info view model: what the info panel shows for one feature, built from the layer
// catalog's labels (no raw property keys reach the user). Pure: tested without a browser.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { LayerEntry, FieldSpec, Provenance } from '../layers/types';
import type { Lang, Localized } from '../i18n/types';
import { geometryArea, geometryLength } from '../geo/area';
import { unitsOf } from '../geo/units-of';
import { badgeOf, confidenceOf, geometryText, sourceText, type Confidence } from './feature-source';

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
  /** Where the facts come from: document number and date, or dataset and licence (localized). */
  source: string;
  /** Confidence of the facts, when the feature states one. */
  confidence: Confidence | null;
  /** How the geometry was made (localized; never a raw property value). */
  geometry: string;
  /** The badge: demonstration stays demonstration; H → official, M/U → indicative. */
  provenance: Provenance;
  /** For a unit that became a ward in 2024: the act that made it one, and when. */
  becameWard: boolean;
  /** A unit's history across 2021 / 2024 / 2025, or the units a 2025 ward absorbed. */
  history: string[];
}

const UNIT_ENTRIES = new Set(['units-2021', 'units-2024', 'units-absorbed']);

/**
 * "2021: Xã Hồng Thái — một trong 9 đơn vị lên phường (…956/QĐ-BXD…)" → "1/2/2024: Phường Hồng Thái
 * (938/NQ-UBTVQH15)" → "1/7/2025: thuộc Phường Việt Yên, tỉnh Bắc Ninh". The 2021 resolution set the
 * number of wards, not the list: the nine are named by 956/QĐ-BXD (11/09/2023).
 */
export function unitHistory(p: Record<string, unknown>, lang: Lang): string[] {
  const name = String(p.name ?? '');
  const ward = p.ward_2025 as { name?: unknown } | undefined;
  const slated = p.slated_ward === true;
  const t24 = String(p.type_2024 ?? '');
  return lang === 'vi'
    ? [
        `2021: ${String(p.type_2021 ?? '')} ${name}${slated ? ' — một trong 9 đơn vị lên phường năm 2024 (nêu tên ở QĐ 956/QĐ-BXD, 11/09/2023)' : ''}`,
        `1/2/2024: ${t24} ${name}, thị xã Việt Yên (NQ 938/NQ-UBTVQH15, thông qua 13/12/2023)`,
        `1/7/2025: thuộc Phường ${String(ward?.name ?? '?')}, tỉnh Bắc Ninh`,
      ]
    : [
        `2021: ${p.type_2021 === 'Thị trấn' ? 'Township' : 'Commune'} ${name}${slated ? ' — one of the 9 units that became wards in 2024 (named by 956/QĐ-BXD, 11 Sep 2023)' : ''}`,
        `1 Feb 2024: ${t24 === 'Phường' ? 'Ward' : 'Commune'} ${name}, Việt Yên town (938/NQ-UBTVQH15, adopted 13 Dec 2023)`,
        `1 Jul 2025: part of ${String(ward?.name ?? '?')} ward, Bắc Ninh province`,
      ];
}

const L = {
  area: { vi: 'Diện tích (đo trên ellipsoid WGS 84)', en: 'Area (WGS 84 ellipsoid)' },
  length: { vi: 'Chiều dài (đo trên ellipsoid WGS 84)', en: 'Length (WGS 84 ellipsoid)' },
  yes: { vi: 'có', en: 'yes' },
  no: { vi: 'không', en: 'no' },
} satisfies Record<string, Localized>;

/** Words that make an alias English ("Quang Chau industrial zone", "Bổ Đà pagoda", "old QL1A"). */
const ENGLISH_ALIAS = /\b(?:industrial|zone|cluster|expansion|IP|pagoda|communal house|temple|village|river|road|expressway|railway|port|centre|center|station|housing|golf|tourism|area|trade|logistics|old|new|rice wine|urban|core|around|craft|rattan|bamboo|pottery|street|hotel)\b/i;

/**
 * Aliases in the UI language: English names in the English UI, Vietnamese names (with their
 * diacritics) in the Vietnamese one. Unaccented spellings ("Chua Bo Da") are for search only.
 */
export function aliasesIn(aliases: readonly unknown[], lang: Lang): string[] {
  return aliases
    .filter((a): a is string => typeof a === 'string')
    .filter((a) => (lang === 'en' ? ENGLISH_ALIAS.test(a) : !ENGLISH_ALIAS.test(a) && /[^\x00-\x7f]/.test(a)));
}

/** Common words that make a free text a sentence in one language (Unicode-aware word match). */
const SENTENCE_WORDS: Record<Lang, string[]> = {
  vi: ['của', 'và', 'ở', 'theo', 'trên', 'các', 'là', 'không', 'chưa', 'có', 'được', 'gần', 'cho', 'với', 'trong', 'này', 'đã', 'từ', 'về', 'nêu', 'quanh', 'thuộc', 'ngày', 'năm', 'tỉnh', 'huyện', 'phê duyệt', 'điều chỉnh', 'chấp thuận', 'thanh tra'],
  en: ['the', 'of', 'and', 'from', 'not', 'is', 'are', 'by', 'with', 'for', 'to', 'an', 'on', 'in', 'at', 'its', 'was', 'were'],
};
const wordRe = (w: string) => new RegExp(`(?<![\\p{L}\\p{N}])${w}(?![\\p{L}\\p{N}])`, 'iu');
const SENTENCE_RES = { vi: SENTENCE_WORDS.vi.map(wordRe), en: SENTENCE_WORDS.en.map(wordRe) };

/** The language a free text is a sentence in (two or more of its common words), or null for names, codes, numbers. */
export function sentenceLanguage(text: string): Lang | null {
  const hits = (l: Lang) => SENTENCE_RES[l].filter((r) => r.test(text)).length;
  const vi = hits('vi');
  const en = hits('en');
  return vi >= 2 && vi > en ? 'vi' : en >= 2 && en > vi ? 'en' : null;
}

const num = (lang: Lang, n: number, digits: number) =>
  new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits }).format(n);

function formatValue(v: unknown, spec: FieldSpec, lang: Lang): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (spec.values && typeof v === 'string' && Object.hasOwn(spec.values, v)) return spec.values[v]![lang];
  switch (spec.format) {
    case 'number': return typeof v === 'number' ? num(lang, v, 0) : asText(v);
    case 'ha': return typeof v === 'number' ? `${num(lang, v, 2)} ha` : asText(v);
    case 'km2': return typeof v === 'number' ? `${num(lang, v, 2)} km²` : asText(v);
    case 'boolean': return v === true ? L.yes[lang] : v === false ? L.no[lang] : asText(v);
    case 'list': return Array.isArray(v) ? v.map(asText).join(', ') : asText(v);
    case 'date': return typeof v === 'string' ? new Date(v + 'T00:00:00Z').toLocaleDateString(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'UTC' }) : asText(v);
    default:
      // Objects (e.g. ward_2025 {code, name}) show their name; anything else as plain text.
      if (typeof v === 'object' && v && Object.hasOwn(v, 'name')) return asText((v as { name: unknown }).name);
      return asText(v);
  }
}

/**
 * Any value as text, never throwing: objects as JSON (String() would give "[object Object]", or
 * throw on one whose own "toString" is a string — property data from an imported file).
 */
function asText(v: unknown): string {
  if (typeof v === 'object' && v !== null) {
    try {
      return JSON.stringify(v) ?? '';
    } catch {
      return '';
    }
  }
  return String(v);
}

/** A feature's own property: "constructor" or "toString" missing from it must not read Object.prototype's. */
const own = (p: Record<string, unknown>, key: string): unknown => (Object.hasOwn(p, key) ? p[key] : undefined);

export function featureInfo(
  entry: LayerEntry,
  f: Feature,
  lang: Lang,
  units: FeatureCollection | undefined,
  titleOf: (entry: LayerEntry, p: Record<string, unknown>) => string,
): FeatureInfo {
  const p = (f.properties ?? {}) as Record<string, unknown>;
  const kindKey = typeof p.kind === 'string' ? p.kind : '';
  const kind = (entry.kinds && Object.hasOwn(entry.kinds, kindKey) ? entry.kinds[kindKey]! : entry.title)[lang];
  const rows: InfoRow[] = [];
  for (const spec of entry.fields ?? []) {
    // The confidence and the feature's own citation are shown in the source line (below), not as rows.
    if (spec.key === 'confidence' || spec.key === 'source') continue;
    let raw = spec.key === 'aliases' && Array.isArray(own(p, spec.key)) ? aliasesIn(own(p, spec.key) as unknown[], lang) : own(p, spec.key);
    // A bundled layer's free text written in the other language (no translation in the catalog) is
    // left out rather than shown untranslated; imported layers show the user's data as it is.
    if (entry.group !== 'imported') {
      const foreign = (x: unknown) => typeof x === 'string' && !spec.values?.[x] && sentenceLanguage(x) === (lang === 'vi' ? 'en' : 'vi');
      raw = Array.isArray(raw) ? raw.filter((x) => !foreign(x)) : foreign(raw) ? null : raw;
    }
    const v = formatValue(Array.isArray(raw) && raw.length === 0 ? null : raw, spec, lang);
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
    source: sourceText(entry, p, lang),
    confidence: confidenceOf(p),
    geometry: geometryText(entry, p, lang),
    provenance: badgeOf(entry, p),
    becameWard: UNIT_ENTRIES.has(entry.id) && p.slated_ward === true,
    history: UNIT_ENTRIES.has(entry.id)
      ? unitHistory(p, lang)
      : Array.isArray(p.units_2021) && units
        ? p.units_2021.map((code) => {
            const u = units.features.find((x) => x.properties?.code === code)?.properties;
            return u ? `${String(u.type_2021)} ${String(u.name)}${u.slated_ward ? (lang === 'vi' ? ' (phường từ 1/2/2024)' : ' (ward from 1 Feb 2024)') : ''}` : String(code);
          })
        : [],
  };
}
