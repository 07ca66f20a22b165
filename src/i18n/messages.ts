// The message catalog: every string the UI shows, Vietnamese first, English complete.
// Later features add their strings here, nowhere else.
export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

export interface Localized {
  vi: string;
  en: string;
}

export const messages = {
  appTitle: { vi: 'Việt Yên — Bản đồ quy hoạch đô thị', en: 'Việt Yên — Urban planning map' },
  appSubtitle: {
    vi: 'Theo dõi lộ trình lên thị xã (Nghị quyết 2021 → thị xã 2024 → 4 phường của Bắc Ninh 2025)',
    en: 'Following the plan that made the district a town (2021 resolution → town 2024 → 4 wards of Bắc Ninh 2025)',
  },
  legend: { vi: 'Chú giải', en: 'Legend' },
  collapsePanel: { vi: 'Thu gọn bảng', en: 'Collapse panel' },
  expandPanel: { vi: 'Mở bảng', en: 'Open panel' },
  language: { vi: 'Ngôn ngữ', en: 'Language' },
  langName: { vi: 'Tiếng Việt', en: 'English' },
  mapLabel: { vi: 'Bản đồ Việt Yên', en: 'Map of Việt Yên' },
  loading: { vi: 'Đang tải bản đồ…', en: 'Loading map…' },
  loadError: { vi: 'Không tải được dữ liệu bản đồ', en: 'Could not load the map data' },
  close: { vi: 'Đóng', en: 'Close' },
  selected: { vi: 'Đối tượng đã chọn', en: 'Selected feature' },
  provenance: { vi: 'Nguồn gốc hình học', en: 'Geometry source' },
  'provenance.official': { vi: 'Chính thức', en: 'Official' },
  'provenance.indicative': { vi: 'Minh họa (gần đúng)', en: 'Indicative' },
  'provenance.demonstration': { vi: 'Dữ liệu trình diễn', en: 'Demonstration' },
  slatedWard: { vi: 'Dự kiến lên phường (NQ 2021)', en: 'Slated to become a ward (2021 resolution)' },
  otherUnit: { vi: 'Đơn vị khác (xã)', en: 'Other unit (commune)' },
  unitsNote: {
    vi: 'Ranh giới giữa các xã/thị trấn năm 2021 là sơ đồ, không phải ranh giới pháp lý.',
    en: 'Boundaries between the 2021 communes are schematic, not legal boundaries.',
  },
  officialArea: { vi: 'Diện tích chính thức', en: 'Official area' },
  population2022: { vi: 'Dân số 2022', en: 'Population 2022' },
  ward2025: { vi: 'Thuộc phường (từ 7/2025)', en: 'Ward since Jul 2025' },
  type2024: { vi: 'Loại đơn vị 2024', en: 'Type in 2024' },
  noData: { vi: 'chưa có số liệu', en: 'no data' },
  attribution: {
    vi: 'Ranh giới: bản đồ sáp nhập 2025 (khái quát hóa); ranh giới xã 2021 là sơ đồ',
    en: 'Boundaries: 2025 merger map (generalised); 2021 commune boundaries are schematic',
  },
  'group.admin': { vi: 'Đơn vị hành chính', en: 'Administrative units' },
  'group.industry': { vi: 'Công nghiệp', en: 'Industry' },
  'group.infrastructure': { vi: 'Hạ tầng', en: 'Infrastructure' },
  'group.tourism': { vi: 'Du lịch & di sản', en: 'Tourism & heritage' },
  'group.planning': { vi: 'Quy hoạch', en: 'Planning' },
  showGroup: { vi: 'Hiện nhóm {group}', en: 'Show group {group}' },
  // Coverage (issue 4)
  tabLegend: { vi: 'Lớp bản đồ', en: 'Layers' },
  tabCoverage: { vi: 'Độ phủ quy hoạch chi tiết', en: 'Detailed-plan coverage' },
  coverageHeadline: {
    vi: '{n}/{total} đơn vị dự kiến lên phường đạt mục tiêu trên {target}%',
    en: '{n} of {total} slated units meet the {target}% target',
  },
  coverageIntro: {
    vi: 'Mục tiêu NQ 2021: quy hoạch chi tiết phủ trên 80% diện tích mỗi xã, thị trấn dự kiến lên phường.',
    en: '2021 resolution target: detailed plans cover more than 80% of each unit slated to become a ward.',
  },
  demoRegister: {
    vi: 'Sổ quy hoạch đang dùng là DỮ LIỆU TRÌNH DIỄN (giả định), không phải quy hoạch thật.',
    en: 'The plan register in use is DEMONSTRATION data (fictional), not real plans.',
  },
  countLevels: { vi: 'Cấp quy hoạch được tính', en: 'Plan levels that count' },
  countStatuses: { vi: 'Tình trạng được tính', en: 'Statuses that count' },
  'level.detailed': { vi: 'Chi tiết 1/500', en: 'Detailed 1/500' },
  'level.zoning': { vi: 'Phân khu 1/2000', en: 'Zoning 1/2000' },
  'status.approved': { vi: 'Đã phê duyệt', en: 'Approved' },
  'status.in_preparation': { vi: 'Đang lập', en: 'In preparation' },
  target: { vi: 'Mục tiêu (%)', en: 'Target (%)' },
  coverageMap: { vi: 'Tô màu bản đồ theo độ phủ', en: 'Colour the map by coverage' },
  colUnit: { vi: 'Đơn vị', en: 'Unit' },
  colSlated: { vi: 'Lên phường', en: 'Slated' },
  colArea: { vi: 'Diện tích (ha)', en: 'Area (ha)' },
  colCovered: { vi: 'Đã phủ (ha)', en: 'Covered (ha)' },
  colCoverage: { vi: 'Độ phủ', en: 'Coverage' },
  colPlans: { vi: 'Số QH', en: 'Plans' },
  yes: { vi: 'Có', en: 'Yes' },
  no: { vi: 'Không', en: 'No' },
  meets: { vi: 'đạt', en: 'meets' },
  below: { vi: 'chưa đạt', en: 'below' },
  exportCsv: { vi: 'Xuất CSV', en: 'Export CSV' },
  computing: { vi: 'Đang tính…', en: 'Computing…' },
  plansCounted: {
    vi: '{counted} quy hoạch được tính, {excluded} bị loại',
    en: '{counted} plans counted, {excluded} left out',
  },
  'reason.level_not_selected': { vi: 'cấp không được chọn', en: 'level not selected' },
  'reason.status_not_selected': { vi: 'tình trạng không được chọn', en: 'status not selected' },
  'reason.not_polygon': { vi: 'không phải vùng', en: 'not a polygon' },
  'reason.invalid_geometry': { vi: 'hình học lỗi', en: 'invalid geometry' },
  sortBy: { vi: 'Sắp xếp theo', en: 'Sort by' },
  totalSlated: { vi: '9 đơn vị dự kiến lên phường', en: 'The 9 slated units' },
  totalOther: { vi: 'Các đơn vị khác', en: 'Other units' },
  totalDistrict: { vi: 'Toàn thị xã', en: 'Whole town' },
  coverageClass: { vi: 'Độ phủ quy hoạch chi tiết', en: 'Detailed-plan coverage' },
  countingPlans: { vi: 'Quy hoạch được tính', en: 'Plans that count' },
} satisfies Record<string, Localized>;

export type MessageKey = keyof typeof messages;
