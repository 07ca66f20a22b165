import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cpuBetween, threadGroup, THREAD_GROUPS, type LoadCpu, type ThreadSample } from '../../scripts/bench/load-cpu';

describe('cpuBetween (bench:load CPU by thread)', () => {
  it('adds up each group\'s change between two samples (fixture)', () => {
    const input = JSON.parse(readFileSync('tests/fixtures/bench/load-cpu.json', 'utf8')) as { before: ThreadSample[]; after: ThreadSample[] };
    const expected = JSON.parse(readFileSync('tests/fixtures/bench/load-cpu.expected.json', 'utf8')) as LoadCpu;
    const got = cpuBetween(input.before, input.after);
    for (const g of THREAD_GROUPS) {
      expect(got.cpuMs[g], `cpu ${g}`).toBeCloseTo(expected.cpuMs[g], 6);
      expect(got.waitMs[g], `wait ${g}`).toBeCloseTo(expected.waitMs[g], 6);
    }
    expect(got.totalMs).toBeCloseTo(expected.totalMs, 6);
    expect(got.totalWaitMs).toBeCloseTo(expected.totalWaitMs, 6);
  });

  it('groups threads: the renderer\'s main thread, workers and pool; the GPU process; the rest', () => {
    expect(threadGroup('renderer', 'chromium', 9, 9)).toBe('main');
    expect(threadGroup('renderer', 'DedicatedWorker', 12, 9)).toBe('worker');
    expect(threadGroup('renderer', 'ThreadPoolForeg', 13, 9)).toBe('helpers');
    expect(threadGroup('renderer', 'Compositor', 11, 9)).toBe('other');
    expect(threadGroup('gpu-process', 'Thread<00>', 6, 5)).toBe('gpu');
    expect(threadGroup('browser', 'chromium', 1, 1)).toBe('other');
  });

  const sample = fc.record({
    tid: fc.integer({ min: 1, max: 40 }),
    process: fc.constantFrom('browser', 'renderer', 'gpu-process', 'utility'),
    comm: fc.constantFrom('chromium', 'DedicatedWorker', 'ThreadPoolForeg', 'Compositor', 'Thread<00>'),
    runNs: fc.integer({ min: 0, max: 5e9 }),
    waitNs: fc.integer({ min: 0, max: 5e9 }),
    moreRun: fc.integer({ min: 0, max: 2e9 }),
    moreWait: fc.integer({ min: 0, max: 2e9 }),
  });
  const threads = fc.uniqueArray(sample, { selector: (s) => s.tid, maxLength: 30 });

  it('counts exactly what each surviving thread added, whatever the grouping', () => {
    fc.assert(
      fc.property(threads, (spec) => {
        const before: ThreadSample[] = spec.map((s) => ({ pid: 7, tid: s.tid, process: s.process, comm: s.comm, runNs: s.runNs, waitNs: s.waitNs }));
        const after = before.map((t, i) => ({ ...t, runNs: t.runNs + spec[i]!.moreRun, waitNs: t.waitNs + spec[i]!.moreWait }));
        const got = cpuBetween(before, after);
        const added = spec.reduce((s, x) => s + x.moreRun, 0) / 1e6;
        expect(got.totalMs).toBeCloseTo(added, 3);
        expect(got.totalWaitMs).toBeCloseTo(spec.reduce((s, x) => s + x.moreWait, 0) / 1e6, 3);
        for (const g of THREAD_GROUPS) expect(got.cpuMs[g]).toBeGreaterThanOrEqual(0);
        // Nothing happened: nothing counted.
        expect(cpuBetween(after, after).totalMs).toBe(0);
      }),
    );
  });
});
