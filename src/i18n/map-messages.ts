// Strings of the map's controls, basemaps and layouts (issue 14), merged into the catalog.
import type { Localized } from './types';

export const mapMessages = {
  // Map controls (MapLibre's own controls get these through its `locale` option).
  'ctrl.zoomIn': { vi: 'Phóng to', en: 'Zoom in' },
  'ctrl.zoomOut': { vi: 'Thu nhỏ', en: 'Zoom out' },
  'ctrl.resetBearing': { vi: 'Xoay bản đồ về hướng bắc', en: 'Reset bearing to north' },
  'ctrl.wholeDistrict': { vi: 'Cả thị xã', en: 'Whole district' },
  'ctrl.map': { vi: 'Bản đồ', en: 'Map' },
  // Basemaps.
  basemap: { vi: 'Bản đồ nền', en: 'Basemap' },
  'basemap.none': { vi: 'Không có (ngoại tuyến)', en: 'None (offline)' },
  'basemap.street': { vi: 'Bản đồ đường phố (OpenStreetMap)', en: 'Street map (OpenStreetMap)' },
  'basemap.satellite': { vi: 'Ảnh vệ tinh (Esri World Imagery)', en: 'Satellite imagery (Esri World Imagery)' },
  'basemap.local': { vi: 'Tệp bản đồ nền trên máy (.pmtiles)', en: 'Local basemap file (.pmtiles)' },
  online: { vi: 'trực tuyến', en: 'online' },
  basemapOnlineNote: {
    vi: 'Bản đồ nền trực tuyến tải ảnh từ máy chủ bên ngoài, chỉ sau khi bạn chọn.',
    en: 'Online basemaps load tiles from an outside server, only once you choose one.',
  },
  chooseBasemapFile: { vi: 'Mở tệp .pmtiles…', en: 'Open a .pmtiles file…' },
  basemapFileKept: { vi: 'Tệp: {name} (giữ trong trình duyệt)', en: 'File: {name} (kept in this browser)' },
  basemapNoFile: { vi: 'Chưa có tệp: hãy mở một tệp .pmtiles (vd. bản cắt Protomaps cho Bắc Ninh).', en: 'No file yet: open a .pmtiles file (e.g. a Protomaps extract of Bắc Ninh).' },
  basemapFileError: { vi: 'Không đọc được tệp bản đồ nền: {error}', en: 'Could not read the basemap file: {error}' },
  removeBasemapFile: { vi: 'Bỏ tệp', en: 'Remove file' },
  // Coverage table.
  colMeets: { vi: 'Đạt mục tiêu', en: 'Meets target' },
  targetNotApplicable: { vi: 'không áp dụng mục tiêu', en: 'target does not apply' },
  // Legends.
  coveredByCoverage: { vi: 'Bị bản đồ độ phủ che (tắt lớp độ phủ để xem)', en: 'Hidden under the coverage map (switch coverage off to see it)' },
  showLegend: { vi: 'Hiện chú giải', en: 'Show legend' },
  hideLegend: { vi: 'Ẩn chú giải', en: 'Hide legend' },
  showScenePanel: { vi: 'Hiện bảng', en: 'Show table' },
  hideScenePanel: { vi: 'Ẩn bảng', en: 'Hide table' },
  // A shared link naming layers this map does not have (issue 12).
  urlUnknownLayers: {
    vi: 'Liên kết nêu các lớp không có ở đây ({layers}); đang hiện các lớp mặc định.',
    en: 'The link names layers this map does not have ({layers}); showing the default layers.',
  },
} satisfies Record<string, Localized>;
