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
} satisfies Record<string, Localized>;

export type MessageKey = keyof typeof messages;
