// Part of the message catalog: the problems the import's review step shows — the checker's rules
// (src/validation, one entry per code of PROBLEM_CODES), the import's whole-file warnings and the
// refusals not covered elsewhere. The English entries ARE the English the CLIs print (the checker
// renders them; the import's older texts are recognised by them, src/import/failure-messages.ts),
// so they must not change without the CLI tests. {file}: the file name; pieces (problemPart.*) are
// filled into the templates already in both languages. Plain data.
import type { Localized } from './types';
import type { ProblemCode } from '../validation/problem-codes';

/** One template per checker code: a code without both texts does not compile. */
export const problemCodeMessages = {
  'problem.tooLarge': { vi: 'tệp {size}, vượt giới hạn {max}; không đọc', en: 'is {size}, larger than the {max} limit; not read' },
  'problem.utf16': { vi: 'mã UTF-16; GeoJSON phải là UTF-8 (RFC 7946 §11)', en: 'is UTF-16 encoded; GeoJSON must be UTF-8 (RFC 7946 §11)' },
  'problem.binary': {
    vi: 'chứa dữ liệu nhị phân (byte NUL ở vị trí {offset}), không phải văn bản GeoJSON',
    en: 'contains binary data (NUL byte at offset {offset}), not GeoJSON text',
  },
  'problem.notUtf8': { vi: 'không phải văn bản UTF-8 hợp lệ', en: 'is not valid UTF-8 text' },
  'problem.empty': { vi: 'tệp rỗng', en: 'is empty' },
  'problem.notJson': { vi: 'không phải JSON hợp lệ: {detail}', en: 'is not valid JSON: {detail}' },
  'problem.limitDepth': {
    vi: 'lồng mảng/đối tượng sâu hơn {max} cấp (giới hạn); dừng đọc',
    en: 'nests arrays/objects more than {max} levels deep (limit); not read further',
  },
  'problem.limitContainers': {
    vi: 'chứa hơn {max} mảng và đối tượng (giới hạn); dừng đọc',
    en: 'holds more than {max} arrays and objects (limit); not read further',
  },
  'problem.limitFeatures': { vi: 'có hơn {max} đối tượng (giới hạn); dừng đọc', en: 'has more than {max} features (limit); not read further' },
  'problem.limitFeatureVertices': {
    vi: 'có hơn {max} điểm (giới hạn cho một đối tượng); dừng đọc',
    en: 'has more than {max} positions (limit per feature); not read further',
  },
  'problem.limitTotalVertices': {
    vi: 'có tổng cộng hơn {max} điểm (giới hạn); dừng đọc',
    en: 'has more than {max} positions in all (limit); not read further',
  },
  'problem.limitProperties': {
    vi: 'có hơn {max} thuộc tính (giới hạn cho một đối tượng); dừng đọc',
    en: 'has more than {max} properties (limit per feature); not read further',
  },
  'problem.topLevel': { vi: 'cấp ngoài cùng là {kind}, cần một FeatureCollection', en: 'top level is {kind}, expected a FeatureCollection' },
  'problem.featuresNotArray': { vi: '"features" là {value}, cần một mảng', en: '"features" is {value}, expected an array' },
  'problem.noFeatures': {
    vi: 'không có đối tượng nào (FeatureCollection rỗng không dùng được làm lớp)',
    en: 'has no features (an empty FeatureCollection is not a usable layer)',
  },
  'problem.tooManyFeatures': { vi: 'có {n} đối tượng, vượt giới hạn {max}', en: 'has {n} features, more than the limit of {max}' },
  'problem.bbox': { vi: 'bbox không hợp lệ: {value}', en: 'invalid bbox: {value}' },
  'problem.crsMalformed': {
    vi: 'có mục "crs" không đúng dạng {"type": "name", "properties": {"name": "EPSG:…"}}',
    en: 'has a "crs" member that is not of the form {"type": "name", "properties": {"name": "EPSG:…"}}',
  },
  'problem.crsNamed': {
    vi: 'có mục "crs" ghi {name}: tọa độ phải là kinh độ/vĩ độ WGS 84 (RFC 7946); hãy chuyển đổi tệp bằng npm run import',
    en: 'has a "crs" member naming {name}: coordinates must be WGS 84 longitude/latitude (RFC 7946); convert the file with npm run import',
  },
  'problem.tiling': {
    vi: 'các đơn vị để hở {gap}% và chồng lấn {overlap}% so với {reference} (giới hạn tổng cộng {limit}%)',
    en: 'units leave gaps of {gap}% and overlap {overlap}% of {reference} (limit {limit}% together)',
  },
  'problem.tilingFailed': { vi: 'không đo được độ khít của các đơn vị: {detail}', en: 'tiling could not be measured: {detail}' },
  'problem.slated': { vi: '{n} {units} slated_ward là true; cần đúng {expected}', en: '{n} {units} slated_ward true; expected exactly {expected}' },
  'problem.internal': { vi: 'lỗi nội bộ của trình kiểm tra: {detail}', en: 'internal checker error: {detail}' },
  'problem.notFeature': { vi: 'là {kind}, cần một đối tượng Feature', en: 'is {kind}, expected a Feature object' },
  'problem.malformedCoordinates': { vi: 'GeoJSON không hợp lệ: tọa độ hình học sai cấu trúc', en: 'invalid GeoJSON: malformed geometry coordinates' },
  'problem.invalidGeoJson': { vi: 'GeoJSON không hợp lệ: {detail}', en: 'invalid GeoJSON: {detail}' },
  'problem.propertiesType': {
    vi: 'GeoJSON không hợp lệ: "properties" là {kind}, phải là một đối tượng hoặc null',
    en: 'invalid GeoJSON: "properties" is {kind}, must be an object or null',
  },
  'problem.moreStructural': { vi: 'thêm {n} lỗi cấu trúc khác', en: '{n} more structural problems' },
  'problem.propertiesNotObject': {
    vi: 'properties là {value}, cần một đối tượng chứa các thuộc tính của lớp',
    en: "properties is {value}, expected an object with the layer's properties",
  },
  'problem.missingProperty': { vi: 'thiếu thuộc tính bắt buộc "{name}"', en: 'missing required property "{name}"' },
  'problem.propertyValue': { vi: 'thuộc tính "{name}" là {value}: {expected}', en: 'property "{name}" is {value}, {expected}' },
  'problem.geometryMissing': { vi: 'hình học là {value}; lớp "{layer}" cần {wanted}', en: 'geometry is {value}; layer "{layer}" needs {wanted}' },
  'problem.geometryType': {
    vi: 'kiểu hình học {type} không được phép trong lớp "{layer}" (cần {wanted})',
    en: 'geometry type {type} is not allowed in layer "{layer}" (expected {wanted})',
  },
  'problem.coordinateNotFinite': { vi: '{axis} {value} không phải số hữu hạn{more}', en: '{axis} {value} is not a finite number{more}' },
  'problem.coordinateRange': { vi: '{axis} {value} nằm ngoài khoảng {range}{more}', en: '{axis} {value} out of range {range}{more}' },
  'problem.extraDimensions': {
    vi: '{n} vị trí có hơn 3 thành phần; RFC 7946 khuyên không nên',
    en: '{n} position(s) have more than 3 elements; RFC 7946 says they should not',
  },
  'problem.ringEmpty': { vi: '{part}vòng {ring} rỗng', en: '{part}ring {ring} is empty' },
  'problem.ringShort': { vi: '{part}vòng {ring} có {n} điểm, cần ít nhất 4', en: '{part}ring {ring} has {n} positions, needs at least 4' },
  'problem.ringOpen': {
    vi: '{part}vòng {ring} không khép kín (điểm đầu {first} ≠ điểm cuối {last})',
    en: '{part}ring {ring} is not closed (first {first} ≠ last {last})',
  },
  'problem.noRings': { vi: '{part}đa giác không có vòng nào', en: '{part}polygon has no rings' },
  'problem.zeroArea': { vi: '{part}vòng {ring} có diện tích bằng 0', en: '{part}ring {ring} has zero area' },
  'problem.outerClockwise': {
    vi: '{part}vòng ngoài {ring} theo chiều kim đồng hồ; RFC 7946 yêu cầu ngược chiều kim đồng hồ',
    en: '{part}outer ring {ring} is clockwise; RFC 7946 wants counter-clockwise',
  },
  'problem.holeCounterClockwise': {
    vi: '{part}vòng lỗ {ring} ngược chiều kim đồng hồ; RFC 7946 yêu cầu theo chiều kim đồng hồ',
    en: '{part}hole ring {ring} is counter-clockwise; RFC 7946 wants clockwise',
  },
  'problem.kink': { vi: '{part}tự cắt tại {at}', en: '{part}self-intersection at {at}' },
  'problem.kinksMore': { vi: '{part}thêm {n} điểm tự cắt khác', en: '{part}{n} more self-intersections' },
  'problem.kinksMoreAtLeast': {
    vi: '{part}thêm ít nhất {n} điểm tự cắt khác (dừng tìm ở {max})',
    en: '{part}at least {n} more self-intersections (search stopped at {max})',
  },
  'problem.kinksTooComplex': {
    vi: '{part}quá phức tạp để kiểm tra tự cắt: {segments} đoạn của nó chồng lên nhau nhiều đến mức phải so sánh hơn {pairs} cặp đoạn; hãy đơn giản hóa đa giác',
    en: '{part}too complex to check for self-intersections: its {segments} segments overlap so much that more than {pairs} segment pairs would have to be compared; simplify the polygon',
  },
  'problem.outside': { vi: 'nằm ngoài {reference} {distance}', en: 'lies {distance} outside {reference}' },
  'problem.far': {
    vi: 'cách {reference} {distance}, xa hơn {far} km: sai tọa độ hay sai hệ tọa độ?',
    en: 'lies {distance} from {reference}, more than {far} km away: wrong coordinates or coordinate system?',
  },
  'problem.duplicateId': { vi: 'mã {id} bị trùng (đã có ở đối tượng {first})', en: 'duplicate id {id} (also feature {first})' },
  'problem.moreProblems': { vi: 'thêm {n} lỗi khác ở đối tượng này', en: '{n} more problems in this feature' },
  'problem.convert': {
    vi: 'không chuyển được vị trí {position} từ {crs} sang WGS 84',
    en: 'position {position} cannot be converted from {crs} to WGS 84',
  },
} satisfies Record<`problem.${ProblemCode}`, Localized>;

/** Pieces filled into the templates above (already in both languages when a problem is made). */
export const problemPartMessages = {
  'problemPart.polygon': { vi: 'đa giác {i}: ', en: 'polygon {i}: ' },
  'problemPart.geometry': { vi: 'hình học {i}: ', en: 'geometry {i}: ' },
  'problemPart.district': { vi: 'ranh giới Việt Yên', en: 'the district' },
  'problemPart.districtBbox': { vi: 'khung bao của Việt Yên', en: 'the district bbox' },
  'problemPart.union': { vi: 'hợp của chúng', en: 'their union' },
  'problemPart.longitude': { vi: 'kinh độ', en: 'longitude' },
  'problemPart.latitude': { vi: 'vĩ độ', en: 'latitude' },
  'problemPart.altitude': { vi: 'độ cao', en: 'altitude' },
  'problemPart.moreBad': { vi: ' (và {n} vị trí sai khác)', en: ' (and {n} more bad position{s})' },
  'problemPart.unitHas': { vi: 'đơn vị có', en: 'unit has' },
  'problemPart.unitsHave': { vi: 'đơn vị có', en: 'units have' },
  // How a value or a JSON member is named (format.ts previewValue, structure.ts kindOf).
  'problemPart.missing': { vi: 'không có', en: 'missing' },
  'problemPart.emptyArray': { vi: 'một mảng rỗng', en: 'an empty array' },
  'problemPart.anArray': { vi: 'một mảng', en: 'an array' },
  'problemPart.anObject': { vi: 'một đối tượng', en: 'an object' },
  'problemPart.aType': { vi: 'kiểu {type}', en: 'a {type}' },
  'problemPart.typedObject': { vi: 'một đối tượng {type}', en: 'a {type} object' },
  'problemPart.untypedObject': { vi: 'một đối tượng không có "type"', en: 'an object without "type"' },
  'problemPart.aString': { vi: 'một chuỗi', en: 'a string' },
  'problemPart.aNumber': { vi: 'một số', en: 'a number' },
  // What a property must hold (schemas.ts).
  'problemPart.expectString': { vi: 'cần một chuỗi', en: 'expected a string' },
  'problemPart.expectNonEmpty': { vi: 'cần một chuỗi không rỗng', en: 'expected a non-empty string' },
  'problemPart.expectNumber': { vi: 'cần một số hữu hạn', en: 'expected a finite number' },
  'problemPart.expectNumberOrNull': { vi: 'cần một số hữu hạn hoặc null', en: 'expected a finite number or null' },
  'problemPart.expectBoolean': { vi: 'cần true hoặc false', en: 'expected true or false' },
  'problemPart.expectOneOf': { vi: 'cần một trong {values}', en: 'expected one of {values}' },
  'problemPart.expectCode5': { vi: 'cần một mã 5 chữ số dạng chuỗi', en: 'expected a 5-digit code string' },
  'problemPart.expectStringArray': { vi: 'cần một mảng chuỗi', en: 'expected an array of strings' },
  'problemPart.expectCode5Array': { vi: 'cần một mảng mã 5 chữ số dạng chuỗi', en: 'expected an array of 5-digit code strings' },
  'problemPart.expectStringOrNull': { vi: 'cần một chuỗi hoặc null', en: 'expected a string or null' },
  'problemPart.expectDateOrNull': { vi: 'cần một ngày dạng YYYY-MM-DD hoặc null', en: 'expected a date YYYY-MM-DD or null' },
  'problemPart.expectCodeAndName': { vi: 'cần một đối tượng có "code" và "name" dạng chuỗi', en: 'expected an object with string "code" and "name"' },
  'problemPart.planLevel': {
    vi: 'không phải cấp quy hoạch mà bộ từ vựng của sổ quy hoạch biết ({levels}, hoặc "1/500", "QHCT", "phân khu"…); quy hoạch này không được tính',
    en: 'not a plan level the register vocabulary knows ({levels}, or "1/500", "QHCT", "phân khu"…); this plan does not count',
  },
  'problemPart.planStatus': {
    vi: 'không phải tình trạng quy hoạch mà bộ từ vựng của sổ quy hoạch biết ({statuses}, hoặc "đã phê duyệt", "đang lập"…); quy hoạch này không được tính',
    en: 'not a plan status the register vocabulary knows ({statuses}, or "đã phê duyệt", "đang lập"…); this plan does not count',
  },
  'problemPart.aGeometry': { vi: 'một hình học', en: 'a geometry' },
  'problemPart.or': { vi: 'hoặc', en: 'or' },
  // geojson-validation's own messages (structure.ts), by their English text.
  'problemPart.gjvAt': { vi: 'tại {i}: ', en: 'at {i}: ' },
  'problemPart.gjvMember': { vi: 'phải có thành phần tên {name}', en: 'must have a member with the name {name}' },
  'problemPart.gjvArray': { vi: '{name} phải là một mảng', en: '{name} must be an array' },
  'problemPart.gjvTypeOneOf': { vi: 'type phải là một trong: {types}', en: 'type must be one of: {types}' },
  'problemPart.gjvTypeIs': { vi: 'type phải là {type}', en: 'type must be {type}' },
  'problemPart.gjvTwoElements': { vi: 'coordinates phải có ít nhất hai phần tử', en: 'coordinates must have at least two elements' },
  'problemPart.gjvPositionTwo': { vi: 'vị trí phải có ít nhất hai phần tử', en: 'Position must be at least two elements' },
  'problemPart.gjvPositionNumbers': {
    vi: 'vị trí chỉ được chứa số. Phần tử {item} ở chỉ số {index} không hợp lệ.',
    en: 'Position must only contain numbers. Item {item} at index {index} is invalid.',
  },
  'problemPart.gjvJsonObject': { vi: 'phải là một đối tượng JSON', en: 'must be a JSON Object' },
  'problemPart.gjvBbox': { vi: 'bbox phải là một mảng 2*n phần tử', en: 'bbox, must be a 2*n array' },
  // What is wrong with a Shapefile record (src/import/shapefile.ts), inside importBad.shpRecord.
  'problemPart.shpPastEnd': { vi: 'độ dài của nó ({length} byte) vượt quá cuối tệp', en: 'its length ({length} bytes) runs past the end of the file' },
  'problemPart.shpWrongType': { vi: 'kiểu hình {type} trong tệp có kiểu hình {fileType}', en: 'shape type {type} in a file of shape type {fileType}' },
  'problemPart.shpTooFewBytes': { vi: '{length} byte là quá ít cho kiểu hình của nó', en: '{length} bytes are too few for its shape type' },
  'problemPart.shpNegativeParts': { vi: 'số phần âm ({n})', en: 'negative part count ({n})' },
  'problemPart.shpNegativePoints': { vi: 'số điểm âm ({n})', en: 'negative point count ({n})' },
  'problemPart.shpPartsForPoints': { vi: '{parts} phần cho {points} điểm', en: '{parts} parts for {points} points' },
  'problemPart.shpDoNotFit': {
    vi: '{parts} phần và {points} điểm không vừa trong {length} byte của nó',
    en: '{parts} parts and {points} points do not fit in its {length} bytes',
  },
  'problemPart.shpPartStart': {
    vi: 'phần {k} bắt đầu ở điểm {first}, sai thứ tự hoặc vượt quá {points} điểm của nó',
    en: 'part {k} starts at point {first}, out of order or beyond its {points} points',
  },
  'problemPart.shpPointsDoNotFit': { vi: '{points} điểm không vừa trong {length} byte của nó', en: '{points} points do not fit in its {length} bytes' },
  'problemPart.shpPointTooShort': { vi: '{length} byte là quá ít cho một điểm', en: '{length} bytes are too few for a point' },
  'problemPart.shpUnknownType': { vi: 'kiểu hình không rõ {type}', en: 'unknown shape type {type}' },
} satisfies Record<string, Localized>;

/**
 * The import's whole-file warnings and the refusals the older catalog parts do not cover, recognised
 * by their English text (src/import/failure-messages.ts) or made with their key (pipeline.ts).
 * {a}, {b}, {c}: the values the English text holds, in its order.
 */
export const importNoticeMessages = {
  'importWarn.singleFeature': {
    vi: '{file}: chỉ có một Feature, không phải FeatureCollection: được nạp thành tập một đối tượng',
    en: '{file}: a single Feature, not a FeatureCollection: imported as a collection of one',
  },
  'importWarn.bareGeometry': {
    vi: '{file}: chỉ có một hình học {a}, không phải FeatureCollection: được nạp thành một đối tượng không có thuộc tính',
    en: '{file}: a bare {a}, not a FeatureCollection: imported as one feature without properties',
  },
  'importWarn.emptyPlacemarks': { vi: '{file}: {a} Placemark không có hình học', en: '{file}: {a} placemark(s) without geometry' },
  'importWarn.severalKml': { vi: '{file}: có {a} tài liệu .kml; chỉ đọc {b}', en: '{file}: {a} .kml documents; only {b} was read' },
  'importWarn.severalShp': {
    vi: '{file}: có {a} Shapefile trong một tệp nén; chỉ đọc {b} (hãy nạp riêng các tệp còn lại)',
    en: '{file}: {a} shapefiles in one archive; only {b} was read (import the others separately)',
  },
  'importWarn.noShx': {
    vi: '{file}: thiếu {a}.shx (ở đây không cần, nhưng các phần mềm GIS khác cần)',
    en: '{file}: no {a}.shx (not needed here, but other GIS tools require it)',
  },
  'importWarn.unknownCpg': {
    vi: '{file}: {a} ghi một bảng mã không biết {b}; thuộc tính được đọc theo UTF-8',
    en: '{file}: {a} names an unknown encoding {b}; attributes read as UTF-8',
  },
  'importWarn.cp1258': {
    vi: '{file}: không có .cpg và {a} không phải UTF-8: thuộc tính được đọc theo Windows-1258 (thêm tệp .cpg nếu sai)',
    en: '{file}: no .cpg and {a} is not valid UTF-8: attributes read as Windows-1258 (add a .cpg if that is wrong)',
  },
  'importWarn.legacyEncoding': {
    vi: '{file}: trường {a} có vẻ dùng mã TCVN3/VNI; hãy chuyển sang Unicode (vd. bằng công cụ chuyển mã của Unikey) — đang hiện nguyên dạng',
    en: "{file}: field {a} looks TCVN3/VNI-encoded; convert it to Unicode (e.g. with Unikey's converter) — shown as is",
  },
  'importWarn.unsafePath': {
    vi: '{file}: bỏ qua tệp {a} trong tệp nén: đường dẫn của nó ra ngoài tệp nén ("..", hoặc đường dẫn tuyệt đối)',
    en: '{file}: member {a} ignored: its path leaves the archive ("..", or absolute)',
  },
  'importWarn.crsOverride': { vi: '{file}: tệp ghi {a}; dùng {b} theo lựa chọn', en: '{file}: the file says {a}; using {b} as chosen' },
  'importWarn.crsDegreesButMetric': {
    vi: '{file}: tệp ghi {a} (độ) nhưng tọa độ tính bằng mét ({b}); hãy chọn đúng hệ tọa độ',
    en: '{file}: the file says {a} (degrees) but the coordinates are metric ({b}); choose the right CRS',
  },
  'importWarn.crsMetresButDegrees': {
    vi: '{file}: tệp ghi {a} (mét) nhưng tọa độ trông như độ; hãy kiểm tra hệ tọa độ',
    en: '{file}: the file says {a} (metres) but the coordinates look like degrees; check the CRS',
  },
  'importWarn.noPrj': {
    vi: '{file}: không có .prj; tọa độ trông như kinh độ/vĩ độ WGS 84',
    en: '{file}: no .prj; the coordinates look like WGS 84 longitude/latitude',
  },
  'importWarn.assumedMetric': {
    vi: '{file}: tọa độ tính bằng mét ({a}) và tệp không ghi hệ tọa độ; tạm dùng {b} (VN-2000 / TM-3 107°, Bắc Giang) — hãy xác nhận hoặc chọn hệ khác',
    en: '{file}: coordinates are in metres ({a}) and the file names no CRS; assumed {b} (VN-2000 / TM-3 107°, Bắc Giang) — confirm or choose another',
  },
  'importWarn.allInvalid': {
    vi: '{file}: mọi đối tượng đều không hợp lệ và đã bị bỏ ra; không còn gì để nạp',
    en: '{file}: every feature was invalid and left out; nothing to import',
  },
  'importFail.kmlConvert': { vi: '{file}: không chuyển đổi được KML ({a})', en: '{file}: KML could not be converted ({a})' },
  'importFail.memberUnreadable': { vi: '{file}: không đọc được {a}{b}', en: '{file}: {a} could not be read{b}' },
  'importFail.zipNamed': { vi: '{file}: là tệp nén zip mang đuôi {a}; nhận: {b}', en: '{file}: is a zip archive named {a}; accepted: {b}' },
  'importFail.zipMethod': {
    vi: '{file}: tệp {a} trong tệp nén dùng phương pháp nén {b}; chỉ hỗ trợ stored và deflate',
    en: '{file}: member {a} uses compression method {b}; only stored and deflate are supported',
  },
  'importFail.notShp': { vi: '{file}: {a} không phải tệp .shp của Shapefile (sai mã tệp)', en: '{file}: {a} is not a Shapefile .shp (wrong file code)' },
  'importFail.notDbf': { vi: '{file}: {a} không phải bảng dBASE (phần đầu hỏng)', en: '{file}: {a} is not a dBASE table (bad header)' },
  'importFail.prjEmpty': { vi: '{file}: tệp .prj rỗng', en: '{file}: the .prj is empty' },
  'importFail.internal': { vi: '{file}: lỗi nội bộ khi nạp: {a}', en: '{file}: internal import error: {a}' },
} satisfies Record<string, Localized>;

export const problemMessages = { ...problemCodeMessages, ...problemPartMessages, ...importNoticeMessages };
