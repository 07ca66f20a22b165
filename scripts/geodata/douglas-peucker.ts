// Douglas–Peucker simplification in a planar frame (the local metric plane), the one copy used by
// line simplification (schematic river) and by the shared-arc topology simplification (wards).
// Turf's simplify is not used: it works in degrees, not metres, and changes the committed output.

export type XY = [number, number];

/** Planar distance from p to the segment a–b (to a itself when the segment is a point). */
export function segmentDistance(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const l2 = dx * dx + dy * dy;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2));
  return Math.hypot(a[0] + t * dx - p[0], a[1] + t * dy - p[1]);
}

/**
 * Douglas–Peucker between pts[lo] and pts[hi]: marks in `keep` every vertex strictly inside that
 * range which the algorithm keeps at tolerance `tol` (a vertex stays if it lies farther than `tol`
 * from the chord of its range; ties go to the first). pts[lo] and pts[hi] are left to the caller.
 */
export function douglasPeuckerKeep(pts: readonly XY[], lo: number, hi: number, tol: number, keep: boolean[]): void {
  const stack: [number, number][] = [[lo, hi]];
  while (stack.length > 0) {
    const [i, j] = stack.pop()!;
    let far = -1;
    let farD = tol;
    for (let k = i + 1; k < j; k++) {
      const d = segmentDistance(pts[k]!, pts[i]!, pts[j]!);
      if (d > farD) {
        farD = d;
        far = k;
      }
    }
    if (far >= 0) {
      keep[far] = true;
      stack.push([i, far], [far, j]);
    }
  }
}

/** Which vertices of an open polyline Douglas–Peucker keeps (the end points always). */
export function douglasPeucker(pts: readonly XY[], tol: number): boolean[] {
  const keep = pts.map((_, i) => i === 0 || i === pts.length - 1);
  if (pts.length > 2) douglasPeuckerKeep(pts, 0, pts.length - 1, tol, keep);
  return keep;
}
