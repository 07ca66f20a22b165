// The Clipper2 boolean operations the project uses, each path despiked first (despike.ts):
// clipper2-ts 1.5.4 exhausts the heap on a ring whose horizontal edges turn back on themselves
// (upstream countertype/clipper2-ts#36). Every union, difference and intersection in src/ goes
// through here (tests/unit/geo/despike.test.ts checks it), so no input geometry and no
// intermediate result — Clipper's own output, a cut piece — reaches Clipper with a spike.
// Despiking never changes a result's area; a spike-free input is passed on without a copy.
import { Clipper, type FillRule, type Paths64 } from '@countertype/clipper2-ts';
import { despikePaths } from './despike.ts';

export function union(subject: Paths64, fillRule: FillRule): Paths64 {
  return Clipper.union(despikePaths(subject), fillRule);
}

export function difference(subject: Paths64, clip: Paths64, fillRule: FillRule): Paths64 {
  return Clipper.difference(despikePaths(subject), despikePaths(clip), fillRule);
}

export function intersect(subject: Paths64, clip: Paths64, fillRule: FillRule): Paths64 {
  return Clipper.intersect(despikePaths(subject), despikePaths(clip), fillRule);
}
