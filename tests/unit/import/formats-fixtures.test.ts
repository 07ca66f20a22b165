// The DXF and GeoPackage readers on small inputs, Turf style: every file of fixtures/import/formats/in/
// is read in its own coordinates and compared with formats/out/<name>.json (features, coordinates
// rounded to 1e-6, and the reader's remarks). `REGEN=1` rewrites the expected outputs — review the
// diff before committing. The inputs are described in fixtures/import/README.md.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDxfBytes } from '../../../src/import/dxf.ts';
import { parseGeoPackage } from '../../../src/import/gpkg.ts';
import { loadSqliteNode } from '../../../src/import/sqlite-node.ts';
import { FIXTURES } from './helpers.ts';

const IN = `${FIXTURES}formats/in/`;
const OUT = `${FIXTURES}formats/out/`;
const inputs = readdirSync(IN).filter((f) => /\.(dxf|gpkg)$/.test(f)).sort();
const sqlite = await loadSqliteNode();

function round(v: unknown): unknown {
  if (typeof v === 'number') return Math.round(v * 1e6) / 1e6;
  if (Array.isArray(v)) return v.map(round);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'coordinates' ? round(x) : x]));
  return v;
}

function read(file: string): unknown {
  const bytes = readFileSync(IN + file);
  if (file.endsWith('.dxf')) {
    const r = parseDxfBytes(file, bytes);
    if (!r.ok) return { error: r.error };
    return { messages: r.value.messages.map((m) => m.text), warnings: r.value.warnings, encoding: r.value.encoding, features: r.value.collection.features.map(round) };
  }
  const r = parseGeoPackage(file, bytes, sqlite);
  if (!r.ok) return { error: r.error };
  const g = r.value;
  return { tables: g.tables, table: g.table, declared: g.declared, messages: g.messages.map((m) => m.text), warnings: g.warnings, features: g.collection.features.map(round) };
}

describe('DXF and GeoPackage readers (fixtures/import/formats: in → out)', () => {
  it('has inputs, each with its expected output', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(7);
    if (process.env.REGEN) return;
    for (const f of inputs) expect(existsSync(`${OUT}${f}.json`), f).toBe(true);
  });
  it.each(inputs)('%s', (file) => {
    const got = read(file);
    const expectedFile = `${OUT}${file}.json`;
    if (process.env.REGEN) writeFileSync(expectedFile, `${JSON.stringify(got, null, 1)}\n`);
    expect(got).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
  });
});
