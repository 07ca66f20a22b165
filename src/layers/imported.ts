// Catalog entries for layers the user imported: built at run time from the import's metadata, in
// the same shape as the bundled entries, so the legend, map, info and search treat them alike.
import type { LayerEntry, Provenance, FieldSpec } from './types';
import type { ImportRole } from '../import/types';
import { isLine, isPoint, isPolygon, LABEL_FONT } from './entries/shared';
import { palette } from './palette';
import { planFields } from './entries/planning';

export interface ImportedMeta {
  id: string;
  name: string;
  role: ImportRole;
  color: string;
  fileName: string;
  provenance: Provenance;
  createdAt: string;
  /** Number of features, and whether they live in a Blob (large imports) rather than in memory. */
  featureCount: number;
  large: boolean;
}

/** Colours offered for imported layers, in turn (distinct from the bundled layers' hues). */
export const IMPORT_COLORS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9'];

const ROLE_TITLE = {
  plans: { vi: 'Sổ quy hoạch', en: 'Plan register' },
  units: { vi: 'Ranh giới đơn vị', en: 'Unit boundaries' },
  overlay: { vi: 'Lớp tham khảo', en: 'Overlay' },
} as const;

export function importedEntry(m: ImportedMeta, sampleKeys: readonly string[]): LayerEntry {
  const fillOpacity = m.role === 'units' ? 0.05 : 0.3;
  const fields: FieldSpec[] =
    m.role === 'plans' ? planFields : sampleKeys.filter((k) => k !== 'id').slice(0, 12).map((k) => ({ key: k, label: { vi: k, en: k } }));
  return {
    id: m.id,
    group: 'imported',
    title: { vi: `${m.name} (${ROLE_TITLE[m.role].vi})`, en: `${m.name} (${ROLE_TITLE[m.role].en})` },
    data: null,
    provenance: m.provenance,
    provenanceNote: {
      vi: `Nạp từ tệp ${m.fileName} (${m.createdAt.slice(0, 10)}), ${m.featureCount} đối tượng.`,
      en: `Imported from ${m.fileName} (${m.createdAt.slice(0, 10)}), ${m.featureCount} features.`,
    },
    // Large layers come as vector tiles cut off the page's thread (see src/data/tile-worker.ts).
    vectorTiles: m.large,
    visible: true,
    // Label points need every feature in memory; large layers go without unit labels.
    labelPoints: m.role === 'units' && !m.large,
    interactive: [`${m.id}-fill`, `${m.id}-line`, `${m.id}-point`],
    fields,
    layers: [
      { id: `${m.id}-fill`, type: 'fill', filter: isPolygon, paint: { 'fill-color': m.color, 'fill-opacity': fillOpacity } },
      {
        id: `${m.id}-line`, type: 'line', filter: ['any', isPolygon, isLine],
        paint: { 'line-color': m.color, 'line-width': m.role === 'units' ? 2.5 : 1.8, ...(m.role === 'units' ? { 'line-dasharray': [3, 2] } : {}) },
      },
      { id: `${m.id}-point`, type: 'circle', filter: isPoint, paint: { 'circle-radius': 6, 'circle-color': m.color, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1.5 } },
      ...(m.role === 'units' && !m.large
        ? [{
            id: `${m.id}-label`, type: 'symbol' as const, fromLabelPoints: true,
            layout: { 'text-field': ['to-string', ['get', 'name']] as never, 'text-font': LABEL_FONT, 'text-size': 12 },
            paint: { 'text-color': m.color, 'text-halo-color': palette.labelHalo, 'text-halo-width': 1.5 },
          }]
        : []),
    ],
    // The swatch is drawn as the map draws the layer: same colour, same fill opacity.
    legend: [{ label: { vi: ROLE_TITLE[m.role].vi, en: ROLE_TITLE[m.role].en }, swatch: { kind: 'fill', color: m.color, outline: m.color, opacity: fillOpacity } }],
  };
}
