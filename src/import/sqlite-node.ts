// SQLite (sql.js, WebAssembly) for the GeoPackage reader in Node: the CLI and the tests. The .wasm
// file is read from node_modules; nothing is fetched. The browser's loader is sqlite-browser.ts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import initSqlJs from 'sql.js';
import type { SqliteModule } from './gpkg.ts';

let loading: Promise<SqliteModule> | null = null;

/** The sql.js module, compiled once per process. */
export function loadSqliteNode(): Promise<SqliteModule> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasm = readFileSync(require.resolve('sql.js/dist/sql-wasm.wasm'));
    return initSqlJs({ wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer });
  })();
  return loading;
}
