// Compact storage for the engine's per-cell pieces and unions (issue 15). Clipper's Path64 is an
// array of {x, y} objects, ~28 bytes a vertex on the JS heap; a packed geometry is one Int32Array
// (x, y interleaved, 8 bytes a vertex) plus the ring ends. At 100,000 plans
// the pieces hold ~15 M vertices: ~120 MB packed instead of ~420 MB of objects (and far less for the
// garbage collector to trace). Paths are unpacked only for the duration of a Clipper operation.
// Coordinates fit in 32 bits: the frame keeps them within ±2^30 (frame.ts).
import type { Path64, Paths64 } from '@countertype/clipper2-ts';

export interface Packed {
  /** x0, y0, x1, y1, … for all rings one after the other */
  xy: Int32Array;
  /** ends[i]: index (in vertices) one past ring i's last vertex (a small JS array: cheaper than a typed one) */
  ends: readonly number[];
}

export function pack(paths: Paths64): Packed {
  let n = 0;
  for (const p of paths) n += p.length;
  const xy = new Int32Array(2 * n);
  const ends: number[] = new Array(paths.length);
  let k = 0;
  paths.forEach((p, i) => {
    for (const q of p) {
      xy[k++] = q.x;
      xy[k++] = q.y;
    }
    ends[i] = k >> 1;
  });
  return { xy, ends };
}

export function unpack(p: Packed, out: Paths64 = []): Paths64 {
  const { xy, ends } = p;
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i]!;
    const path: Path64 = new Array(end - start);
    for (let v = start, j = 0; v < end; v++, j++) path[j] = { x: xy[2 * v]!, y: xy[2 * v + 1]! };
    out.push(path);
    start = end;
  }
  return out;
}

export function packedVertices(p: Packed): number {
  return p.xy.length >> 1;
}

/**
 * One growable Int32Array holding many packed geometries (a cell's pieces), so a piece costs no
 * typed-array objects of its own (~180 bytes each in V8) and the garbage collector sees one buffer
 * per cell instead of one per piece. Layout at `off`: vertex count, ring count, bbox (minX, minY,
 * maxX, maxY), the ring ends, then x, y for every vertex. Removed geometries leave garbage that
 * `compact` squeezes out (the engine calls it when half the buffer is garbage).
 */
export class Arena {
  buf = new Int32Array(64);
  used = 0;
  garbage = 0;

  add(p: Packed, minX: number, minY: number, maxX: number, maxY: number): number {
    const nv = p.xy.length >> 1;
    const nr = p.ends.length;
    const need = 6 + nr + 2 * nv;
    if (this.used + need > this.buf.length) {
      // 1.5×: a bulk load leaves at most a third unused (copying stays amortised O(1)).
      const bigger = new Int32Array(Math.max(Math.ceil(1.5 * this.buf.length), this.used + need));
      bigger.set(this.buf.subarray(0, this.used));
      this.buf = bigger;
    }
    const b = this.buf;
    const off = this.used;
    b[off] = nv;
    b[off + 1] = nr;
    b[off + 2] = minX;
    b[off + 3] = minY;
    b[off + 4] = maxX;
    b[off + 5] = maxY;
    for (let r = 0; r < nr; r++) b[off + 6 + r] = p.ends[r]!;
    b.set(p.xy, off + 6 + nr);
    this.used += need;
    return off;
  }

  size(off: number): number {
    return 6 + this.buf[off + 1]! + 2 * this.buf[off]!;
  }

  free(off: number): void {
    this.garbage += this.size(off);
  }

  /** bbox centre ×2 (integers) */
  centre2X(off: number): number {
    return this.buf[off + 2]! + this.buf[off + 4]!;
  }

  centre2Y(off: number): number {
    return this.buf[off + 3]! + this.buf[off + 5]!;
  }

  /** The geometry's bbox meets the box (edges touching count). */
  meets(off: number, minX: number, minY: number, maxX: number, maxY: number): boolean {
    const b = this.buf;
    return b[off + 2]! <= maxX && b[off + 4]! >= minX && b[off + 3]! <= maxY && b[off + 5]! >= minY;
  }

  unpack(off: number, out: Paths64 = []): Paths64 {
    const b = this.buf;
    const nr = b[off + 1]!;
    const base = off + 6 + nr;
    let start = 0;
    for (let r = 0; r < nr; r++) {
      const end = b[off + 6 + r]!;
      const path: Path64 = new Array(end - start);
      for (let v = start, j = 0; v < end; v++, j++) path[j] = { x: b[base + 2 * v]!, y: b[base + 2 * v + 1]! };
      out.push(path);
      start = end;
    }
    return out;
  }

  extract(off: number): Packed {
    const b = this.buf;
    const nv = b[off]!;
    const nr = b[off + 1]!;
    const ends: number[] = [];
    for (let r = 0; r < nr; r++) ends.push(b[off + 6 + r]!);
    return { xy: b.slice(off + 6 + nr, off + 6 + nr + 2 * nv), ends };
  }

  /** Moves the live geometries (whose `off` is updated in place) to a new, tight buffer. */
  compact(live: Iterable<{ off: number }>): void {
    let total = 0;
    const items: { off: number }[] = [];
    for (const it of live) {
      items.push(it);
      total += this.size(it.off);
    }
    const next = new Int32Array(Math.max(64, Math.ceil(total * 1.25)));
    let k = 0;
    for (const it of items) {
      const n = this.size(it.off);
      next.set(this.buf.subarray(it.off, it.off + n), k);
      it.off = k;
      k += n;
    }
    this.buf = next;
    this.used = k;
    this.garbage = 0;
  }
}
