// Part of the message catalog: presenter mode, the deck editor and map image export.
// Plain data; looked up through src/i18n (t) like every other message.
import type { Localized } from './types';

export const presenterMessages = {
  present: { vi: 'Trình chiếu', en: 'Present' },
  presenterRegion: { vi: 'Chế độ trình chiếu', en: 'Presenter mode' },
  prevScene: { vi: 'Cảnh trước', en: 'Previous scene' },
  nextScene: { vi: 'Cảnh sau', en: 'Next scene' },
  exitPresenter: { vi: 'Thoát trình chiếu (Esc)', en: 'Leave presenter mode (Esc)' },
  progressLabel: { vi: 'Cảnh {n} trên {count}', en: 'Scene {n} of {count}' },
  notes: { vi: 'Ghi chú', en: 'Notes' },
  speakerNotes: { vi: 'Ghi chú cho người trình bày (phím N để ẩn)', en: 'Speaker notes (press N to hide)' },
  noNotes: { vi: 'Không có ghi chú.', en: 'No notes.' },
  emptyDeck: { vi: 'Bộ cảnh chưa có cảnh nào.', en: 'The deck has no scenes yet.' },

  deckEditor: { vi: 'Bộ cảnh trình chiếu', en: 'Presentation scenes' },
  deckTitle: { vi: 'Tên bộ cảnh', en: 'Deck title' },
  captureScene: { vi: 'Lưu góc nhìn hiện tại thành cảnh', en: 'Save current view as scene' },
  updateScene: { vi: 'Cập nhật theo bản đồ', en: 'Update from map' },
  sceneDefaultTitle: { vi: 'Cảnh {n}', en: 'Scene {n}' },
  sceneTitle: { vi: 'Tên cảnh {n}', en: 'Title of scene {n}' },
  sceneNotes: { vi: 'Ghi chú cảnh {n}', en: 'Notes for scene {n}' },
  moveUp: { vi: 'Lên', en: 'Up' },
  moveDown: { vi: 'Xuống', en: 'Down' },
  deleteScene: { vi: 'Xóa', en: 'Delete' },
  sceneDeleted: { vi: 'Đã xóa cảnh “{title}”.', en: 'Scene “{title}” deleted.' },
  undo: { vi: 'Hoàn tác', en: 'Undo' },
  sceneAdded: { vi: 'Đã thêm cảnh {n}.', en: 'Scene {n} added.' },
  exportDeck: { vi: 'Xuất bộ cảnh (JSON)', en: 'Export deck (JSON)' },
  importDeck: { vi: 'Nhập bộ cảnh (JSON)…', en: 'Import deck (JSON)…' },
  importFailed: { vi: 'Không nhập được bộ cảnh — bộ cảnh hiện tại được giữ nguyên. Lỗi: {error}', en: 'Could not import the deck — the current deck is unchanged. Error: {error}' },
  imported: { vi: 'Đã nhập {n} cảnh từ {file}.', en: 'Imported {n} scenes from {file}.' },
  resetDeck: { vi: 'Khôi phục bộ cảnh mặc định', en: 'Restore the default deck' },
  deckReset: { vi: 'Đã khôi phục bộ cảnh mặc định.', en: 'Default deck restored.' },
  notPersisted: { vi: 'Không lưu được vào trình duyệt ({reason}); bộ cảnh chỉ được giữ đến khi đóng trang. Hãy xuất tệp JSON để giữ lại.', en: 'Cannot save in this browser ({reason}); the deck lasts until the page is closed. Export it as JSON to keep it.' },
  storedDeckInvalid: { vi: 'Bộ cảnh đã lưu không còn hợp lệ ({reason}); đang dùng bộ cảnh mặc định.', en: 'The saved deck is no longer valid ({reason}); using the default deck.' },
  periodShort: { vi: 'Thời kỳ {period}', en: 'Period {period}' },

  exportImage: { vi: 'Xuất ảnh bản đồ (PNG)', en: 'Export map image (PNG)' },
  exportSize: { vi: 'Kích thước ảnh', en: 'Image size' },
  'size.screen': { vi: 'Như màn hình', en: 'As on screen' },
  'size.slide': { vi: 'Trình chiếu 1920 × 1080', en: 'Slide 1920 × 1080' },
  'size.a4': { vi: 'In A4 ngang (200 dpi)', en: 'Print A4 landscape (200 dpi)' },
  'size.a3': { vi: 'In A3 ngang (200 dpi)', en: 'Print A3 landscape (200 dpi)' },
  exporting: { vi: 'Đang vẽ ảnh…', en: 'Drawing the image…' },
  exportDone: { vi: 'Đã tạo ảnh {file}.', en: 'Created {file}.' },
  exportFailed: { vi: 'Không xuất được ảnh: {error}', en: 'Could not export the image: {error}' },
  imageLegend: { vi: 'Chú giải', en: 'Legend' },
  imageDate: { vi: 'Ngày xuất: {date}', en: 'Exported: {date}' },
  imageNorth: { vi: 'B', en: 'N' },
  imageSource: {
    // What the image shows that is schematic or demonstration data is marked on the image itself
    // (src/layers/data-marks.ts); the footer names the sources only.
    vi: 'Nguồn: Nghị quyết 162-NQ/TU (2021), 956/QĐ-BXD (2023), 938/NQ-UBTVQH15 (2023), bản đồ sáp nhập 2025 (khái quát hóa); vị trí hạ tầng, du lịch là gần đúng.',
    en: 'Sources: resolution 162-NQ/TU (2021), 956/QĐ-BXD (2023), 938/NQ-UBTVQH15 (2023), 2025 merger map (generalised); infrastructure and tourism positions are indicative.',
  },
} satisfies Record<string, Localized>;
