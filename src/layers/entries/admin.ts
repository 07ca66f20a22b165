// Administrative units in three periods: the 17 units of 2021 (9 of them became wards in 2024), the thị xã
// of Feb 2024 (9 phường + 8 xã), and the 4 phường of Bắc Ninh since Jul 2025 with the units they absorbed.
import unitsUrl from '../../../geodata/units-2021.geojson?url';
import wardsUrl from '../../../geodata/wards-2025.geojson?url';
import districtUrl from '../../../geodata/district.geojson?url';
import type { ExpressionSpecification } from 'maplibre-gl';
import { palette, wardColors } from '../palette';
import type { LayerEntry, FieldSpec, Period } from '../types';
import type { Localized } from '../../i18n/types';
import { LABEL_FONT } from './shared';

const unitsNote: Localized = {
  vi: 'Ranh giới ngoài và ranh giới 4 phường theo bản đồ sáp nhập 2025; ranh giới giữa các xã là sơ đồ, không phải ranh giới pháp lý.',
  en: 'Outer and 2025-ward boundaries follow the 2025 merger map; boundaries between communes are schematic, not legal boundaries.',
};

const wardsNote: Localized = {
  vi: 'Khái quát hóa (≤ 100 m) từ bản đồ sáp nhập đơn vị hành chính 2025.',
  en: 'Generalised (≤ 100 m) from the 2025 administrative merger map.',
};

const unitFields: FieldSpec[] = [
  { key: 'code', label: { vi: 'Mã đơn vị (TCTK)', en: 'Unit code (GSO)' } },
  { key: 'official_area_km2', label: { vi: 'Diện tích chính thức', en: 'Official area' }, format: 'km2' },
  { key: 'population_2022', label: { vi: 'Dân số 2022', en: 'Population 2022' }, format: 'number' },
];

const unitLabel = (text: ExpressionSpecification, minzoom = 0) => ({
  minzoom,
  layout: {
    'text-field': text,
    'text-font': LABEL_FONT,
    'text-size': ['interpolate', ['linear'], ['zoom'], 10, 11, 13, 15] as ExpressionSpecification,
    'text-max-width': 8,
  },
  paint: { 'text-color': palette.labelText, 'text-halo-color': palette.labelHalo, 'text-halo-width': 1.5 },
});

const wardColor: ExpressionSpecification = ['match', ['get', 'code'], ...Object.entries(wardColors).flat(), '#ffffff'] as unknown as ExpressionSpecification;

/** The 17 units drawn for one period: two classes (a property equal to a value, or not), labels. */
function unitsEntry(o: {
  id: string;
  period: Period;
  title: Localized;
  split: [property: string, value: string | boolean];
  colors: [yes: string, no: string];
  label: ExpressionSpecification;
  legend: [Localized, Localized];
  searchable?: boolean;
}): LayerEntry {
  return {
    id: o.id,
    group: 'admin',
    periods: [o.period],
    ...(o.searchable === false ? { searchable: false } : {}),
    title: o.title,
    data: unitsUrl,
    provenance: 'indicative',
    provenanceNote: unitsNote,
    visible: true,
    labelPoints: true,
    interactive: [`${o.id}-fill`],
    fields: unitFields,
    layers: [
      {
        id: `${o.id}-fill`,
        type: 'fill',
        paint: { 'fill-color': ['case', ['==', ['get', o.split[0]], o.split[1]], o.colors[0], o.colors[1]], 'fill-opacity': 1 },
      },
      { id: `${o.id}-outline`, type: 'line', paint: { 'line-color': palette.unitOutline, 'line-width': 1.5 } },
      { id: `${o.id}-label`, type: 'symbol', fromLabelPoints: true, ...unitLabel(o.label) },
    ],
    legend: o.legend.map((label, i) => ({ label, swatch: { kind: 'fill' as const, color: o.colors[i as 0 | 1], outline: palette.unitOutline } })),
  };
}

export const adminEntries: LayerEntry[] = [
  unitsEntry({
    id: 'units-2021',
    period: '2021',
    title: { vi: 'Xã, thị trấn (2021)', en: 'Communes and townships (2021)' },
    // The 9 that became wards in 2024 against the other 8. The 2021 resolution set the number (9) and
    // named none: the nine were first named by 956/QĐ-BXD (11/09/2023), made wards by 938/NQ-UBTVQH15.
    split: ['slated_ward', true],
    colors: [palette.slatedFill, palette.otherFill],
    label: ['get', 'name'],
    legend: [
      { vi: 'Lên phường năm 2024 (9 đơn vị; nêu tên ở QĐ 956/QĐ-BXD, 2023)', en: 'One of the 9 units that became wards in 2024 (named by 956/QĐ-BXD, 2023)' },
      { vi: 'Xã khác (8 đơn vị)', en: 'Other communes (8 units)' },
    ],
  }),
  unitsEntry({
    id: 'units-2024',
    period: '2024',
    searchable: false,
    title: { vi: 'Phường, xã của thị xã Việt Yên (2/2024)', en: 'Wards and communes of Việt Yên town (Feb 2024)' },
    split: ['type_2024', 'Phường'],
    colors: [palette.phuong2024, palette.xa2024],
    label: ['concat', ['get', 'type_2024'], ' ', ['get', 'name']],
    legend: [
      { vi: 'Phường (9, từ 1/2/2024)', en: 'Ward – phường (9, since 1 Feb 2024)' },
      { vi: 'Xã (8)', en: 'Commune – xã (8)' },
    ],
  }),
  {
    id: 'wards-2025-areas',
    group: 'admin',
    periods: ['2025'],
    title: { vi: '4 phường của tỉnh Bắc Ninh (từ 1/7/2025)', en: 'The 4 wards of Bắc Ninh province (since 1 Jul 2025)' },
    data: wardsUrl,
    provenance: 'official',
    provenanceNote: wardsNote,
    visible: true,
    labelPoints: true,
    interactive: ['wards-2025-areas-fill'],
    fields: [
      { key: 'code', label: { vi: 'Mã phường', en: 'Ward code' } },
      { key: 'official_area_km2', label: { vi: 'Diện tích chính thức', en: 'Official area' }, format: 'km2' },
      { key: 'population', label: { vi: 'Dân số', en: 'Population' }, format: 'number' },
    ],
    layers: [
      { id: 'wards-2025-areas-fill', type: 'fill', paint: { 'fill-color': wardColor, 'fill-opacity': 1 } },
      { id: 'wards-2025-areas-outline', type: 'line', layout: { 'line-join': 'round' }, paint: { 'line-color': palette.wardOutline, 'line-width': 3 } },
      {
        id: 'wards-2025-areas-label', type: 'symbol', fromLabelPoints: true,
        layout: { 'text-field': ['concat', 'Phường ', ['get', 'name']], 'text-font': LABEL_FONT, 'text-size': 17, 'text-offset': [0, -1.2] },
        paint: { 'text-color': palette.wardOutline, 'text-halo-color': palette.labelHalo, 'text-halo-width': 2 },
      },
    ],
    legend: Object.entries({ '07774': 'Tự Lạn', '07777': 'Việt Yên', '07795': 'Nếnh', '07798': 'Vân Hà' }).map(([code, name]) => ({
      label: { vi: `Phường ${name}`, en: `${name} ward` },
      swatch: { kind: 'fill' as const, color: wardColors[code]!, outline: palette.wardOutline },
    })),
  },
  {
    id: 'units-absorbed',
    group: 'admin',
    periods: ['2025'],
    searchable: false,
    title: { vi: 'Đơn vị cũ đã sáp nhập (2021–2025)', en: 'Former units absorbed (2021–2025)' },
    data: unitsUrl,
    provenance: 'indicative',
    provenanceNote: unitsNote,
    visible: true,
    labelPoints: true,
    interactive: [],
    fields: unitFields,
    layers: [
      { id: 'units-absorbed-outline', type: 'line', paint: { 'line-color': palette.absorbedOutline, 'line-width': 1.2, 'line-dasharray': [2, 2] } },
      {
        id: 'units-absorbed-label', type: 'symbol', fromLabelPoints: true,
        layout: { 'text-field': ['get', 'name'], 'text-font': LABEL_FONT, 'text-size': 11, 'text-offset': [0, 0.6] },
        paint: { 'text-color': '#444444', 'text-halo-color': palette.labelHalo, 'text-halo-width': 1.2 },
      },
    ],
    legend: [{ label: { vi: 'Ranh giới xã, thị trấn cũ (sơ đồ)', en: 'Former commune boundary (schematic)' }, swatch: { kind: 'line', color: palette.absorbedOutline, width: 1.2, dash: [2, 2] } }],
  },
  {
    id: 'wards-2025',
    group: 'admin',
    periods: ['2021', '2024'],
    searchable: false,
    title: { vi: 'Ranh giới 4 phường tương lai (7/2025)', en: 'Boundaries of the 4 future wards (Jul 2025)' },
    data: wardsUrl,
    provenance: 'official',
    provenanceNote: wardsNote,
    visible: true,
    interactive: [],
    layers: [
      { id: 'wards-2025-outline', type: 'line', layout: { 'line-join': 'round' }, paint: { 'line-color': palette.wardOutline, 'line-width': 2.5, 'line-dasharray': [3, 2] } },
    ],
    legend: [
      { label: { vi: 'Ranh giới phường 2025', en: '2025 ward boundary' }, swatch: { kind: 'line', color: palette.wardOutline, width: 2.5, dash: [3, 2] } },
    ],
  },
  {
    id: 'district',
    group: 'admin',
    title: { vi: 'Ranh giới thị xã Việt Yên (huyện cũ)', en: 'Việt Yên town (former district) boundary' },
    data: districtUrl,
    provenance: 'official',
    provenanceNote: { vi: 'Hợp của 4 phường 2025 (khái quát hóa).', en: 'Union of the four 2025 wards (generalised).' },
    visible: true,
    searchable: false,
    layers: [
      { id: 'district-outline', type: 'line', layout: { 'line-join': 'round' }, paint: { 'line-color': palette.districtOutline, 'line-width': 3 } },
    ],
    legend: [
      { label: { vi: 'Ranh giới thị xã (huyện cũ)', en: 'Town (former district) boundary' }, swatch: { kind: 'line', color: palette.districtOutline, width: 3 } },
    ],
  },
];
