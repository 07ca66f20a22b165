// Which honesty marks a view needs, decided from the catalog entries it draws (not from a list of
// ids): "demonstration data — not real figures" where a demonstration layer is drawn (the bundled
// plan register, an import marked as demonstration, or a layer derived from the register in use
// while the demonstration register counts), and "commune boundaries are schematic" where the
// schematic 2021 unit boundaries are drawn (a non-official admin layer, or coverage on the bundled
// units). Pure: presenter mode, map images and their tests share it.
import { inPeriod, type LayerEntry, type Period } from './types';

export type DataMark = 'demonstration' | 'schematic';
export const DATA_MARKS: readonly DataMark[] = ['demonstration', 'schematic'];

/** Colours of the marks (presenter mode, map images): the app's demonstration / indicative badge colours, solid. */
export const MARK_COLORS: Record<DataMark, { fill: string; ink: string }> = {
  demonstration: { fill: '#7a1538', ink: '#ffffff' },
  schematic: { fill: '#fff0c2', ink: '#5c3d00' },
};

export interface MarkContext {
  /** Ids of the layers drawn. */
  layers: readonly string[];
  period: Period;
  /** Whether the demonstration register counts for layers derived from the register (coverage). */
  demoRegisterCounts: boolean;
  /** Whether derived unit layers (coverage) are drawn on the bundled, schematic units (default true). */
  bundledUnits?: boolean;
}

/** A layer the app derives at run time from the plan register and the units (coverage). */
const derived = (e: LayerEntry) => e.data === null && e.group !== 'imported';

export function dataMarks(entries: readonly LayerEntry[], c: MarkContext): DataMark[] {
  const shown = entries.filter((e) => c.layers.includes(e.id) && inPeriod(e, c.period));
  const demo = shown.some((e) => e.provenance === 'demonstration' && (!derived(e) || c.demoRegisterCounts));
  const schematic = shown.some(
    (e) => (e.group === 'admin' && e.provenance !== 'official') || (derived(e) && e.group !== 'admin' && (c.bundledUnits ?? true)),
  );
  return DATA_MARKS.filter((m) => (m === 'demonstration' ? demo : schematic));
}
