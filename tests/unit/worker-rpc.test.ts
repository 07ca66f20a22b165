import { describe, expect, it } from 'vitest';
import { createWorkerRpc } from '../../src/data/worker-rpc';

type Req = { id: number; n: number; steps?: number };
type Reply = { id: number; type: 'progress' | 'done'; value: number };

/** A worker stand-in: answers each request after `steps` progress messages, replies possibly out of order. */
function fakeWorker(order: 'fifo' | 'lifo' = 'fifo') {
  const queue: Req[] = [];
  let made = 0;
  const w = {
    onmessage: null as ((ev: MessageEvent<Reply>) => void) | null,
    onerror: null as ((ev: ErrorEvent) => void) | null,
    onmessageerror: null as (() => void) | null,
    terminated: false,
    postMessage(m: Req) {
      queue.push(m);
    },
    terminate() {
      this.terminated = true;
    },
    flush() {
      const list = order === 'fifo' ? queue.splice(0) : queue.splice(0).reverse();
      for (const m of list) {
        for (let i = 0; i < (m.steps ?? 0); i++) w.onmessage?.({ data: { id: m.id, type: 'progress', value: i } } as MessageEvent<Reply>);
        w.onmessage?.({ data: { id: m.id, type: 'done', value: m.n * 2 } } as MessageEvent<Reply>);
      }
    },
  };
  return { w, make: () => (made++, w as unknown as Worker), made: () => made };
}

describe('createWorkerRpc', () => {
  it('creates the worker on first use and matches replies to requests by id, in any order', async () => {
    const f = fakeWorker('lifo');
    const rpc = createWorkerRpc<Req, Reply>(f.make, (m) => m.type === 'done');
    expect(f.made()).toBe(0);
    const a = rpc.call({ n: 1 });
    const b = rpc.call({ n: 5 });
    expect(f.made()).toBe(1);
    f.w.flush();
    expect((await a).value).toBe(2);
    expect((await b).value).toBe(10);
  });

  it('passes messages before the final one to onEvent', async () => {
    const f = fakeWorker();
    const rpc = createWorkerRpc<Req, Reply>(f.make, (m) => m.type === 'done');
    const seen: number[] = [];
    const p = rpc.call({ n: 3, steps: 3 }, { onEvent: (m) => seen.push(m.value) });
    f.w.flush();
    expect((await p).value).toBe(6);
    expect(seen).toEqual([0, 1, 2]);
  });

  it('rejects every pending request when the worker fails or is disposed', async () => {
    const f = fakeWorker();
    const rpc = createWorkerRpc<Req, Reply>(f.make, undefined, 'test worker');
    const a = rpc.call({ n: 1 });
    f.w.onerror?.({ message: 'boom' } as ErrorEvent);
    await expect(a).rejects.toThrow('boom');
    const b = rpc.call({ n: 2 });
    rpc.dispose();
    await expect(b).rejects.toThrow('test worker stopped');
    expect(f.w.terminated).toBe(true);
  });
});
