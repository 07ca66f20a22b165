// CPU of a page load by thread, from the kernel's per-thread counters (bench:load). On a machine
// with few cores the first map waits for CPU shared by the page's main thread, MapLibre's worker,
// V8's background compilers and the GPU process, which draws WebGL on the CPU here (SwiftShader,
// on threads of its own that Chromium's traces do not show). Linux's /proc/<pid>/task/<tid>/schedstat
// gives each thread's time on a CPU and its time waiting for one; this adds up the change between
// two samples by group of threads. No library reads it; written here.

/** One thread of a Chromium process at one moment. */
export interface ThreadSample {
  pid: number;
  tid: number;
  /** Chromium's `--type` of the process: 'browser' (none), 'renderer', 'gpu-process', 'utility'… */
  process: string;
  /** The thread's name (15 characters at most, as the kernel keeps it). */
  comm: string;
  /** Time on a CPU, ns. */
  runNs: number;
  /** Time ready to run but waiting for a CPU, ns. */
  waitNs: number;
}

export const THREAD_GROUPS = ['main', 'worker', 'helpers', 'gpu', 'other'] as const;
export type ThreadGroup = (typeof THREAD_GROUPS)[number];

export interface LoadCpu {
  /** CPU time by group, ms: the page's main thread, its Web Workers, its thread pool (V8's parsing,
   * compilers and GC helpers, raster), the GPU process (with SwiftShader's threads), the rest
   * (browser process, the page's compositor and IO threads, utility processes). */
  cpuMs: Record<ThreadGroup, number>;
  /** Time the threads of each group spent ready but waiting for a CPU, ms. */
  waitMs: Record<ThreadGroup, number>;
  totalMs: number;
  totalWaitMs: number;
}

/** Which group a thread belongs to. A process's main thread bears the process's name ('chromium'). */
export function threadGroup(process: string, comm: string, tid: number, pid: number): ThreadGroup {
  if (process === 'gpu-process') return 'gpu';
  if (process !== 'renderer') return 'other';
  if (tid === pid) return 'main';
  if (comm.startsWith('DedicatedWorker')) return 'worker';
  if (comm.startsWith('ThreadPool')) return 'helpers';
  return 'other';
}

const zero = (): Record<ThreadGroup, number> => ({ main: 0, worker: 0, helpers: 0, gpu: 0, other: 0 });

/**
 * The CPU used between two samples, by group. A thread absent from `before` started in between
 * and counts from zero; one absent from `after` ended in between and is left out (its last share
 * is lost: the bench samples while the page is open, so the page's threads are in both).
 */
export function cpuBetween(before: readonly ThreadSample[], after: readonly ThreadSample[]): LoadCpu {
  const earlier = new Map(before.map((t) => [`${t.pid}:${t.tid}`, t]));
  const cpuMs = zero();
  const waitMs = zero();
  for (const t of after) {
    const b = earlier.get(`${t.pid}:${t.tid}`);
    // A reused thread id with a smaller count is a new thread.
    const run = b && b.runNs <= t.runNs ? t.runNs - b.runNs : t.runNs;
    const wait = b && b.waitNs <= t.waitNs ? t.waitNs - b.waitNs : t.waitNs;
    const g = threadGroup(t.process, t.comm, t.tid, t.pid);
    cpuMs[g] += run / 1e6;
    waitMs[g] += wait / 1e6;
  }
  const sum = (r: Record<ThreadGroup, number>) => THREAD_GROUPS.reduce((s, g) => s + r[g], 0);
  return { cpuMs, waitMs, totalMs: sum(cpuMs), totalWaitMs: sum(waitMs) };
}
