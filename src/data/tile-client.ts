// The page's handle on the tile worker, and the `vylarge://` protocol MapLibre reads its tiles from.
import { addProtocol } from 'maplibre-gl';
import type { TileRequest, TileReply } from './tile-worker';

type Body<T> = T extends unknown ? Omit<T, 'id'> : never;

import { LARGE_PROTOCOL } from '../map/style';

export interface TileClient {
  open(layerId: string, blob: Blob): Promise<void>;
  close(layerId: string): Promise<void>;
}

let worker: Worker | null = null;
const pending = new Map<number, { resolve: (r: TileReply) => void }>();
let next = 1;

function send(msg: Body<TileRequest>): Promise<TileReply> {
  if (!worker) {
    worker = new Worker(new URL('./tile-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (ev: MessageEvent<TileReply>) => {
      const p = pending.get(ev.data.id);
      pending.delete(ev.data.id);
      p?.resolve(ev.data);
    };
  }
  return new Promise((resolve) => {
    const id = next++;
    pending.set(id, { resolve });
    worker!.postMessage({ ...msg, id } as TileRequest);
  });
}

let registered = false;
/** Registers the protocol once; tile URLs look like `vylarge://LAYER/{z}/{x}/{y}`. */
export function createTileClient(): TileClient {
  if (!registered) {
    registered = true;
    addProtocol(LARGE_PROTOCOL, async (params) => {
      const m = new RegExp(`^${LARGE_PROTOCOL}://([^/]+)/(\\d+)/(\\d+)/(\\d+)$`).exec(params.url);
      if (!m) throw new Error(`bad tile URL ${params.url}`);
      const r = await send({ type: 'tile', layerId: decodeURIComponent(m[1]!), z: +m[2]!, x: +m[3]!, y: +m[4]! });
      if (!r.ok) throw new Error(r.error);
      return { data: r.data ?? new ArrayBuffer(0) };
    });
  }
  return {
    async open(layerId, blob) {
      const r = await send({ type: 'open', layerId, blob });
      if (!r.ok) throw new Error(r.error);
    },
    async close(layerId) {
      await send({ type: 'close', layerId });
    },
  };
}
