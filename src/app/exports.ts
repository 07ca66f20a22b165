// Files the user takes away: a layer as GeoJSON (an imported large layer as its own Blob) and the
// coverage table as CSV, stamped with the register and options it was computed on.
import type { Accessor } from 'solid-js';
import type { Datasets } from '../data/load';
import type { UnitCoverage } from '../coverage/types';
import { coverageToCsv } from '../coverage/csv';
import { lang } from '../i18n';
import { downloadBlob, downloadText } from '../ui/download';
import { csvFileName } from './coverage-view';
import type { Coverage } from './coverage';
import type { ImportedLayers } from './imported-layers';

export function createExports(d: { imported: ImportedLayers; datasets: Accessor<Datasets>; coverage: Coverage; registers: Accessor<string[]>; demo: Accessor<boolean> }) {
  return {
    layer(id: string) {
      const file = d.imported.exportFile(id);
      if (file) return downloadBlob(file.name, file.blob);
      const fc = d.datasets().get(id);
      if (fc) downloadText(`${id}.geojson`, JSON.stringify(fc), 'application/geo+json');
    },
    csv(rows: UnitCoverage[]) {
      const r = d.coverage.result();
      if (r) downloadText(csvFileName(new Date()), coverageToCsv({ ...r, units: rows }, { lang: lang(), registers: d.registers(), demo: !d.coverage.external() && d.demo() }), 'text/csv;charset=utf-8');
    },
  };
}
