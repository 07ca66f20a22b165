// Slow, exact reference: per unit, Turf union of every counting plan whose bbox meets it, then
// Turf intersect with the unit, area with GeographicLib. Used by tests and the bench baseline;
// it does no repair (Turf may throw on bad input, which is the point of having the engine).
import { bbox as turfBbox, featureCollection, intersect, union } from '@turf/turf';
import type { Feature } from 'geojson';
import { geometryArea } from '../geo/area';
import type { Polygonal } from '../geo/types';
import { attributeExclusion, normalizeOptions, planLevel, planStatus } from './plan-filter';
import { computeTotals, meetsTarget, ratio } from './totals';
import { isSlated, planId, unitId, unitName } from './unit-id';
import type { CoverageOptions, CoverageResult, ExcludedPlan, InputFeature, UnitCoverage } from './types';

type Poly = Feature<Polygonal>;

function isPoly(f: InputFeature): f is Poly {
  return !!f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon');
}

function overlaps(a: number[], b: number[]): boolean {
  return a[0]! <= b[2]! && b[0]! <= a[2]! && a[1]! <= b[3]! && b[1]! <= a[3]!;
}

export function naiveCoverage(
  units: readonly InputFeature[],
  plans: readonly InputFeature[],
  options?: Partial<CoverageOptions>,
  { planIds = false }: { planIds?: boolean } = {},
): CoverageResult {
  const opts = normalizeOptions(options);
  const counting: { id: string; f: Poly; bbox: number[] }[] = [];
  const excluded: ExcludedPlan[] = [];
  plans.forEach((f, i) => {
    const id = planId(f, i);
    if (!isPoly(f)) return void excluded.push({ id, reason: 'not_polygon' });
    const reason = attributeExclusion(planLevel(f), planStatus(f), opts);
    if (reason) return void excluded.push({ id, reason });
    counting.push({ id, f, bbox: turfBbox(f) });
  });
  const rows: UnitCoverage[] = units.map((u, i) => {
    const area = isPoly(u) ? geometryArea(u.geometry) : 0;
    let covered = 0;
    const ids: string[] = [];
    if (isPoly(u)) {
      const ub = turfBbox(u);
      const near = counting.filter((p) => overlaps(p.bbox, ub));
      if (near.length > 0) {
        const merged = near.length === 1 ? near[0]!.f : union(featureCollection(near.map((p) => p.f)));
        const inter = merged ? intersect(featureCollection([u, merged])) : null;
        covered = geometryArea(inter?.geometry);
        if (planIds) {
          for (const p of near) if (geometryArea(intersect(featureCollection([u, p.f]))?.geometry) > 0) ids.push(p.id);
        }
      }
    }
    const coverage = ratio(covered, area);
    return {
      id: unitId(u, i),
      name: unitName(u),
      slated: isSlated(u),
      area_m2: area,
      covered_m2: covered,
      coverage,
      meets_target: meetsTarget(coverage, opts.target),
      plan_ids: ids,
    };
  });
  return { units: rows, totals: computeTotals(rows), options: opts, plans: { counted: counting.length, excluded }, problems: [], as_of: null };
}
