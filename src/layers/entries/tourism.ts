// Tourism and heritage.
import tourismUrl from '../../../geodata/tourism.geojson?url';
import { palette } from '../palette';
import type { LayerEntry } from '../types';
import { F, isPoint, isPolygon, dashedWhen, pointLabel, describedIn } from './shared';

/** "Làng quan họ gốc Hữu Nghi, Ninh Sơn." and its English, for the original quan họ villages and the others. */
const quanHo = (village: string, unit: string, original: boolean): [string, string] => [
  `Làng quan họ ${original ? 'gốc ' : ''}${village}, ${unit}.`,
  `${original ? 'Original quan họ' : 'Quan họ'} village of ${village}, ${unit}.`,
];

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
      {
        key: 'heritage_rank', label: { vi: 'Xếp hạng di tích', en: 'Heritage rank' },
        values: { 'Di tích quốc gia đặc biệt (2016)': { vi: 'Di tích quốc gia đặc biệt (2016)', en: 'Special national monument (2016)' } },
      },
      describedIn({
        'Chùa Bổ Đà (Tứ Ân tự), di tích quốc gia đặc biệt (2016); mộc bản chùa Bổ Đà là bảo vật quốc gia (2018); thuộc Di sản thế giới Yên Tử – Vĩnh Nghiêm – Côn Sơn, Kiếp Bạc (2025).':
          'Bổ Đà pagoda (Tứ Ân tự), special national monument (2016); its woodblocks are a national treasure (2018); part of the Yên Tử – Vĩnh Nghiêm – Côn Sơn, Kiếp Bạc World Heritage site (2025).',
        // The data's text says "facts" in English: shown in Vietnamese here.
        'Đình Thổ Hà ở làng gốm Thổ Hà, trên bãi sông Cầu (facts không ghi cấp di tích).': [
          'Đình Thổ Hà ở làng gốm Thổ Hà, trên bãi sông Cầu (bảng dữ kiện không ghi cấp di tích).',
          'Thổ Hà communal house in the Thổ Hà pottery village, on the Cầu river bank (the facts give no heritage rank).',
        ],
        'Làng nghề gốm Thổ Hà (~20 ha) quanh đình Thổ Hà, trên cù lao sông Cầu.': 'Thổ Hà pottery village (~20 ha) around the Thổ Hà communal house, on an island in the Cầu river.',
        'Làng Vân (Yên Viên), làng nghề nấu rượu truyền thống ở Vân Hà.': 'Làng Vân (Yên Viên), a traditional rice-wine village in Vân Hà.',
        'Khu du lịch cấp tỉnh Tiên Sơn – Vân Hà (ranh giới chưa công bố), gồm chùa Bổ Đà và làng gốm Thổ Hà.': 'Tiên Sơn – Vân Hà provincial tourism area (boundary not published), with Bổ Đà pagoda and the Thổ Hà pottery village.',
        'Sân golf Việt Yên (~141,4 ha) ở Hương Mai – Trung Sơn.': 'Việt Yên golf course (~141.4 ha) in Hương Mai – Trung Sơn.',
        'Đền thờ danh nhân Thân Nhân Trung ở Yên Ninh, Nếnh.': 'Temple of the scholar Thân Nhân Trung at Yên Ninh, Nếnh.',
        ...Object.fromEntries(([
          ['Hữu Nghi', 'Ninh Sơn', true], ['Giá Sơn', 'Ninh Sơn', true], ['Nội Ninh', 'Ninh Sơn', true], ['Mai Vũ', 'Ninh Sơn', true],
          ['Sen Hồ', 'Nếnh', false], ['Quang Biểu', 'Quang Châu', false], ['Núi Hiểu', 'Quang Châu', false], ['Tam Tầng', 'Quang Châu', false],
          ['Đạo Ngạn', 'Quang Châu', false], ['Đông Long', 'Quảng Minh', false], ['Mật Ninh', 'Quảng Minh', false], ['Khả Lý', 'Quảng Minh', false],
        ] as const).map(([v, u, o]) => quanHo(v, u, o))),
      }),
      // The golf course's decisions (source/resolution-places.json, golf_course).
      { key: 'decisions', label: { vi: 'Các quyết định', en: 'Decisions' }, format: 'list' },
      // Places added from source/resolution-places.json: where the place is named.
      { key: 'source', label: { vi: 'Tài liệu nêu địa điểm', en: 'Where the place is named' } },
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
