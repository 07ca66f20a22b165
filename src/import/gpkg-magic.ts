// The SQLite file header, apart from the GeoPackage reader so that detecting a file's kind does not
// load the WKB parser.
const SQLITE_MAGIC = 'SQLite format 3\u0000';

export function isSqlite(bytes: Uint8Array): boolean {
  if (bytes.length < 16) return false;
  for (let i = 0; i < 16; i++) if (bytes[i] !== SQLITE_MAGIC.charCodeAt(i)) return false;
  return true;
}
