// The page's handle on the tile worker, and the `vylarge://` tiles MapLibre reads from it.
import type { TileRequest, TileReply } from './tile-worker';
import { createWorkerRpc } from './worker-rpc';
import { registerTileProtocol } from '../map/protocol';
import { LARGE_PROTOCOL } from '../map/style';

export interface TileClient {
  open(layerId: string, blob: Blob): Promise<void>;
  close(layerId: string): Promise<void>;
}

// One worker for the page: every large layer's tiles are cut there.
const rpc = createWorkerRpc<TileRequest, TileReply>(
  () => new Worker(new URL('./tile-worker.ts', import.meta.url), { type: 'module' }),
  undefined,
  'tile worker',
);

const TILE_URL = new RegExp(`^${LARGE_PROTOCOL}://([^/]+)/(\\d+)/(\\d+)/(\\d+)$`);

/** Registers the protocol once; tile URLs look like `vylarge://LAYER/{z}/{x}/{y}`. */
export function createTileClient(): TileClient {
  registerTileProtocol(LARGE_PROTOCOL, async (url) => {
    const m = TILE_URL.exec(url);
    if (!m) throw new Error(`bad tile URL ${url}`);
    const r = await rpc.call({ type: 'tile', layerId: decodeURIComponent(m[1]!), z: +m[2]!, x: +m[3]!, y: +m[4]! });
    if (!r.ok) throw new Error(r.error);
    return r.data ?? new ArrayBuffer(0);
  });
  return {
    async open(layerId, blob) {
      const r = await rpc.call({ type: 'open', layerId, blob });
      if (!r.ok) throw new Error(r.error);
    },
    async close(layerId) {
      await rpc.call({ type: 'close', layerId });
    },
  };
}
