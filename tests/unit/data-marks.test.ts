// Issue 11: which honesty marks a view carries, decided from the catalog entries it draws.
import { describe, it, expect } from 'vitest';
import { catalog } from '../../src/layers/catalog';
import { dataMarks } from '../../src/layers/data-marks';
import { importedEntry } from '../../src/layers/imported';

describe('dataMarks', () => {
  const marks = (layers: string[], period: '2021' | '2024' | '2025' = '2021', demoRegisterCounts = true, entries = catalog) =>
    dataMarks(entries, { layers, period, demoRegisterCounts });

  it('the default 2021 view draws the schematic units, no demonstration data', () => {
    expect(marks(catalog.filter((e) => e.visible).map((e) => e.id))).toEqual(['schematic']);
  });
  it('the demonstration plan register is demonstration data', () => {
    expect(marks(['plans-demo', 'district'])).toEqual(['demonstration']);
  });
  it('coverage is demonstration data while the demonstration register counts, and drawn on the schematic units', () => {
    expect(marks(['coverage', 'district'], '2021', true)).toEqual(['demonstration', 'schematic']);
    expect(marks(['coverage', 'district'], '2021', false)).toEqual(['schematic']);
    expect(dataMarks(catalog, { layers: ['coverage'], period: '2021', demoRegisterCounts: false, bundledUnits: false })).toEqual([]);
  });
  it('official layers alone need no mark; a layer outside its period is not drawn', () => {
    expect(marks(['wards-2025-areas', 'district'], '2025')).toEqual([]);
    expect(marks(['units-2021', 'district'], '2025')).toEqual([]);
    expect(marks(['units-absorbed'], '2025')).toEqual(['schematic']);
    expect(marks(['units-2024'], '2024')).toEqual(['schematic']);
  });
  it('an import the planner marked as demonstration data is marked too', () => {
    const imp = importedEntry({ id: 'import-1', name: 'thử', role: 'plans', color: '#0072b2', fileName: 'thu.geojson', provenance: 'demonstration', createdAt: '2026-01-01T00:00:00Z', featureCount: 1, large: false }, []);
    expect(marks(['import-1'], '2021', false, [...catalog, imp])).toEqual(['demonstration']);
    const real = { ...imp, id: 'import-2', provenance: 'official' as const };
    expect(marks(['import-2'], '2021', false, [...catalog, real])).toEqual([]);
  });
});
