// What the coverage view shows besides the engine's numbers: the coverage map's data for the
// current result and the names of the registers it was computed on.
import { createMemo, type Accessor } from 'solid-js';
import type { FeatureCollection } from 'geojson';
import type { Datasets } from '../data/load';
import { coverageLayerData } from '../layers/coverage-data';
import { unitId, planId } from '../coverage/unit-id';
import type { CoverageOptions, CoverageResult } from '../coverage/types';
import type { ImportedLayer, ImportedLayers } from './imported-layers';

export function coverageMapData(
  units: FeatureCollection | undefined,
  plans: FeatureCollection,
  result: CoverageResult | null,
  focusedUnit: string | null,
): FeatureCollection | null {
  if (!units || !result) return null;
  return coverageLayerData({
    units,
    plans,
    result,
    focusedUnit,
    unitIds: units.features.map((f, i) => unitId(f, i)),
    planIds: plans.features.map((f, i) => planId(f, i)),
  });
}

/** The registers counted: the demonstration one while switched on, then each imported register. */
export function registerNames(useDemo: boolean, layers: readonly ImportedLayer[], demoName: string): string[] {
  return [...(useDemo ? [demoName] : []), ...layers.filter((l) => l.meta.role === 'plans').map((l) => l.meta.name)];
}

/**
 * What coverage is computed on: imported unit boundaries replace the bundled ones; the
 * demonstration register counts while it is switched on, with every imported register.
 */
export function coverageInputs(datasets: Accessor<Datasets>, imported: ImportedLayers, useDemo: Accessor<boolean>) {
  const units = createMemo(() => imported.unitsLayer()?.collection ?? datasets().get('units-2021'));
  const plans = createMemo((): FeatureCollection => ({
    type: 'FeatureCollection',
    features: [...(useDemo() ? (datasets().get('plans-demo')?.features ?? []) : []), ...imported.planFeatures()],
  }));
  return { units, plans };
}

/** Store values are proxies, which postMessage cannot clone: the worker gets plain copies. */
export function plainOptions(o: CoverageOptions): CoverageOptions {
  return { levels: [...o.levels], statuses: [...o.statuses], target: o.target };
}

/** viet-yen-coverage-2026-12-02.csv */
export function csvFileName(date: Date): string {
  return `viet-yen-coverage-${date.toISOString().slice(0, 10)}.csv`;
}
