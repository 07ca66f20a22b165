// Coverage classes shared by the coverage map layer and its legend.

/**
 * Coverage classes for the map, with the target as a class break: class 4 is "more than target",
 * the others split [0, target] into four equal bands (0 = lowest).
 */
export function coverageClass(coverage: number, target: number): 0 | 1 | 2 | 3 | 4 {
  if (coverage > target) return 4;
  // The epsilon keeps a value on a bound (0.6 of 0.8) in the class the legend says it starts.
  const band = Math.min(3, Math.floor((coverage / (target || 1)) * 4 + 1e-9));
  return Math.max(0, band) as 0 | 1 | 2 | 3;
}

/** Class bounds as fractions, for the legend: [from, to] per class. */
export function classBounds(target: number): [number, number][] {
  const q = target / 4;
  return [[0, q], [q, 2 * q], [2 * q, 3 * q], [3 * q, target], [target, 1]];
}
