// Tourism and heritage.
import tourismUrl from '../../../geodata/tourism.geojson?url';
import { palette } from '../palette';
import type { LayerEntry } from '../types';
import { F, isPoint, isPolygon, dashedWhen, pointLabel } from './shared';

export const tourismEntries: LayerEntry[] = [
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
    kinds: {
      pagoda: { vi: 'Chùa', en: 'Pagoda' }, communal_house: { vi: 'Đình', en: 'Communal house' }, temple: { vi: 'Đền', en: 'Temple' },
      craft_village: { vi: 'Làng nghề', en: 'Craft village' }, quan_ho_village: { vi: 'Làng quan họ', en: 'Quan họ village' },
      tourism_area: { vi: 'Khu du lịch', en: 'Tourism area' }, golf_course: { vi: 'Sân golf', en: 'Golf course' },
    },
    fields: [
      { key: 'heritage_rank', label: { vi: 'Xếp hạng di tích', en: 'Heritage rank' } },
      F.description,
      F.aliases,
      F.confidence,
    ],
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
];
