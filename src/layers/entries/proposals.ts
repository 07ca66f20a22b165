// The user's proposals (issue 16): plans drawn on the map to see what they would change. Their own
// layer, drawn above the coverage map so they stay visible over it, in a colour of their own and
// with a dashed outline: a user's what-if, never mistaken for a plan of a register.
import { palette } from '../palette';
import type { LayerEntry } from '../types';
import { planFields } from './planning';

export const PROPOSALS_LAYER = 'proposals';

export const proposalEntries: LayerEntry[] = [
  {
    id: PROPOSALS_LAYER,
    group: 'planning',
    title: { vi: 'Đề xuất', en: 'Proposals' },
    data: null,
    provenance: 'proposal',
    provenanceNote: {
      vi: 'Đề xuất của người dùng, vẽ trên bản đồ trong trình duyệt này: không phải quy hoạch chính thức, không phải dữ liệu trình diễn.',
      en: "User's proposals, drawn on the map in this browser: not official plans, not demonstration data.",
    },
    visible: true,
    searchable: false,
    interactive: ['proposals-fill'],
    fields: [
      { key: 'name', label: { vi: 'Tên đề xuất', en: 'Proposal name' } },
      ...planFields.filter((f) => f.key === 'level' || f.key === 'status'),
      { key: 'area_ha', label: { vi: 'Diện tích (ha)', en: 'Area (ha)' }, format: 'number' },
    ],
    layers: [
      { id: 'proposals-fill', type: 'fill', paint: { 'fill-color': palette.proposal, 'fill-opacity': 0.25 } },
      { id: 'proposals-outline', type: 'line', paint: { 'line-color': palette.proposal, 'line-width': 2.5, 'line-dasharray': [3, 1.5] } },
    ],
    legend: [
      { label: { vi: "Đề xuất của người dùng (không chính thức)", en: "User's proposal (not official)" }, swatch: { kind: 'fill', color: palette.proposal, outline: palette.proposal, opacity: 0.25 } },
    ],
  },
];
