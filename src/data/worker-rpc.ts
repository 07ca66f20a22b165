// One request/reply helper for the app's three Web Workers (coverage, import, tiles): every request
// carries an id, the worker echoes it, so replies find their promise even when they interleave.
// Written here rather than taken from Comlink because all three protocols are plain tagged messages
// that the CLI and tests also use directly; this keeps them plain data (no proxies) and adds only
// the id bookkeeping. Messages a worker sends before its final reply (progress) go to `onEvent`.

/** A message type without its `id` (which the helper assigns). */
export type Body<T> = T extends unknown ? Omit<T, 'id'> : never;

export interface CallOptions<Reply> {
  /** Non-final messages for this request (e.g. progress). */
  onEvent?: (message: Reply) => void;
  /** Buffers handed over to the worker instead of copied. */
  transfer?: Transferable[];
  /**
   * Cancels the request: it is rejected with an AbortError and the worker is terminated — a worker
   * busy with it (a huge file) stops at once, which no message could make it do — and restarted,
   * with the other requests still pending sent to the new one (those that transferred buffers,
   * which are gone, are rejected instead).
   */
  signal?: AbortSignal;
}

export interface WorkerRpc<Req extends { id: number }, Reply extends { id: number }> {
  call(body: Body<Req>, options?: CallOptions<Reply>): Promise<Reply>;
  dispose(): void;
}

/**
 * `make` creates the worker on the first call (so a feature never used costs nothing);
 * `isFinal` tells the reply that settles a request from the messages that precede it.
 */
export function createWorkerRpc<Req extends { id: number }, Reply extends { id: number }>(
  make: () => Worker,
  isFinal: (message: Reply) => boolean = () => true,
  name = 'worker',
): WorkerRpc<Req, Reply> {
  let worker: Worker | null = null;
  interface Pending {
    resolve: (r: Reply) => void;
    reject: (e: Error) => void;
    onEvent?: (m: Reply) => void;
    /** What was posted, to post again after a restart (null when buffers were transferred). */
    message: (Body<Req> & { id: number }) | null;
  }
  const pending = new Map<number, Pending>();
  let next = 1;
  const failAll = (why: string) => {
    for (const p of pending.values()) p.reject(new Error(why));
    pending.clear();
  };
  const start = (): Worker => {
    const w = make();
    w.onmessage = (ev: MessageEvent<Reply>) => {
      const p = pending.get(ev.data.id);
      if (!p) return;
      if (!isFinal(ev.data)) return p.onEvent?.(ev.data);
      pending.delete(ev.data.id);
      p.resolve(ev.data);
    };
    w.onerror = (ev) => failAll(ev.message || `${name} failed`);
    w.onmessageerror = () => failAll(`${name}: a message could not be read`);
    return w;
  };
  /** Terminates the worker and starts a fresh one for the requests still pending (see CallOptions.signal). */
  const restart = (): void => {
    worker?.terminate();
    worker = null;
    for (const [id, p] of pending) {
      if (p.message === null) {
        pending.delete(id);
        p.reject(new Error(`${name} restarted`));
      }
    }
    if (pending.size === 0) return;
    const w = start();
    worker = w;
    for (const p of pending.values()) w.postMessage(p.message);
  };
  return {
    call(body, options = {}) {
      worker ??= start();
      const w = worker;
      return new Promise<Reply>((resolve, reject) => {
        const id = next++;
        const message = { ...body, id } as Body<Req> & { id: number };
        const transferred = (options.transfer ?? []).length > 0;
        pending.set(id, { resolve, reject, ...(options.onEvent ? { onEvent: options.onEvent } : {}), message: transferred ? null : message });
        const signal = options.signal;
        if (signal?.aborted) {
          pending.delete(id);
          reject(new DOMException('cancelled', 'AbortError'));
          return;
        }
        signal?.addEventListener('abort', () => {
          if (!pending.has(id)) return;
          pending.delete(id);
          reject(new DOMException('cancelled', 'AbortError'));
          restart();
        }, { once: true });
        w.postMessage(message, options.transfer ?? []);
      });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      failAll(`${name} stopped`);
    },
  };
}
