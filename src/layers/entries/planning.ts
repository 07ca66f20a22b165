// Planning: the plan register and the detailed-plan coverage derived from it.
import plansUrl from '../../../geodata/plans-demo.geojson?url';
import { classBounds } from '../../coverage/classes';
import { palette, coverageRamp, coverageOther, countingPlanOutline } from '../palette';
import type { LayerEntry, FieldSpec } from '../types';
import { F, LABEL_FONT, dashedWhen, pct } from './shared';

/** Labels of a plan register's properties (the bundled demo and imported registers alike). */
export const planFields: FieldSpec[] = [
  { key: 'level', label: { vi: 'Cấp quy hoạch', en: 'Plan level' }, values: { detailed: { vi: 'Chi tiết 1/500', en: 'Detailed 1/500' }, zoning: { vi: 'Phân khu 1/2000', en: 'Zoning 1/2000' } } },
  F.status,
  { key: 'decision', label: { vi: 'Quyết định phê duyệt', en: 'Approval decision' } },
  { key: 'approved_on', label: { vi: 'Ngày phê duyệt', en: 'Approved on' }, format: 'date' },
  { key: 'demo', label: { vi: 'Dữ liệu trình diễn (giả định)', en: 'Demonstration data (fictional)' }, format: 'boolean' },
];

export const planningEntries: LayerEntry[] = [
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
    kinds: {},
    fields: planFields,
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
    // Opaque over every unit: the unit, industry and plan fills drawn before it are hidden under it.
    coversBelow: true,
    interactive: ['coverage-fill'],
    layers: [
      {
        id: 'coverage-fill', type: 'fill', filter: ['==', ['get', 'kind'], 'unit'],
        paint: {
          // The target applies to the 9 units that became wards; the others are drawn in a neutral
          // grey the legend explains (never a ramp colour: no colour on the map goes unexplained).
          'fill-color': ['case', ['!=', ['get', 'slated'], true], coverageOther,
            ['match', ['get', 'coverage_class'], 0, coverageRamp[0], 1, coverageRamp[1], 2, coverageRamp[2], 3, coverageRamp[3], coverageRamp[4]]],
          'fill-opacity': 1,
        },
      },
      { id: 'coverage-unit-outline', type: 'line', filter: ['==', ['get', 'kind'], 'unit'], paint: { 'line-color': '#ffffff', 'line-width': 1.5 } },
      {
        id: 'coverage-plans', type: 'line', filter: ['==', ['get', 'kind'], 'plan'],
        paint: { 'line-color': countingPlanOutline, 'line-width': ['case', ['==', ['get', 'focused'], true], 3, 1], 'line-opacity': ['case', ['==', ['get', 'focused'], true], 1, 0.55] },
      },
      {
        id: 'coverage-label', type: 'symbol', filter: ['==', ['get', 'kind'], 'label'],
        // The unit's name is drawn by the units layer; the percentage goes just below it.
        layout: { 'text-field': ['get', 'coverage_text'], 'text-font': LABEL_FONT, 'text-size': 13, 'text-offset': [0, 1.3], 'text-allow-overlap': true },
        paint: { 'text-color': palette.labelText, 'text-halo-color': palette.labelHalo, 'text-halo-width': 1.6 },
      },
    ],
    // Only what the map draws: the classes the units have now, and the grey of units the target
    // does not apply to (every class while no result is known).
    legend: ({ target, coverage }) => {
      const b = classBounds(target);
      const range = (l: 'vi' | 'en') => [
        `< ${pct(b[0]![1], l)}`,
        `${pct(b[1]![0], l)} – ${pct(b[1]![1], l)}`,
        `${pct(b[2]![0], l)} – ${pct(b[2]![1], l)}`,
        `${pct(b[3]![0], l)} – ${pct(target, l)} (${l === 'vi' ? 'chưa đạt' : 'below target'})`,
        `> ${pct(target, l)} (${l === 'vi' ? 'đạt mục tiêu' : 'meets target'})`,
      ];
      const [vi, en] = [range('vi'), range('en')];
      const labels = vi.map((v, i): [string, string] => [v, en[i]!]);
      const shown = (i: number) => !coverage || coverage.classes.includes(i);
      return [
        ...labels.flatMap(([vi, en], i) => (shown(i) ? [{ label: { vi, en }, swatch: { kind: 'fill' as const, color: coverageRamp[i]!, outline: '#ffffff' } }] : [])),
        ...(!coverage || coverage.others
          ? [{ label: { vi: 'Không áp dụng mục tiêu (đơn vị không lên phường)', en: 'Target does not apply (units that did not become wards)' }, swatch: { kind: 'fill' as const, color: coverageOther, outline: '#ffffff' } }]
          : []),
        { label: { vi: 'Quy hoạch được tính', en: 'Plans that count' }, swatch: { kind: 'line' as const, color: countingPlanOutline, width: 1.5 } },
      ];
    },
  },
  {
    id: 'gaps',
    group: 'planning',
    title: { vi: 'Khoảng trống đến mục tiêu', en: 'Gaps to the target' },
    data: null,
    provenance: 'demonstration',
    provenanceNote: {
      vi: 'Phần đơn vị chưa có quy hoạch được tính, từ sổ quy hoạch đang dùng (mặc định: dữ liệu trình diễn).',
      en: 'The part of each unit no counting plan covers, from the register in use (by default the demonstration register).',
    },
    visible: false,
    interactive: ['gaps-fill'],
    fields: [
      { key: 'unit_name', label: { vi: 'Đơn vị', en: 'Unit' } },
      { key: 'area_m2', label: { vi: 'Diện tích mảnh trống', en: 'Gap piece area' }, format: 'number' },
      { key: 'rank', label: { vi: 'Thứ hạng trong đơn vị (1 = lớn nhất)', en: 'Rank in its unit (1 = largest)' }, format: 'number' },
    ],
    searchable: false,
    layers: [
      { id: 'gaps-fill', type: 'fill', paint: { 'fill-color': palette.gap, 'fill-opacity': 0.6 } },
      { id: 'gaps-outline', type: 'line', paint: { 'line-color': palette.gap, 'line-width': 2 } },
    ],
    legend: [{ label: { vi: 'Khoảng trống đến mục tiêu (chưa có quy hoạch được tính)', en: 'Gaps to the target (no counting plan)' }, swatch: { kind: 'fill', color: palette.gap, outline: palette.gap, opacity: 0.6 } }],
  },
];
