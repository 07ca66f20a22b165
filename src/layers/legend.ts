// What a legend shows, decided from the entries drawn (shared by the side panel, presenter mode and
// map images): entries hidden under an opaque entry drawn above them (the coverage map) are left
// out, and the coverage map's legend lists only the classes it draws now.
import type { LayerEntry, LegendContext, LegendItem } from './types';
import type { CoverageResult } from '../coverage/types';
import { coverageClass } from '../coverage/classes';

/**
 * Ids of the shown entries that an opaque entry drawn above them hides (`coversBelow`). `entries`
 * are in drawing order, bottom first (the catalog, then imported layers).
 */
export function coveredIds(entries: readonly LayerEntry[], shown: (e: LayerEntry) => boolean): Set<string> {
  let top = -1;
  entries.forEach((e, i) => {
    if (e.coversBelow && shown(e)) top = i;
  });
  return new Set(entries.slice(0, Math.max(0, top)).filter(shown).map((e) => e.id));
}

/** The legend context for a coverage result (null: no result yet, every class listed). */
export function legendContext(target: number, result: CoverageResult | null): LegendContext {
  if (!result) return { target };
  const t = result.options.target;
  const classes = [...new Set(result.units.filter((u) => u.slated).map((u) => coverageClass(u.coverage, t)))].sort();
  return { target, coverage: { classes, others: result.units.some((u) => !u.slated) } };
}

export function legendItems(entry: LayerEntry, ctx: LegendContext): LegendItem[] {
  return typeof entry.legend === 'function' ? entry.legend(ctx) : entry.legend;
}
