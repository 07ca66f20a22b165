// The coverage layer's data, derived from the engine's result: units carrying their coverage class,
// label points with the percentage, and the counting plans (those of the focused unit flagged).
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { CoverageResult } from '../coverage/types';
import { coverageClass } from '../coverage/classes';
import { labelPoint } from '../geo/label-point';
import type { Polygon, MultiPolygon } from 'geojson';

export interface CoverageLayerInputs {
  units: FeatureCollection;
  plans: FeatureCollection;
  result: CoverageResult;
  focusedUnit: string | null;
  /** Unit id as the engine derived it, for each unit feature (same order as `units`). */
  unitIds: readonly string[];
  planIds: readonly string[];
  /** The percentage as the map labels it, in the UI language ("88,8%" in Vietnamese); default "88.8%". */
  formatPercent?: (coverage: number) => string;
}

/** "88.8%": one decimal, the way the engine rounds. */
export const dotPercent = (coverage: number): string => `${(Math.round(coverage * 1000) / 10).toFixed(1)}%`;

export function coverageLayerData(i: CoverageLayerInputs): FeatureCollection {
  const byId = new Map(i.result.units.map((u) => [u.id, u]));
  const target = i.result.options.target;
  const format = i.formatPercent ?? dotPercent;
  const out: Feature<Geometry>[] = [];
  i.units.features.forEach((f, idx) => {
    const id = i.unitIds[idx]!;
    const row = byId.get(id);
    if (!row || !f.geometry) return;
    const props = {
      id, name: row.name, coverage: row.coverage, coverage_class: coverageClass(row.coverage, target),
      coverage_text: format(row.coverage), meets_target: row.meets_target, slated: row.slated,
    };
    out.push({ type: 'Feature', id, properties: { ...props, kind: 'unit' }, geometry: f.geometry });
    if (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon') {
      const lp = labelPoint(f as Feature<Polygon | MultiPolygon>);
      out.push({ type: 'Feature', properties: { ...props, id: `${id}--label`, kind: 'label' }, geometry: lp.geometry });
    }
  });
  const counting = new Set(i.result.units.flatMap((u) => u.plan_ids));
  const focused = new Set(i.focusedUnit ? byId.get(i.focusedUnit)?.plan_ids ?? [] : []);
  i.plans.features.forEach((f, idx) => {
    const id = i.planIds[idx]!;
    if (!counting.has(id) || !f.geometry) return;
    out.push({ type: 'Feature', properties: { id: `plan:${id}`, plan_id: id, kind: 'plan', focused: focused.has(id) }, geometry: f.geometry });
  });
  return { type: 'FeatureCollection', features: out };
}
