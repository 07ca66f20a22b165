// Industrial zones (KCN) and clusters (CCN).
import industryUrl from '../../../geodata/industry.geojson?url';
import { palette } from '../palette';
import type { LayerEntry } from '../types';
import { F, isPlanned, dashedWhen, pointLabel } from './shared';

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
      F.description,
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
