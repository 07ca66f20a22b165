// Issue 14: legends show what is drawn — entries under the opaque coverage map are left out, and
// the coverage legend lists only the classes the units have (with the grey of units the target
// does not apply to).
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { catalog, entryById } from '../../src/layers/catalog';
import { coveredIds, legendContext, legendItems } from '../../src/layers/legend';
import { computeCoverage } from '../../src/coverage';
import { coverageRamp, coverageOther } from '../../src/layers/palette';
import { scaleTextSize } from '../../src/map/style';

const units = JSON.parse(readFileSync('geodata/units-2021.geojson', 'utf8')) as FeatureCollection;
const plans = JSON.parse(readFileSync('geodata/plans-demo.geojson', 'utf8')) as FeatureCollection;

describe('legends of what is drawn', () => {
  it('the coverage map hides what is drawn before it; nothing is hidden without it', () => {
    const on = new Set(['units-2021', 'district', 'industry', 'tourism', 'coverage']);
    const hidden = coveredIds(catalog, (e) => on.has(e.id));
    expect([...hidden].sort()).toEqual(['district', 'industry', 'units-2021']);
    expect(coveredIds(catalog, (e) => on.has(e.id) && e.id !== 'coverage').size).toBe(0);
  });

  it('the coverage legend lists the classes drawn and the grey of units the target does not apply to', () => {
    const result = computeCoverage(units.features, plans.features, {});
    const ctx = legendContext(0.8, result);
    const items = legendItems(entryById('coverage')!, ctx);
    const colours = items.map((i) => i.swatch.color);
    for (const c of ctx.coverage!.classes) expect(colours).toContain(coverageRamp[c]);
    for (let c = 0; c < 5; c++) if (!ctx.coverage!.classes.includes(c)) expect(colours).not.toContain(coverageRamp[c]);
    expect(colours).toContain(coverageOther);
    // No result yet: every class.
    expect(legendItems(entryById('coverage')!, { target: 0.8 }).filter((i) => coverageRamp.includes(i.swatch.color as never))).toHaveLength(5);
    // Percentages in each language's decimal format.
    const third = legendItems(entryById('coverage')!, { target: 0.7 });
    expect(third.some((i) => i.label.vi.includes('17,5%'))).toBe(true);
    expect(third.some((i) => i.label.en.includes('17.5%'))).toBe(true);
  });

  it('label sizes scale stop by stop on zoom curves', () => {
    expect(scaleTextSize(12, 1.5)).toBe(18);
    expect(scaleTextSize(['interpolate', ['linear'], ['zoom'], 10, 11, 13, 15], 2)).toEqual(['interpolate', ['linear'], ['zoom'], 10, 22, 13, 30]);
    expect(scaleTextSize(['step', ['zoom'], 10, 12, 14], 2)).toEqual(['step', ['zoom'], 20, 12, 28]);
    expect(scaleTextSize(['get', 'size'], 2)).toEqual(['*', ['get', 'size'], 2]);
  });
});
