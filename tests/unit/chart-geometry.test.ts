import { describe, it, expect } from 'vitest';
import { chartGeometry, DEFAULT_BOX as B } from '../../src/ui/chart-geometry';
import { timelineSteps } from '../../src/coverage/timeline';

describe('chartGeometry', () => {
  it('draws a step line from the first date to `until`, y from 0 % (bottom) to 100 % (top)', () => {
    const g = chartGeometry(['2019-12-31', '2020-12-31', '2022-12-31'], [0, 0.5, 1], 0.8, '2024-12-31');
    const bottom = B.height - B.bottom;
    expect(g.xs[0]).toBe(B.left);
    expect(g.ys).toEqual([bottom, (B.top + bottom) / 2, B.top]);
    expect(g.path.startsWith(`M${B.left.toFixed(1)},${bottom.toFixed(1)}H`)).toBe(true);
    expect(g.path.endsWith(`H${(B.width - B.right).toFixed(1)}`)).toBe(true);
    expect(g.targetY).toBeCloseTo(B.top + 0.2 * (bottom - B.top));
    expect(g.xTicks.map((t) => t.year)).toEqual([2020, 2021, 2022, 2023, 2024]);
    expect(g.markX).toBeNull();
  });
  it('never runs the line backwards when `until` is before the last date; marks the "as of" day', () => {
    const g = chartGeometry(['2019-12-31', '2022-12-31'], [0, 1], 0.8, '2020-06-30', B, '2020-06-30');
    const hs = [...g.path.matchAll(/H([\d.]+)/g)].map((m) => Number(m[1]));
    expect(hs).toEqual([...hs].sort((a, b) => a - b));
    expect(g.markX!).toBeGreaterThan(B.left);
    expect(g.markX!).toBeLessThan(g.xs[1]!);
  });
  it('copes with a single date and no dates', () => {
    expect(chartGeometry(['2020-01-01'], [0.3], 0.8, '2020-01-01').xs).toEqual([B.left]);
    expect(chartGeometry([], [], 0.8, '2020-01-01').path).toBe('');
  });
});

describe('timelineSteps', () => {
  it('every approval date, after the day before the first', () => {
    expect(timelineSteps(['2021-03-01', '2019-01-01', '2021-03-01'])).toEqual({ dates: ['2018-12-31', '2019-01-01', '2021-03-01'], step: 'day' });
    expect(timelineSteps([])).toEqual({ dates: [], step: 'day' });
  });
  it('month ends when there are too many dates, never more than maxSteps + 1', () => {
    const days = Array.from({ length: 400 }, (_, i) => new Date(Date.UTC(2015, 0, 1 + i * 9)).toISOString().slice(0, 10));
    const s = timelineSteps(days, 150);
    expect(s.step).toBe('month');
    expect(s.dates.length).toBeLessThanOrEqual(151);
    expect(s.dates.slice(1).every((d) => /-(28|29|30|31)$/.test(d))).toBe(true);
    // The last step still holds every approval.
    expect(s.dates[s.dates.length - 1]! >= days[days.length - 1]!).toBe(true);
    const few = timelineSteps(days, 40);
    expect(few.dates.length).toBeLessThanOrEqual(41);
    expect(few.dates[few.dates.length - 1]! >= days[days.length - 1]!).toBe(true);
  });
});
