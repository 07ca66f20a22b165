// The import's older refusals and readers' warnings (issue 7: JSON, zip, Shapefile, KML, CRS,
// encodings), recognised by their English text — which the CLI prints and the tests read, and which
// stays the source — and given the catalog key that shows them in the UI language (`importFail.*`
// in src/i18n/hostile-messages.ts, `importWarn.*` and the rest in src/i18n/problem-messages.ts), so
// that every refusal and warning the panel shows is in the user's language. The pipeline attaches
// the key to any failure or warning that does not carry one already (the DXF, GeoPackage and limit
// messages do).
import type { ImportMessageKey as MessageKey } from '../i18n/import-catalog.ts';
import { localized, type LocalizedMessage } from './format-messages.ts';

/** Pattern of the English text (the file name first) → key; the groups fill the catalog's {a}, {b}, {c}. */
const PATTERNS: readonly (readonly [RegExp, MessageKey])[] = [
  [/^(.+?): is not valid JSON: (.+)$/, 'importFail.notJson'],
  [/^(.+?): is empty(?: \(0 bytes\))?$/, 'importFail.empty'],
  [/^(.+?): has no features$/, 'importFail.noFeatures'],
  [/^(.+?): top level is not a JSON object, expected GeoJSON$/, 'importFail.notObject'],
  [/^(.+?): "features" is not an array$/, 'importFail.featuresNotArray'],
  [/^(.+?): GeoJSON "type" is (.+); expected FeatureCollection, Feature or a geometry$/, 'importFail.badType'],
  [/^(.+?): is UTF-16 encoded; GeoJSON must be UTF-8 \(RFC 7946 §11\)$/, 'importFail.utf16'],
  [/^(.+?): contains binary data \(NUL byte at offset (\d+)\), not GeoJSON text$/, 'importFail.binary'],
  [/^(.+?): is not valid UTF-8 text$/, 'importFail.notUtf8'],
  [/^(.+?): is not UTF-8 text \(KML must be UTF-8\)$/, 'importFail.notUtf8'],
  [/^(.+?): not a readable zip archive \((.+)\)$/, 'importFail.notZip'],
  [/^(.+?): is empty \(0 bytes\), not a zip archive$/, 'importFail.empty'],
  [/^(.+?): has (\d+) entries, more than the limit of (\d+)$/, 'importFail.zipEntries'],
  [/^(.+?): member (.+) declares (.+), more than the (.+) limit$/, 'importFail.zipDeclares'],
  [/^(.+?): member (.+) expands beyond (.+) \(limit\)$/, 'importFail.zipExpands'],
  [/^(.+?): members (?:declare|expand beyond) (.+) in total.*\(?limit\)?$/, 'importFail.zipTotal'],
  [/^(.+?): member (.+) is corrupt \((.+)\)$/, 'importFail.zipCorrupt'],
  [/^(.+?): member (.+) could not be read \(truncated archive\?\)$/, 'importFail.zipTruncated'],
  [/^(.+?): contains no \.shp file/, 'importFail.noShp'],
  [/^(.+?): has (.+) but no (.+) \(the attribute table is required\)$/, 'importFail.noDbf'],
  [/^(.+?): (\S+) is truncated(.*)$/, 'importFail.truncated'],
  [/^(.+?): (\S+) has (\d+) shapes but (\S+) has (\d+) records$/, 'importFail.countMismatch'],
  [/^(.+?): is not well-formed XML \((.+)\)$/, 'importFail.notXml'],
  [/^(.+?): is XML but not KML \(root element (.+)\)$/, 'importFail.notKml'],
  [/^(.+?): has no placemarks \(no features to import\)$/, 'importFail.noPlacemarks'],
  [/^(.+?): contains no \.kml document/, 'importFail.noKml'],
  [/^(.+?): unsupported file type(.*); accepted: (.+)$/, 'importFail.unsupported'],
  [/^(.+?): a (\.\w+) file alone is not enough/, 'importFail.lonePart'],
  [/^(.+?): (\.\w+) files are not geodata; accepted: (.+)$/, 'importFail.office'],
  [/^(.+?): is named (\.\w+) but is a zip archive/, 'importFail.namedButZip'],
  [/^(.+?): is named (\.\w+) but is not a zip archive$/, 'importFail.namedButNotZip'],
  [/^(.+?): coordinates are not longitude\/latitude \((.+)\) and the file names no CRS/, 'importFail.needsCrs'],
  [/^(.+?): has a "crs" member that is not of the form/, 'importFail.crsMalformed'],
  [/^(.+?): has an unsupported CRS (.+); supported: (.+)$/, 'importFail.crsUnsupported'],
  [/^(.+?): unsupported CRS (.+) given$/, 'importFail.crsGiven'],
  [/^(.+?): the \.prj describes (.+), which is not supported; supported: (.+)$/, 'importFail.prjUnsupported'],
  [/^(.+?): the \.prj could not be read as WKT \((.+)\)$/, 'importFail.prjUnreadable'],
  [/^(.+?): cannot be read \((.+)\)$/, 'importFail.unreadable'],
  // The rest of the refusals, and the readers' whole-file warnings (src/i18n/problem-messages.ts).
  [/^(.+?): KML could not be converted \((.+)\)$/, 'importFail.kmlConvert'],
  [/^(.+?): is a zip archive named (.+); accepted: (.+)$/, 'importFail.zipNamed'],
  [/^(.+?): member (.+) uses compression method (.+); only stored and deflate are supported$/, 'importFail.zipMethod'],
  [/^(.+?): (\S+) is not a Shapefile \.shp \(wrong file code\)$/, 'importFail.notShp'],
  [/^(.+?): (\S+) is not a dBASE table \(bad header\)$/, 'importFail.notDbf'],
  [/^(.+?): the \.prj is empty$/, 'importFail.prjEmpty'],
  [/^(.+?): (\S+) could not be read( \(.+\))?$/, 'importFail.memberUnreadable'],
  [/^(.+?): internal import error: (.+)$/, 'importFail.internal'],
  [/^(.+?): a single Feature, not a FeatureCollection: imported as a collection of one$/, 'importWarn.singleFeature'],
  [/^(.+?): a bare (\w+), not a FeatureCollection: imported as one feature without properties$/, 'importWarn.bareGeometry'],
  [/^(.+?): (\d+) placemark\(s\) without geometry$/, 'importWarn.emptyPlacemarks'],
  [/^(.+?): (\d+) \.kml documents; only (.+) was read$/, 'importWarn.severalKml'],
  [/^(.+?): (\d+) shapefiles in one archive; only (.+) was read \(import the others separately\)$/, 'importWarn.severalShp'],
  [/^(.+?): no (.+)\.shx \(not needed here, but other GIS tools require it\)$/, 'importWarn.noShx'],
  [/^(.+?): (.+) names an unknown encoding (.+); attributes read as UTF-8$/, 'importWarn.unknownCpg'],
  [/^(.+?): no \.cpg and (.+) is not valid UTF-8: attributes read as Windows-1258 \(add a \.cpg if that is wrong\)$/, 'importWarn.cp1258'],
  [/^(.+?): field (.+) looks TCVN3\/VNI-encoded; convert it to Unicode \(e\.g\. with Unikey's converter\) — shown as is$/, 'importWarn.legacyEncoding'],
  [/^(.+?): member (.+) ignored: its path leaves the archive \("\.\.", or absolute\)$/, 'importWarn.unsafePath'],
];

/** The localized form of an older English refusal or reader's warning, or null when it is not one of them. */
export function localizeFailure(text: string): LocalizedMessage | null {
  for (const [re, key] of PATTERNS) {
    const m = re.exec(text);
    if (m === null) continue;
    const m2 = localized(key, { file: m[1]!, a: m[2] ?? '', b: m[3] ?? '', c: m[4] ?? '', d: m[5] ?? '' });
    // The English stays exactly what the import says (the CLI's text); only the key is borrowed.
    return { ...m2, text };
  }
  return null;
}
