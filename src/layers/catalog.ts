// The layer catalog: what layers exist and how they look. Map style and legend come from here.
import unitsUrl from '../../geodata/units-2021.geojson?url';
import wardsUrl from '../../geodata/wards-2025.geojson?url';
import districtUrl from '../../geodata/district.geojson?url';
import { palette } from './palette';
import type { LayerEntry } from './types';

export const LABEL_FONT = ['Noto Sans Regular'];

export const catalog: LayerEntry[] = [
  {
    id: 'units-2021',
    group: 'admin',
    title: { vi: 'Xã, thị trấn (2021)', en: 'Communes and townships (2021)' },
    data: unitsUrl,
    provenance: 'indicative',
    provenanceNote: {
      vi: 'Ranh giới ngoài và ranh giới 4 phường theo bản đồ sáp nhập 2025; ranh giới giữa các xã là sơ đồ.',
      en: 'Outer and 2025-ward boundaries follow the 2025 merger map; boundaries between communes are schematic.',
    },
    visible: true,
    labelPoints: true,
    interactive: ['units-2021-fill'],
    layers: [
      {
        id: 'units-2021-fill',
        type: 'fill',
        paint: {
          'fill-color': ['case', ['==', ['get', 'slated_ward'], true], palette.slatedFill, palette.otherFill],
          'fill-opacity': 1,
        },
      },
      {
        id: 'units-2021-outline',
        type: 'line',
        paint: { 'line-color': palette.unitOutline, 'line-width': 1.5 },
      },
      {
        id: 'units-2021-label',
        type: 'symbol',
        fromLabelPoints: true,
        layout: {
          'text-field': ['get', 'name'],
          'text-font': LABEL_FONT,
          'text-size': ['interpolate', ['linear'], ['zoom'], 10, 11, 13, 15],
          'text-max-width': 8,
          'text-allow-overlap': false,
        },
        paint: { 'text-color': palette.labelText, 'text-halo-color': palette.labelHalo, 'text-halo-width': 1.5 },
      },
    ],
    legend: [
      { label: { vi: 'Dự kiến lên phường (9 đơn vị)', en: 'Slated to become a ward (9 units)' }, swatch: { kind: 'fill', color: palette.slatedFill, outline: palette.unitOutline } },
      { label: { vi: 'Xã khác (8 đơn vị)', en: 'Other communes (8 units)' }, swatch: { kind: 'fill', color: palette.otherFill, outline: palette.unitOutline } },
    ],
  },
  {
    id: 'wards-2025',
    group: 'admin',
    title: { vi: 'Phường từ 7/2025 (Bắc Ninh)', en: 'Wards since Jul 2025 (Bắc Ninh)' },
    data: wardsUrl,
    provenance: 'official',
    provenanceNote: {
      vi: 'Khái quát hóa (≤ 100 m) từ bản đồ sáp nhập đơn vị hành chính 2025.',
      en: 'Generalised (≤ 100 m) from the 2025 administrative merger map.',
    },
    visible: true,
    layers: [
      {
        id: 'wards-2025-outline',
        type: 'line',
        layout: { 'line-join': 'round' },
        paint: { 'line-color': palette.wardOutline, 'line-width': 2.5, 'line-dasharray': [3, 2] },
      },
    ],
    legend: [
      { label: { vi: 'Ranh giới phường 2025', en: '2025 ward boundary' }, swatch: { kind: 'line', color: palette.wardOutline, width: 2.5, dash: [3, 2] } },
    ],
  },
  {
    id: 'district',
    group: 'admin',
    title: { vi: 'Ranh giới thị xã Việt Yên', en: 'Việt Yên town boundary' },
    data: districtUrl,
    provenance: 'official',
    provenanceNote: {
      vi: 'Hợp của 4 phường 2025 (khái quát hóa).',
      en: 'Union of the four 2025 wards (generalised).',
    },
    visible: true,
    layers: [
      {
        id: 'district-outline',
        type: 'line',
        layout: { 'line-join': 'round' },
        paint: { 'line-color': palette.districtOutline, 'line-width': 3 },
      },
    ],
    legend: [
      { label: { vi: 'Ranh giới thị xã (huyện cũ)', en: 'Town (former district) boundary' }, swatch: { kind: 'line', color: palette.districtOutline, width: 3 } },
    ],
  },
];

export function entryById(id: string): LayerEntry | undefined {
  return catalog.find((e) => e.id === id);
}
