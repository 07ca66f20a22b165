// What the coverage view shows besides the engine's numbers: the coverage map's data for the
// current result and the names of the registers it was computed on.
import { createMemo, type Accessor } from 'solid-js';
import type { Feature, FeatureCollection } from 'geojson';
import type { Datasets } from '../data/load';
import { coverageLayerData } from '../layers/coverage-data';
import { unitId, planId } from '../coverage/unit-id';
import type { CoverageOptions, CoverageResult } from '../coverage/types';
import type { ImportedLayer, ImportedLayers } from './imported-layers';
import { fmt, t } from '../i18n';
import type { Coverage } from './coverage';
import { createPlanSet } from './plan-set';
import { meetsTarget } from '../coverage/totals';

/** The map's percentage labels in the UI language, as the coverage table writes them ("88,8%" / "88.8%"). */
export const mapPercent = (coverage: number): string => `${fmt(coverage * 100, 1)}%`;

export function coverageMapData(
  units: FeatureCollection | undefined,
  plans: FeatureCollection,
  result: CoverageResult | null,
  focusedUnit: string | null,
  /** Reads the UI language (through `fmt`): called in a reactive scope, the labels follow it. */
  formatPercent: (coverage: number) => string = mapPercent,
): FeatureCollection | null {
  if (!units || !result) return null;
  return coverageLayerData({
    units,
    plans,
    result,
    focusedUnit,
    formatPercent,
    unitIds: units.features.map((f, i) => unitId(f, i)),
    planIds: plans.features.map((f, i) => planId(f, i)),
  });
}

/** The registers counted: the demonstration one while switched on, then each imported register, then the user's proposals. */
export function registerNames(useDemo: boolean, layers: readonly ImportedLayer[], demoName: string, proposalsName: string | null = null): string[] {
  return [...(useDemo ? [demoName] : []), ...layers.filter((l) => l.meta.role === 'plans').map((l) => l.meta.name), ...(proposalsName ? [proposalsName] : [])];
}

/**
 * What coverage is computed on: imported unit boundaries replace the bundled ones; the
 * demonstration register counts while it is switched on, with every imported register and the
 * user's proposals — one list with an id per plan (plan-set.ts), shared by the engine and the map.
 */
export function coverageInputs(datasets: Accessor<Datasets>, imported: ImportedLayers, useDemo: Accessor<boolean>, proposalPlans: Accessor<readonly Feature[]> = () => []) {
  const units = createMemo(() => imported.unitsLayer()?.collection ?? datasets().get('units-2021'));
  const planSet = createPlanSet();
  const plans = createMemo(
    (): FeatureCollection => ({
      type: 'FeatureCollection',
      features: planSet([
        { key: 'plans-demo', features: useDemo() ? (datasets().get('plans-demo')?.features ?? []) : [] },
        ...imported.layers().filter((l) => l.meta.role === 'plans' && !l.meta.large).map((l) => ({ key: l.meta.id, features: l.collection.features })),
        { key: 'proposals', features: proposalPlans() },
      ]),
    }),
    undefined,
    // The same plans (a large layer became ready, say): nothing downstream recomputes.
    { equals: (a, b) => a.features.length === b.features.length && a.features.every((f, i) => f === b.features[i]) },
  );
  return { units, plans };
}

/** Store values are proxies, which postMessage cannot clone: the worker gets plain copies. */
export function plainOptions(o: CoverageOptions): CoverageOptions {
  return {
    levels: [...o.levels], statuses: [...o.statuses], target: o.target,
    ...(o.asOf !== undefined ? { asOf: o.asOf } : {}),
    ...(o.proposals !== undefined ? { proposals: o.proposals } : {}),
  };
}

/** A unit whose coverage the counting proposals change: without them and with them. */
export interface ProposalEffect {
  id: string;
  name: string;
  base: number;
  coverage: number;
  baseMeets: boolean;
  meets: boolean;
}

/** The units counting proposals touch (the engine gives them a `base_coverage`), in the result's order. */
export function proposalEffects(result: CoverageResult | null): ProposalEffect[] {
  if (!result) return [];
  const target = result.options.target;
  return result.units
    .filter((u) => u.base_coverage !== undefined)
    .map((u) => ({ id: u.id, name: u.name, base: u.base_coverage!, coverage: u.coverage, baseMeets: meetsTarget(u.base_coverage!, target), meets: u.meets_target }));
}

/** viet-yen-coverage-2026-12-02.csv */
export function csvFileName(date: Date): string {
  return `viet-yen-coverage-${date.toISOString().slice(0, 10)}.csv`;
}

/** Unit boundaries the app holds: imported layers (newest first) and the bundled units. */
export interface UnitsCandidate {
  name: string;
  collection: FeatureCollection;
}

/**
 * For a result computed elsewhere (a province's, from PostGIS): the boundaries whose unit ids —
 * derived as the engine derives them (code, id, feature id, index) — match most of the result's
 * units, so its choropleth can be drawn from the result's unit ids alone. An imported units layer
 * is preferred on a tie; null when no candidate shares a single id with the result.
 */
export function unitsForResult(result: CoverageResult, candidates: readonly UnitsCandidate[]): (UnitsCandidate & { matched: number }) | null {
  const wanted = new Set(result.units.map((u) => u.id));
  let best: (UnitsCandidate & { matched: number }) | null = null;
  for (const c of candidates) {
    const ids = new Set(c.collection.features.map((f, i) => unitId(f, i)));
    let matched = 0;
    for (const id of ids) if (wanted.has(id)) matched++;
    if (matched > 0 && (best === null || matched > best.matched)) best = { ...c, matched };
  }
  return best;
}

export interface ExternalViewDeps {
  coverage: Coverage;
  imported: ImportedLayers;
  datasets: Accessor<Datasets>;
  /** The units the live engine computes on. */
  units: Accessor<FeatureCollection | undefined>;
  useDemo: Accessor<boolean>;
  /** How many proposals the user drew (named among the registers while there are any). */
  proposals?: Accessor<number>;
}

/**
 * The coverage view when a result computed elsewhere (PostGIS, a province: src/db) is open: it is
 * drawn on the boundaries that carry its unit ids — an imported units layer, any other imported
 * layer, or the bundled units — and the registers named are its file's.
 */
export function createCoverageView(d: ExternalViewDeps) {
  const resultUnits = createMemo(() => {
    const ext = d.coverage.external();
    if (!ext) return null;
    const own = [...d.imported.layers()].reverse().filter((l) => l.meta.role !== 'plans').sort((a, b) => Number(b.meta.role === 'units') - Number(a.meta.role === 'units'));
    const bundled = d.datasets().get('units-2021');
    return unitsForResult(ext.result, [...own.map((l) => ({ name: l.meta.name, collection: l.collection })), ...(bundled ? [{ name: t('bundledUnits'), collection: bundled }] : [])]);
  });
  const mapUnits = () => (d.coverage.external() ? (resultUnits()?.collection ?? d.units()) : d.units());
  const externalView = () => {
    const ext = d.coverage.external();
    const u = resultUnits();
    return ext ? { fileName: ext.fileName, unitsName: u?.name ?? null, matched: u?.matched ?? 0, total: ext.result.units.length } : null;
  };
  const registers = createMemo(() => (d.coverage.external() ? [d.coverage.external()!.fileName] : registerNames(d.useDemo(), d.imported.layers(), t('demoRegisterName'), d.proposals?.() ? t('proposalsRegisterName', { n: d.proposals() }) : null)));
  return { mapUnits, externalView, registers };
}
