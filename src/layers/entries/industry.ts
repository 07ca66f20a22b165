// Industrial zones (KCN) and clusters (CCN).
import industryUrl from '../../../geodata/industry.geojson?url';
import { palette } from '../palette';
import type { LayerEntry } from '../types';
import { F, isPlanned, dashedWhen, pointLabel, describedIn } from './shared';

export const industryEntries: LayerEntry[] = [
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
    kinds: { KCN: { vi: 'Khu công nghiệp (KCN)', en: 'Industrial zone (KCN)' }, CCN: { vi: 'Cụm công nghiệp (CCN)', en: 'Industrial cluster (CCN)' } },
    fields: [
      F.status,
      { key: 'area_ha', label: { vi: 'Diện tích công bố', en: 'Published area' }, format: 'ha' },
      { key: 'decision', label: { vi: 'Quyết định', en: 'Decision' } },
      describedIn({
        'Khu công nghiệp Quang Châu (~426 ha), bên QL1 mới và sông Cầu, phía đông nam Việt Yên.': 'Quang Châu industrial zone (~426 ha), beside the new QL1 and the Cầu river, in the south-east of Việt Yên.',
        'Khu công nghiệp Vân Trung (~350 ha) ở xã Vân Trung, có thể kéo sang Yên Dũng.': 'Vân Trung industrial zone (~350 ha) in Vân Trung commune; it may reach into Yên Dũng.',
        'Khu công nghiệp Hòa Yên (~260 ha, quy hoạch phân khu 1/2000 năm 2023), ĐT398 ở cạnh phía nam, ĐT398B ở cạnh phía tây.': 'Hòa Yên industrial zone (~260 ha, 1/2000 zoning plan of 2023), with ĐT398 along its south edge and ĐT398B along its west edge.',
        'Khu công nghiệp Tiên Sơn – Ninh Sơn (~223 ha: 89,57 ha trong đê và 133,41 ha dự trữ).': 'Tiên Sơn – Ninh Sơn industrial zone (~223 ha: 89.57 ha inside the dike and 133.41 ha in reserve).',
        'Khu công nghiệp Đình Trám (127,35 ha, gồm 93,49 ha và 38 ha cụm Đồng Vàng sáp nhập), bên QL1A cũ.': 'Đình Trám industrial zone (127.35 ha: 93.49 ha plus the 38 ha of the merged Đồng Vàng cluster), beside the old QL1A.',
        'Khu công nghiệp Việt Hàn ở Hồng Thái – Tăng Tiến – Nếnh (diện tích chưa rõ).': 'Việt Hàn industrial zone in Hồng Thái – Tăng Tiến – Nếnh (area unknown).',
        'Phần mở rộng 148 ha của Khu công nghiệp Việt Hàn.': 'The 148 ha expansion of Việt Hàn industrial zone.',
        'Phần mở rộng khoảng 90 ha của Khu công nghiệp Quang Châu.': 'The expansion of Quang Châu industrial zone, about 90 ha.',
        'Khu công nghiệp Quang Châu 2 (quy hoạch chi tiết 1/500 được duyệt năm 2023; diện tích chưa rõ).': 'Quang Châu 2 industrial zone (1/500 detailed plan approved in 2023; area unknown).',
        'Cụm công nghiệp Trung Sơn – Ninh Sơn (diện tích chưa rõ; cụm công nghiệp 10–75 ha).': 'Trung Sơn – Ninh Sơn industrial cluster (area unknown; a cluster is 10–75 ha).',
        'Cụm công nghiệp Việt Nhật, có lẽ ở Nếnh (vị trí và diện tích chưa rõ).': 'Việt Nhật industrial cluster, probably in Nếnh (position and area unknown).',
        'Cụm công nghiệp Hoàng Mai, có lẽ ở Nếnh (vị trí và diện tích chưa rõ).': 'Hoàng Mai industrial cluster, probably in Nếnh (position and area unknown).',
      }),
      F.aliases,
      F.confidence,
    ],
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
];
