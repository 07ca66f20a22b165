// SQLite (sql.js, WebAssembly) for the GeoPackage reader in the import worker. The .wasm file is
// one of the app's own assets (Vite's ?url import), never fetched from another host.
import initSqlJs from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import type { SqliteModule } from './gpkg.ts';

let loading: Promise<SqliteModule> | null = null;

/** The sql.js module, compiled on the first GeoPackage and kept for the next ones. */
export function loadSqliteBrowser(): Promise<SqliteModule> {
  loading ??= initSqlJs({ locateFile: () => wasmUrl }).catch((e: unknown) => {
    loading = null; // let a later GeoPackage try again
    throw e;
  });
  return loading;
}
