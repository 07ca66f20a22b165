// The Resolution view's inputs: the resolution file (fetched the first time something shows it),
// the detailed-plan target's live value from the coverage engine, which units became wards, and the
// unit features a chosen milestone highlights on the map.
import { createMemo, createResource, type Accessor } from 'solid-js';
import type { Feature } from 'geojson';
import { loadResolution } from '../data/resolution';
import type { Datasets } from '../data/load';
import type { CoverageResult } from '../coverage/types';
import type { LiveCoverage } from '../ui/resolution/TargetsTable';

export interface ResolutionDeps {
  /** True once something needs the file (the tab opened, presenter mode started). */
  wanted: Accessor<boolean>;
  datasets: Accessor<Datasets>;
  coverage: Accessor<CoverageResult | null>;
  /** Names of the registers coverage is computed on, and whether the demonstration one counts. */
  registers: Accessor<string[]>;
  demo: Accessor<boolean>;
  noRegister: Accessor<string>;
  milestone: Accessor<string | null>;
}

export function createResolution(d: ResolutionDeps) {
  const [data] = createResource(() => d.wanted() || undefined, () => loadResolution());
  const error = () => (data.error ? String((data.error as Error).message ?? data.error) : null);

  const live = createMemo((): LiveCoverage | null => {
    const r = d.coverage();
    if (!r) return null;
    const s = r.totals.slated;
    return {
      percent: s.coverage * 100,
      unitsMeeting: s.units_meeting_target,
      units: s.units,
      targetPercent: r.options.target * 100,
      register: d.registers().length ? d.registers().join(', ') : d.noRegister(),
      demo: d.demo(),
    };
  });

  const units = () => d.datasets().get('units-2021')?.features ?? [];
  const wards = createMemo(() => new Set(units().filter((f) => f.properties?.['type_2024'] === 'Phường').map((f) => String(f.properties?.['id']))));

  const highlighted = createMemo((): Feature[] => {
    const id = d.milestone();
    const m = id ? data()?.milestones.find((x) => x.id === id) : undefined;
    if (!m) return [];
    const ids = new Set(m.units);
    return units().filter((f) => ids.has(String(f.properties?.['id'])));
  });

  return { data: () => data(), error, live, wards, highlighted };
}
