// The layer catalog: what layers exist and how they look. Map style and legend come from here.
import unitsUrl from '../../geodata/units-2021.geojson?url';
import wardsUrl from '../../geodata/wards-2025.geojson?url';
import districtUrl from '../../geodata/district.geojson?url';
import industryUrl from '../../geodata/industry.geojson?url';
import infrastructureUrl from '../../geodata/infrastructure.geojson?url';
import tourismUrl from '../../geodata/tourism.geojson?url';
import plansUrl from '../../geodata/plans-demo.geojson?url';
import { palette, coverageRamp, countingPlanOutline } from './palette';
import { classBounds } from '../ui/coverage-table';
import type { LayerEntry } from './types';
import type { ExpressionSpecification, SymbolLayerSpecification } from 'maplibre-gl';

export const LABEL_FONT = ['Noto Sans Regular'];

const isPlanned: ExpressionSpecification = ['==', ['get', 'status'], 'planned'];
const isPoint: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];
const isLine: ExpressionSpecification = ['==', ['geometry-type'], 'LineString'];
const isPolygon: ExpressionSpecification = ['==', ['geometry-type'], 'Polygon'];
const kindIs = (...kinds: string[]): ExpressionSpecification => ['in', ['get', 'kind'], ['literal', kinds]];
/** Dashed where `when` holds, solid otherwise (data-driven line-dasharray). */
const dashedWhen = (when: ExpressionSpecification, dash: number[]): ExpressionSpecification => ['case', when, ['literal', dash], ['literal', [1, 0]]];
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const pointLabel = (minzoom: number, size = 12, centred = false): Pick<SymbolLayerSpecification, 'minzoom' | 'layout' | 'paint'> => ({
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
  {
    id: 'industry',
    group: 'industry',
    title: { vi: 'Khu, cụm công nghiệp', en: 'Industrial zones and clusters' },
    data: industryUrl,
    provenance: 'indicative',
    provenanceNote: {
      vi: 'Vị trí gần đúng trong xã sở tại, diện tích theo số liệu công bố; chưa có ranh giới chính thức.',
      en: 'Placed inside the host communes and sized to the published area; no official boundary exists.',
    },
    visible: true,
    labelPoints: true,
    interactive: ['industry-fill'],
    layers: [
      {
        id: 'industry-fill',
        type: 'fill',
        paint: {
          'fill-color': ['match', ['get', 'status'], 'operating', palette.industryOperating, 'expanding', palette.industryExpanding, palette.industryPlanned],
          'fill-opacity': 0.85,
        },
      },
      {
        id: 'industry-outline',
        type: 'line',
        paint: { 'line-color': palette.industryOperating, 'line-width': 1.5, 'line-dasharray': dashedWhen(isPlanned, [2, 1.5]) },
      },
      { id: 'industry-label', type: 'symbol', fromLabelPoints: true, ...pointLabel(11.5, 12, true) },
    ],
    legend: [
      { label: { vi: 'Đang hoạt động', en: 'Operating' }, swatch: { kind: 'fill', color: palette.industryOperating, outline: palette.industryOperating } },
      { label: { vi: 'Đang mở rộng', en: 'Expanding' }, swatch: { kind: 'fill', color: palette.industryExpanding, outline: palette.industryOperating } },
      { label: { vi: 'Quy hoạch (dự kiến)', en: 'Planned' }, swatch: { kind: 'fill', color: palette.industryPlanned, outline: palette.industryOperating } },
    ],
  },
  {
    id: 'infrastructure',
    group: 'infrastructure',
    title: { vi: 'Hạ tầng giao thông, logistics', en: 'Transport and logistics' },
    data: infrastructureUrl,
    provenance: 'indicative',
    provenanceNote: {
      vi: 'Tuyến vẽ sơ đồ theo mô tả; công trình quy hoạch chưa công bố vị trí.',
      en: 'Schematic alignments traced from descriptions; planned sites are not published.',
    },
    visible: true,
    labelPoints: false,
    interactive: ['infrastructure-river', 'infrastructure-road', 'infrastructure-rail', 'infrastructure-area', 'infrastructure-point'],
    layers: [
      { id: 'infrastructure-area', type: 'fill', filter: ['all', isPolygon], paint: { 'fill-color': palette.plannedInfra, 'fill-opacity': 0.25 } },
      { id: 'infrastructure-area-outline', type: 'line', filter: ['all', isPolygon], paint: { 'line-color': palette.plannedInfra, 'line-width': 2, 'line-dasharray': [2, 1.5] } },
      { id: 'infrastructure-river', type: 'line', filter: ['all', isLine, kindIs('river')], layout: { 'line-join': 'round', 'line-cap': 'round' }, paint: { 'line-color': palette.river, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 4, 14, 12] } },
      { id: 'infrastructure-road-casing', type: 'line', filter: ['all', isLine, kindIs('expressway', 'national_road', 'provincial_road')], layout: { 'line-join': 'round', 'line-cap': 'round' }, paint: { 'line-color': palette.roadCasing, 'line-width': ['match', ['get', 'kind'], 'expressway', 7, 'national_road', 5.5, 4.5] } },
      {
        id: 'infrastructure-road', type: 'line', filter: ['all', isLine, kindIs('expressway', 'national_road', 'provincial_road')],
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: {
          'line-color': ['match', ['get', 'kind'], 'expressway', palette.expressway, 'national_road', palette.nationalRoad, palette.provincialRoad],
          'line-width': ['match', ['get', 'kind'], 'expressway', 4.5, 'national_road', 3.5, 2.5],
          'line-dasharray': dashedWhen(isPlanned, [2, 1]),
        },
      },
      { id: 'infrastructure-rail', type: 'line', filter: ['all', isLine, kindIs('railway')], paint: { 'line-color': palette.railway, 'line-width': 3, 'line-dasharray': [3, 2] } },
      {
        id: 'infrastructure-point', type: 'circle', filter: ['all', isPoint],
        paint: {
          'circle-radius': 7,
          'circle-color': ['case', isPlanned, '#ffffff', palette.plannedInfra],
          'circle-stroke-color': palette.plannedInfra,
          'circle-stroke-width': 3,
        },
      },
      { id: 'infrastructure-point-label', type: 'symbol', filter: ['all', isPoint], ...pointLabel(11.5, 12) },
      {
        id: 'infrastructure-line-label', type: 'symbol', filter: ['all', isLine], minzoom: 11,
        layout: { 'symbol-placement': 'line', 'text-field': ['get', 'name'], 'text-font': LABEL_FONT, 'text-size': 11 },
        paint: { 'text-color': palette.labelText, 'text-halo-color': palette.labelHalo, 'text-halo-width': 1.4 },
      },
    ],
    legend: [
      { label: { vi: 'Sông Cầu', en: 'Cầu river' }, swatch: { kind: 'line', color: palette.river, width: 5 } },
      { label: { vi: 'Cao tốc / QL1 mới', en: 'Expressway / new QL1' }, swatch: { kind: 'line', color: palette.expressway, width: 4.5 } },
      { label: { vi: 'Quốc lộ', en: 'National road' }, swatch: { kind: 'line', color: palette.nationalRoad, width: 3.5 } },
      { label: { vi: 'Đường tỉnh', en: 'Provincial road' }, swatch: { kind: 'line', color: palette.provincialRoad, width: 2.5 } },
      { label: { vi: 'Đường sắt Hà Nội – Đồng Đăng', en: 'Hà Nội – Đồng Đăng railway' }, swatch: { kind: 'line', color: palette.railway, width: 3, dash: [3, 2] } },
      { label: { vi: 'Công trình hiện có', en: 'Existing facility' }, swatch: { kind: 'circle', color: palette.plannedInfra, stroke: palette.plannedInfra } },
      { label: { vi: 'Công trình quy hoạch (cảng, logistics, bến xe…)', en: 'Planned facility (port, logistics, bus station…)' }, swatch: { kind: 'circle', color: '#ffffff', stroke: palette.plannedInfra } },
      { label: { vi: 'Khu quy hoạch (nhà ở công nhân…)', en: 'Planned area (workers’ housing…)' }, swatch: { kind: 'fill', color: '#f9d0b0', outline: palette.plannedInfra } },
    ],
  },
  {
    id: 'tourism',
    group: 'tourism',
    title: { vi: 'Du lịch và di sản', en: 'Tourism and heritage' },
    data: tourismUrl,
    provenance: 'indicative',
    provenanceNote: {
      vi: 'Chùa Bổ Đà, đình Thổ Hà theo tọa độ đã kiểm chứng; các vị trí khác và khu du lịch là gần đúng.',
      en: 'Bổ Đà pagoda and Thổ Hà communal house at verified coordinates; other positions and the tourism area are indicative.',
    },
    visible: true,
    interactive: ['tourism-point', 'tourism-area-fill'],
    layers: [
      { id: 'tourism-area-fill', type: 'fill', filter: ['all', isPolygon], paint: { 'fill-color': ['match', ['get', 'kind'], 'golf_course', palette.golf, palette.tourismArea], 'fill-opacity': ['match', ['get', 'kind'], 'golf_course', 0.8, 'tourism_area', 0.12, 0.35] } },
      { id: 'tourism-area-outline', type: 'line', filter: ['all', isPolygon], paint: { 'line-color': palette.tourismArea, 'line-width': 2, 'line-dasharray': dashedWhen(['==', ['get', 'kind'], 'tourism_area'], [3, 2]) } },
      {
        id: 'tourism-point', type: 'circle', filter: ['all', isPoint],
        paint: {
          'circle-radius': ['match', ['get', 'kind'], ['pagoda', 'communal_house', 'temple'], 7, 5.5],
          'circle-color': ['match', ['get', 'kind'], ['pagoda', 'communal_house', 'temple'], palette.heritage, 'craft_village', palette.craft, palette.quanHo],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
        },
      },
      { id: 'tourism-point-label', type: 'symbol', filter: ['all', isPoint], ...pointLabel(12, 11.5) },
    ],
    legend: [
      { label: { vi: 'Di tích (chùa, đình, đền)', en: 'Heritage site (pagoda, communal house, temple)' }, swatch: { kind: 'circle', color: palette.heritage } },
      { label: { vi: 'Làng quan họ', en: 'Quan họ village' }, swatch: { kind: 'circle', color: palette.quanHo } },
      { label: { vi: 'Làng nghề', en: 'Craft village' }, swatch: { kind: 'circle', color: palette.craft } },
      { label: { vi: 'Khu du lịch Tiên Sơn – Vân Hà (dự kiến)', en: 'Tiên Sơn – Vân Hà tourism area (indicative)' }, swatch: { kind: 'line', color: palette.tourismArea, width: 2, dash: [3, 2] } },
      { label: { vi: 'Sân golf Việt Yên', en: 'Việt Yên golf course' }, swatch: { kind: 'fill', color: palette.golf, outline: palette.tourismArea } },
    ],
  },
  {
    id: 'plans-demo',
    group: 'planning',
    title: { vi: 'Quy hoạch chi tiết, phân khu (trình diễn)', en: 'Detailed and zoning plans (demonstration)' },
    data: plansUrl,
    provenance: 'demonstration',
    provenanceNote: {
      vi: 'Sổ quy hoạch giả định để trình diễn cách tính độ phủ; hãy nạp sổ quy hoạch thật của bạn.',
      en: 'A fictional register to demonstrate the coverage computation; load your own register.',
    },
    visible: false,
    interactive: ['plans-demo-fill'],
    layers: [
      {
        id: 'plans-demo-fill', type: 'fill',
        paint: {
          'fill-color': ['match', ['get', 'level'], 'zoning', palette.planZoning, palette.planDetailed],
          'fill-opacity': ['case', ['==', ['get', 'status'], 'approved'], 0.3, 0.1],
        },
      },
      {
        id: 'plans-demo-outline', type: 'line',
        paint: {
          'line-color': ['match', ['get', 'level'], 'zoning', palette.planZoning, palette.planDetailed],
          'line-width': 1.5,
          'line-dasharray': dashedWhen(['!=', ['get', 'status'], 'approved'], [2, 2]),
        },
      },
    ],
    legend: [
      { label: { vi: 'QH chi tiết 1/500', en: 'Detailed plan 1/500' }, swatch: { kind: 'fill', color: palette.planDetailed, outline: palette.planDetailed } },
      { label: { vi: 'QH phân khu 1/2000', en: 'Zoning plan 1/2000' }, swatch: { kind: 'fill', color: palette.planZoning, outline: palette.planZoning } },
      { label: { vi: 'Đang lập (viền đứt)', en: 'In preparation (dashed)' }, swatch: { kind: 'line', color: palette.planDetailed, width: 1.5, dash: [2, 2] } },
    ],
  },
  {
    id: 'coverage',
    group: 'planning',
    title: { vi: 'Độ phủ quy hoạch chi tiết', en: 'Detailed-plan coverage' },
    data: null,
    provenance: 'demonstration',
    provenanceNote: {
      vi: 'Tính từ sổ quy hoạch đang dùng (mặc định: dữ liệu trình diễn).',
      en: 'Computed from the plan register in use (by default the demonstration register).',
    },
    visible: false,
    interactive: ['coverage-fill'],
    layers: [
      {
        id: 'coverage-fill', type: 'fill', filter: ['==', ['get', 'kind'], 'unit'],
        paint: { 'fill-color': ['match', ['get', 'coverage_class'], 0, coverageRamp[0], 1, coverageRamp[1], 2, coverageRamp[2], 3, coverageRamp[3], coverageRamp[4]], 'fill-opacity': 1 },
      },
      { id: 'coverage-unit-outline', type: 'line', filter: ['==', ['get', 'kind'], 'unit'], paint: { 'line-color': '#ffffff', 'line-width': 1.5 } },
      {
        id: 'coverage-plans', type: 'line', filter: ['==', ['get', 'kind'], 'plan'],
        paint: { 'line-color': countingPlanOutline, 'line-width': ['case', ['==', ['get', 'focused'], true], 3, 1], 'line-opacity': ['case', ['==', ['get', 'focused'], true], 1, 0.55] },
      },
      {
        id: 'coverage-label', type: 'symbol', filter: ['==', ['get', 'kind'], 'label'],
        layout: { 'text-field': ['concat', ['get', 'name'], '\n', ['get', 'coverage_text']], 'text-font': LABEL_FONT, 'text-size': 12 },
        paint: { 'text-color': palette.labelText, 'text-halo-color': palette.labelHalo, 'text-halo-width': 1.6 },
      },
    ],
    legend: ({ target }) => {
      const b = classBounds(target);
      const labels: [string, string][] = [
        [`< ${pct(b[0]![1])}`, `< ${pct(b[0]![1])}`],
        [`${pct(b[1]![0])} – ${pct(b[1]![1])}`, `${pct(b[1]![0])} – ${pct(b[1]![1])}`],
        [`${pct(b[2]![0])} – ${pct(b[2]![1])}`, `${pct(b[2]![0])} – ${pct(b[2]![1])}`],
        [`${pct(b[3]![0])} – ${pct(target)} (chưa đạt)`, `${pct(b[3]![0])} – ${pct(target)} (below target)`],
        [`> ${pct(target)} (đạt mục tiêu)`, `> ${pct(target)} (meets target)`],
      ];
      return [
        ...labels.map(([vi, en], i) => ({ label: { vi, en }, swatch: { kind: 'fill' as const, color: coverageRamp[i]!, outline: '#ffffff' } })),
        { label: { vi: 'Quy hoạch được tính', en: 'Plans that count' }, swatch: { kind: 'line' as const, color: countingPlanOutline, width: 1.5 } },
      ];
    },
  },
];

export function entryById(id: string): LayerEntry | undefined {
  return catalog.find((e) => e.id === id);
}
