// Geometry of the coverage-over-time chart (pure: tested without a DOM). Plain SVG rather than a
// chart library: one step line, a target line and a handful of ticks are ~60 lines, where uPlot or
// Observable Plot would add 20–60 kB to a lazily opened section.

export interface ChartBox {
  width: number;
  height: number;
  /** Room for the axes' labels. */
  left: number;
  bottom: number;
  top: number;
  right: number;
}

export const DEFAULT_BOX: ChartBox = { width: 320, height: 160, left: 34, bottom: 22, top: 8, right: 8 };

const time = (d: string) => Date.parse(`${d}T00:00:00Z`);

export interface ChartGeometry {
  /** SVG path of the step line: coverage holds until the next approval date. */
  path: string;
  targetY: number;
  /** x of each step date (for markers and hit areas). */
  xs: number[];
  ys: number[];
  yTicks: { y: number; value: number }[];
  xTicks: { x: number; year: number }[];
  /** x of the marked day (the "as of" date), if any. */
  markX: number | null;
}

/** Dates ascending (YYYY-MM-DD), coverage 0..1 at each; the line runs on to `until` (or the last date). */
export function chartGeometry(dates: readonly string[], coverage: readonly number[], target: number, until: string, box: ChartBox = DEFAULT_BOX, mark?: string): ChartGeometry {
  const t0 = time(dates[0] ?? until);
  const t1 = Math.max(time(until), time(dates[dates.length - 1] ?? until), t0 + 86_400_000);
  const x = (d: string) => box.left + ((time(d) - t0) / (t1 - t0)) * (box.width - box.left - box.right);
  const y = (c: number) => box.top + (1 - Math.min(1, Math.max(0, c))) * (box.height - box.top - box.bottom);
  const xs = dates.map(x);
  const ys = coverage.map(y);
  let path = '';
  xs.forEach((xi, i) => {
    path += i === 0 ? `M${xi.toFixed(1)},${ys[i]!.toFixed(1)}` : `H${xi.toFixed(1)}V${ys[i]!.toFixed(1)}`;
  });
  // The last value holds to the right edge (`until` or the last date, whichever is later).
  if (xs.length) path += `H${(box.width - box.right).toFixed(1)}`;
  const y0 = new Date(t0).getUTCFullYear(), y1 = new Date(t1).getUTCFullYear();
  const every = Math.max(1, Math.ceil((y1 - y0) / 6));
  const xTicks = [];
  for (let yr = y0 + 1; yr <= y1; yr += every) xTicks.push({ x: x(`${yr}-01-01`), year: yr });
  return { path, targetY: y(target), xs, ys, yTicks: [0, 0.5, 1].map((v) => ({ y: y(v), value: v })), xTicks, markX: mark === undefined ? null : x(mark) };
}
