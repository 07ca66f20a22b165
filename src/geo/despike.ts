// Zero-width spikes taken out of integer rings before Clipper sees them. clipper2-ts 1.5.4 never
// finishes a boolean operation (union, difference, intersection, xor; any fill rule) on a ring
// whose consecutive horizontal edges reverse direction, e.g. (5,4) (3,1) (2,1) (1,1) (5,1): its
// horizontal sweep keeps the first edge's direction and allocates output points until the heap is
// exhausted (upstream countertype/clipper2-ts#36, not in any release). A planner's file can hold
// such a spike, and a ring that is fine in floating point can become one when rounded to the
// integer plane (latitudes a few 1e-12° apart land on one row).
//
// A vertex whose path turns back 180° onto its own line (and a repeated vertex) is removed: the
// ring a → b → c with b on the line through a and c, behind c, encloses nothing, so every point
// off that line keeps its winding number and the ring its signed area — under any fill rule the
// result of the operation is the same. Removing it can make the neighbours a spike in turn (the
// "needle" a → b → a), which is removed too. Collinear vertices that go on in the same direction
// are kept (Clipper preserves them; shared boundaries between units rely on it). All spikes are
// removed, not only horizontal ones: a vertical or diagonal one does not hang 1.5.4, but it is a
// fold of no area either way. Linear in the ring's size; a ring without spikes is returned as is.
import type { Path64, Paths64, Point64 } from '@countertype/clipper2-ts';

/** Exact sign of (b − a) × (c − b) for integer coordinates (BigInt when a double could be wrong). */
function turn(a: Point64, b: Point64, c: Point64): number {
  const ux = b.x - a.x, uy = b.y - a.y, vx = c.x - b.x, vy = c.y - b.y;
  const l = ux * vy;
  const r = uy * vx;
  const d = l - r;
  if (Math.abs(d) > 2 ** -50 * (Math.abs(l) + Math.abs(r))) return d > 0 ? 1 : -1;
  if (!Number.isSafeInteger(l) || !Number.isSafeInteger(r)) {
    if (!Number.isInteger(ux) || !Number.isInteger(uy) || !Number.isInteger(vx) || !Number.isInteger(vy)) return Math.sign(d);
    const e = BigInt(ux) * BigInt(vy) - BigInt(uy) * BigInt(vx);
    return e > 0n ? 1 : e < 0n ? -1 : 0;
  }
  return Math.sign(d);
}

/** b differs from a and c, lies on their line, and the path a → b → c turns back at b. */
function backtracks(a: Point64, b: Point64, c: Point64): boolean {
  const ux = b.x - a.x, uy = b.y - a.y, vx = c.x - b.x, vy = c.y - b.y;
  // Opposite directions have a dot product of −|u||v| ≤ −1: far from 0, so a double's sign is right.
  if (ux * vx + uy * vy >= 0) return false;
  return turn(a, b, c) === 0;
}

const same = (p: Point64, q: Point64): boolean => p.x === q.x && p.y === q.y;

/** Whether the closed ring has a repeated vertex or a 180° turn anywhere (the closing edge included). */
export function hasSpike(path: Path64): boolean {
  const n = path.length;
  if (n < 2) return false;
  let a = path[n - 2]!;
  let b = path[n - 1]!;
  for (let i = 0; i < n; i++) {
    const c = path[i]!;
    if (same(b, c) || (n > 2 && backtracks(a, b, c))) return true;
    a = b;
    b = c;
  }
  return false;
}

/**
 * The closed ring (no closing vertex needed; a repeated one is dropped) without repeated vertices
 * and without vertices where it turns back on itself, wrapping around its start. The same array
 * when there is nothing to remove; fewer than 3 vertices when the ring had no area at all.
 */
export function despikePath(path: Path64): Path64 {
  if (!hasSpike(path)) return path;
  const out: Point64[] = [];
  for (const p of path) {
    let top = out[out.length - 1];
    if (top !== undefined && same(top, p)) continue;
    while (out.length >= 2 && backtracks(out[out.length - 2]!, out[out.length - 1]!, p)) {
      out.pop();
      top = out[out.length - 1]!;
      if (same(top, p)) break; // a → b → a: b was the needle's tip, p repeats a
    }
    if (top !== undefined && same(top, p)) continue;
    out.push(p);
  }
  // Where the ring closes: the last vertex against the first ones, until neither side changes.
  let s = 0;
  for (;;) {
    const m = out.length - s;
    if (m < 3) break;
    const first = out[s]!;
    const last = out[out.length - 1]!;
    if (same(last, first) || backtracks(out[out.length - 2]!, last, first)) out.pop();
    else if (backtracks(last, first, out[s + 1]!)) s++;
    else break;
  }
  return s === 0 ? out : out.slice(s);
}

/**
 * Every ring despiked (despikePath); rings left with fewer than 3 vertices (no area) dropped. The
 * same array when no ring changes.
 */
export function despikePaths(paths: Paths64): Paths64 {
  let out: Paths64 | null = null;
  for (let i = 0; i < paths.length; i++) {
    const p = paths[i]!;
    const q = despikePath(p);
    if (q === p && out === null) continue;
    if (out === null) out = paths.slice(0, i);
    if (q === p || q.length >= 3) out.push(q);
  }
  return out ?? paths;
}
