// Part of the message catalog: a coverage result computed outside the browser (issue 17: in
// PostGIS, for a whole province's register) and opened in the coverage panel. Plain data.
import type { Localized } from './types';

export const dbMessages = {
  externalResult: { vi: 'Kết quả tính từ cơ sở dữ liệu: {file}', en: 'Result computed in a database: {file}' },
  externalResultHint: {
    vi: 'Các lựa chọn cấp, trạng thái và mục tiêu là của tệp kết quả; sổ quy hoạch không nạp vào trình duyệt.',
    en: 'Levels, statuses and target are the result file’s own; the plan register is not loaded into the browser.',
  },
  backToLiveEngine: { vi: 'Quay lại tính trực tiếp', en: 'Back to the live engine' },
  externalUnits: { vi: 'Ranh giới trên bản đồ: {name} ({matched}/{total} đơn vị khớp mã)', en: 'Boundaries on the map: {name} ({matched} of {total} units matched by id)' },
  externalNoUnits: {
    vi: 'Chưa có ranh giới nào mang mã các đơn vị này: nạp tệp ranh giới đơn vị (GeoJSON) ở thẻ Dữ liệu.',
    en: 'No boundaries carry these units’ ids yet: load the units file (GeoJSON) in the Data tab.',
  },
} satisfies Record<string, Localized>;
