// Part of the message catalog: what the import, the checker and the coverage engine say about
// hostile or broken input (issue 12) — limits, corrupt archives and Shapefiles, bad encodings —
// and the link notice. The import core renders the English text (the CLIs and tests read it) and
// keeps the key beside it, so the panel shows the same message in the UI language
// (src/import/format-messages.ts). Plain data.
import type { Localized } from './types';

export const hostileMessages = {
  // Limits (src/validation/limits.ts), checked before or while reading.
  'importLimit.size': {
    vi: '{file}: tệp {size}, vượt giới hạn {max}; không đọc',
    en: '{file}: is {size}, larger than the {max} limit; not read',
  },
  'importLimit.depth': {
    vi: '{file}: lồng mảng/đối tượng sâu hơn {max} cấp (giới hạn); dừng đọc',
    en: '{file}: nests arrays/objects more than {max} levels deep (limit); not read further',
  },
  'importLimit.containers': {
    vi: '{file}: chứa hơn {max} mảng và đối tượng (giới hạn); dừng đọc',
    en: '{file}: holds more than {max} arrays and objects (limit); not read further',
  },
  'importLimit.features': {
    vi: '{file}: có hơn {max} đối tượng (giới hạn); dừng đọc',
    en: '{file}: has more than {max} features (limit); not read further',
  },
  'importLimit.featureCount': {
    vi: '{file}: có {n} đối tượng, vượt giới hạn {max}',
    en: '{file}: has {n} features, more than the limit of {max}',
  },
  'importLimit.featureVertices': {
    vi: '{file}: đối tượng {feature}: có hơn {max} điểm (giới hạn cho một đối tượng); dừng đọc',
    en: '{file}: feature {feature}: has more than {max} positions (limit per feature); not read further',
  },
  'importLimit.totalVertices': {
    vi: '{file}: có tổng cộng hơn {max} điểm (giới hạn); dừng đọc',
    en: '{file}: has more than {max} positions in all (limit); not read further',
  },
  'importLimit.properties': {
    vi: '{file}: đối tượng {feature}: có hơn {max} thuộc tính (giới hạn cho một đối tượng); dừng đọc',
    en: '{file}: feature {feature}: has more than {max} properties (limit per feature); not read further',
  },
  'importLimit.elements': {
    vi: '{file}: có hơn {max} phần tử XML (giới hạn); dừng đọc',
    en: '{file}: has more than {max} XML elements (limit); not read further',
  },
  'importLimit.xmlDepth': {
    vi: '{file}: lồng phần tử XML sâu hơn {max} cấp (giới hạn); dừng đọc',
    en: '{file}: nests XML elements more than {max} levels deep (limit); not read further',
  },
  'importLimit.placemarks': {
    vi: '{file}: có hơn {max} Placemark (giới hạn số đối tượng); dừng đọc',
    en: '{file}: has more than {max} placemarks (feature limit); not read further',
  },
  'importLimit.shpRecords': {
    vi: '{file}: {part} có {n} bản ghi, vượt giới hạn {max} đối tượng; không đọc các bản ghi',
    en: '{file}: {part} has {n} records, more than the limit of {max} features; its records were not read',
  },
  'importLimit.fields': {
    vi: '{file}: có {n} tên thuộc tính khác nhau; chỉ {max} tên đầu được đưa vào ô chọn trường (mọi thuộc tính vẫn được nạp)',
    en: '{file}: has {n} distinct property names; only the first {max} are offered for field mapping (all are imported)',
  },
  // Corrupt or unreadable archives and Shapefiles.
  'importBad.encrypted': {
    vi: '{file}: tệp {member} trong tệp nén được đặt mật khẩu (mã hóa); hãy giải nén rồi nén lại không đặt mật khẩu',
    en: '{file}: member {member} is encrypted (password-protected); unzip it and zip it again without a password',
  },
  'importBad.crc': {
    vi: '{file}: tệp {member} trong tệp nén bị hỏng: mã kiểm tra CRC-32 không khớp (tệp hỏng khi sao chép; hãy chép lại)',
    en: '{file}: member {member} is corrupt: its CRC-32 checksum does not match (damaged in transfer? copy it again)',
  },
  'importBad.shpRecord': {
    vi: '{file}: {part}, bản ghi {record} (đối tượng {feature}): {detail}; tệp Shapefile bị hỏng',
    en: '{file}: {part}, record {record} (feature {feature}): {detail}; the Shapefile is corrupt',
  },
  'importBad.prjNotWkt': {
    vi: '{file}: tệp .prj không phải mô tả hệ tọa độ (WKT): bắt đầu bằng {start}; hãy chọn hệ tọa độ',
    en: '{file}: the .prj is not a coordinate system description (WKT): it starts with {start}; choose the CRS',
  },
  'importBad.cpgWide': {
    vi: '{file}: {cpg} ghi mã {encoding}, bảng dBASE không thể chứa mã này; thuộc tính được đọc theo {used}',
    en: '{file}: {cpg} names {encoding}, which a dBASE table cannot hold; attributes read as {used}',
  },
  // The import's older refusals (issue 7), recognised by their English text (src/import/failure-messages.ts).
  'importFail.notJson': { vi: '{file}: không phải JSON hợp lệ: {a}', en: '{file}: is not valid JSON: {a}' },
  'importFail.empty': { vi: '{file}: tệp rỗng', en: '{file}: is empty' },
  'importFail.noFeatures': { vi: '{file}: không có đối tượng nào', en: '{file}: has no features' },
  'importFail.notObject': { vi: '{file}: cấp ngoài cùng không phải đối tượng JSON; cần GeoJSON', en: '{file}: top level is not a JSON object, expected GeoJSON' },
  'importFail.featuresNotArray': { vi: '{file}: "features" không phải mảng', en: '{file}: "features" is not an array' },
  'importFail.badType': { vi: '{file}: "type" của GeoJSON là {a}; cần FeatureCollection, Feature hoặc một hình học', en: '{file}: GeoJSON "type" is {a}; expected FeatureCollection, Feature or a geometry' },
  'importFail.utf16': { vi: '{file}: mã UTF-16; GeoJSON phải là UTF-8 (RFC 7946 §11)', en: '{file}: is UTF-16 encoded; GeoJSON must be UTF-8 (RFC 7946 §11)' },
  'importFail.binary': { vi: '{file}: chứa dữ liệu nhị phân (byte NUL ở vị trí {a}), không phải văn bản GeoJSON', en: '{file}: contains binary data (NUL byte at offset {a}), not GeoJSON text' },
  'importFail.notUtf8': { vi: '{file}: không phải văn bản UTF-8 hợp lệ', en: '{file}: is not valid UTF-8 text' },
  'importFail.notZip': { vi: '{file}: không đọc được như tệp nén zip ({a})', en: '{file}: not a readable zip archive ({a})' },
  'importFail.zipEntries': { vi: '{file}: có {a} mục, vượt giới hạn {b}', en: '{file}: has {a} entries, more than the limit of {b}' },
  'importFail.zipDeclares': { vi: '{file}: tệp {a} trong tệp nén khai báo {b}, vượt giới hạn {c}', en: '{file}: member {a} declares {b}, more than the {c} limit' },
  'importFail.zipExpands': { vi: '{file}: tệp {a} trong tệp nén giải nén ra hơn {b} (giới hạn)', en: '{file}: member {a} expands beyond {b} (limit)' },
  'importFail.zipTotal': { vi: '{file}: các tệp trong tệp nén vượt tổng {a} (giới hạn)', en: '{file}: members exceed {a} in total (limit)' },
  'importFail.zipCorrupt': { vi: '{file}: tệp {a} trong tệp nén bị hỏng ({b})', en: '{file}: member {a} is corrupt ({b})' },
  'importFail.zipTruncated': { vi: '{file}: không đọc được tệp {a} (tệp nén bị cắt cụt?)', en: '{file}: member {a} could not be read (truncated archive?)' },
  'importFail.noShp': { vi: '{file}: không có tệp .shp (Shapefile nén cần .shp, .shx và .dbf)', en: '{file}: contains no .shp file (a zipped Shapefile needs .shp, .shx and .dbf)' },
  'importFail.noDbf': { vi: '{file}: có {a} nhưng thiếu {b} (bảng thuộc tính là bắt buộc)', en: '{file}: has {a} but no {b} (the attribute table is required)' },
  'importFail.truncated': { vi: '{file}: {a} bị cắt cụt{b}', en: '{file}: {a} is truncated{b}' },
  'importFail.countMismatch': { vi: '{file}: {a} có {b} hình nhưng {c} có {d} bản ghi', en: '{file}: {a} has {b} shapes but {c} has {d} records' },
  'importFail.notXml': { vi: '{file}: không phải XML hợp lệ ({a})', en: '{file}: is not well-formed XML ({a})' },
  'importFail.notKml': { vi: '{file}: là XML nhưng không phải KML (phần tử gốc {a})', en: '{file}: is XML but not KML (root element {a})' },
  'importFail.noPlacemarks': { vi: '{file}: không có Placemark nào (không có đối tượng để nạp)', en: '{file}: has no placemarks (no features to import)' },
  'importFail.noKml': { vi: '{file}: không có tài liệu .kml', en: '{file}: contains no .kml document' },
  'importFail.unsupported': { vi: '{file}: kiểu tệp không được hỗ trợ{a}; nhận: {b}', en: '{file}: unsupported file type{a}; accepted: {b}' },
  'importFail.lonePart': {
    vi: '{file}: một tệp {a} riêng lẻ là chưa đủ: hãy nén .shp cùng .shx, .dbf (và .prj, .cpg) thành .zip rồi nạp tệp .zip',
    en: '{file}: a {a} file alone is not enough: zip the .shp together with its .shx, .dbf (and .prj, .cpg) and import the .zip',
  },
  'importFail.office': { vi: '{file}: tệp {a} không phải dữ liệu bản đồ; nhận: {b}', en: '{file}: {a} files are not geodata; accepted: {b}' },
  'importFail.namedButZip': { vi: '{file}: có đuôi {a} nhưng là tệp nén zip', en: '{file}: is named {a} but is a zip archive' },
  'importFail.namedButNotZip': { vi: '{file}: có đuôi {a} nhưng không phải tệp nén zip', en: '{file}: is named {a} but is not a zip archive' },
  'importFail.needsCrs': {
    vi: '{file}: tọa độ không phải kinh độ/vĩ độ ({a}) và tệp không ghi hệ tọa độ; hãy chọn (vd. EPSG:9214, VN-2000 / TM-3 107°)',
    en: '{file}: coordinates are not longitude/latitude ({a}) and the file names no CRS; choose one (e.g. EPSG:9214, VN-2000 / TM-3 107°)',
  },
  'importFail.crsMalformed': {
    vi: '{file}: có mục "crs" không đúng dạng {"type": "name", "properties": {"name": "EPSG:…"}}',
    en: '{file}: has a "crs" member that is not of the form {"type": "name", "properties": {"name": "EPSG:…"}}',
  },
  'importFail.crsUnsupported': { vi: '{file}: hệ tọa độ {a} chưa được hỗ trợ; hỗ trợ: {b}', en: '{file}: has an unsupported CRS {a}; supported: {b}' },
  'importFail.crsGiven': { vi: '{file}: hệ tọa độ đã chọn {a} chưa được hỗ trợ', en: '{file}: unsupported CRS {a} given' },
  'importFail.prjUnsupported': { vi: '{file}: tệp .prj mô tả {a}, chưa được hỗ trợ; hỗ trợ: {b}', en: '{file}: the .prj describes {a}, which is not supported; supported: {b}' },
  'importFail.prjUnreadable': { vi: '{file}: không đọc được tệp .prj như WKT ({a})', en: '{file}: the .prj could not be read as WKT ({a})' },
  'importFail.unreadable': { vi: '{file}: không đọc được ({a})', en: '{file}: cannot be read ({a})' },
  // Problems of one feature (the checker's rules) that the panel shows in the UI language.
  'importCheck.featureRef': { vi: 'đối tượng {n}', en: 'feature {n}' },
  'importCheck.featureRefId': { vi: 'đối tượng {n} (mã {id})', en: 'feature {n} (id {id})' },
  // A link that names only layers this explorer does not have.
} satisfies Record<string, Localized>;
