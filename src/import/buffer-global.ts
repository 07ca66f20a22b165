// wkx (the WKB parser of the GeoPackage reader) reads Node's global `Buffer` when it is loaded. Node
// has it; a browser worker does not, so it gets the `buffer` package's. Imported before wkx.
import { Buffer as BufferPolyfill } from 'buffer/index.js';

const scope = globalThis as { Buffer?: unknown };
if (scope.Buffer === undefined) scope.Buffer = BufferPolyfill;
