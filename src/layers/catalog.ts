// The layer catalog: what layers exist and how they look, in drawing order (bottom first).
// Map style, legend, layer panel, feature info and search are all generated from it.
import type { LayerEntry } from './types';
import { adminEntries } from './entries/admin';
import { industryEntries } from './entries/industry';
import { infrastructureEntries } from './entries/infrastructure';
import { tourismEntries } from './entries/tourism';
import { planningEntries } from './entries/planning';
import { proposalEntries } from './entries/proposals';

export { LABEL_FONT } from './entries/shared';

export const catalog: LayerEntry[] = [
  ...adminEntries,
  ...industryEntries,
  ...planningEntries,
  ...infrastructureEntries,
  ...tourismEntries,
  // Over everything, the coverage map included: a proposal is looked at against coverage.
  ...proposalEntries,
];

export function entryById(id: string): LayerEntry | undefined {
  return catalog.find((e) => e.id === id);
}
