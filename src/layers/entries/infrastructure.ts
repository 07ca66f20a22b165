// Transport and logistics: existing network and the resolution's planned items.
import infrastructureUrl from '../../../geodata/infrastructure.geojson?url';
import { palette } from '../palette';
import type { LayerEntry } from '../types';
import { F, LABEL_FONT, isPlanned, isPoint, isLine, isPolygon, kindIs, dashedWhen, pointLabel, describedIn } from './shared';

export const infrastructureEntries: LayerEntry[] = [
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
    kinds: {
      river: { vi: 'Sông', en: 'River' }, expressway: { vi: 'Đường cao tốc', en: 'Expressway' },
      national_road: { vi: 'Quốc lộ', en: 'National road' }, provincial_road: { vi: 'Đường tỉnh', en: 'Provincial road' },
      railway: { vi: 'Đường sắt', en: 'Railway' }, inland_port: { vi: 'Cảng cạn / cảng sông', en: 'Inland river port' },
      logistics_centre: { vi: 'Trung tâm logistics', en: 'Logistics centre' }, bus_station: { vi: 'Bến xe khách', en: 'Bus station' },
      trade_centre: { vi: 'Trung tâm thương mại', en: 'Trade centre' }, workers_housing: { vi: 'Nhà ở công nhân', en: 'Workers’ housing' },
      compact_urban_core: { vi: 'Khu đô thị nén', en: 'Compact urban core' },
    },
    fields: [
      F.status,
      describedIn({
        'Sông Cầu chảy dọc ranh giới phía tây và phía nam, giáp Yên Phong và TP Bắc Ninh.': 'The Cầu river runs along the west and south boundary, facing Yên Phong and Bắc Ninh city.',
        'Cao tốc Hà Nội – Bắc Giang – Lạng Sơn (QL1 mới) cắt qua phía đông nam: Quang Châu, Vân Trung, Nếnh, Tăng Tiến.': 'The Hà Nội – Bắc Giang – Lạng Sơn expressway (new QL1) crosses the south-east: Quang Châu, Vân Trung, Nếnh, Tăng Tiến.',
        'Quốc lộ 1A cũ chạy qua Đình Trám về TP Bắc Giang.': 'The old National Road 1A runs past Đình Trám towards Bắc Giang city.',
        'QL37 từ Đình Trám qua Bích Động (đường Thân Nhân Trung), Tự Lạn đi Hiệp Hòa.': 'QL37 runs from Đình Trám through Bích Động (Thân Nhân Trung street) and Tự Lạn to Hiệp Hòa.',
        'Đường tỉnh 398, chạy dọc cạnh phía nam KCN Hòa Yên.': 'Provincial road 398, along the south edge of KCN Hòa Yên.',
        'Đường tỉnh 398B, chạy dọc cạnh phía tây KCN Hòa Yên.': 'Provincial road 398B, along the west edge of KCN Hòa Yên.',
        'Đường sắt Hà Nội – Đồng Đăng chạy qua thị xã, có lẽ qua Nếnh (ga Sen Hồ).': 'The Hà Nội – Đồng Đăng railway crosses the town, probably through Nếnh (Sen Hồ station).',
        'Cảng thủy nội địa trên sông Cầu theo Nghị quyết 162-NQ/TU; chưa công bố vị trí.': 'An inland port on the Cầu river, called for by resolution 162-NQ/TU; no site published.',
        'Trung tâm logistics gần cao tốc theo Nghị quyết 162-NQ/TU; chưa công bố vị trí.': 'A logistics centre near the expressway, called for by resolution 162-NQ/TU; no site published.',
        'Bến xe khách trên QL37 theo Nghị quyết 162-NQ/TU; chưa công bố vị trí.': 'A bus station on QL37, called for by resolution 162-NQ/TU; no site published.',
        'Một trong ít nhất 2 trung tâm thương mại theo Nghị quyết 162-NQ/TU; chưa công bố vị trí.': 'One of at least 2 trade centres called for by resolution 162-NQ/TU; no site published.',
        'Khu nhà ở cho công nhân gần các khu công nghiệp theo Nghị quyết 162-NQ/TU; chưa công bố vị trí.': 'Housing for workers near the industrial zones, called for by resolution 162-NQ/TU; no site published.',
      }),
      // Places added from source/resolution-places.json: where the place is named.
      { key: 'source', label: { vi: 'Tài liệu nêu địa điểm', en: 'Where the place is named' } },
      F.aliases,
      F.confidence,
    ],
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
      { label: { vi: 'Khu quy hoạch (nhà ở công nhân…)', en: 'Planned area (workers’ housing…)' }, swatch: { kind: 'fill', color: palette.plannedInfra, opacity: 0.25, outline: palette.plannedInfra } },
    ],
  },
];
