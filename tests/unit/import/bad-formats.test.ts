// Broken DXF and GeoPackage inputs (fixtures/import/bad-formats/, made by make-dxf-gpkg.sh): each is
// refused with exactly its message, in one line naming the file, and the message has its entry in
// the catalog in Vietnamese and English (the panel shows it in the UI language, the CLI in English).
// Malformed drawings written here (no tool makes them) must be refused or read, never hang or throw.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/import/index.ts';
import { renderMessage, varsIn } from '../../../src/import/format-messages.ts';
import { loadSqliteNode } from '../../../src/import/sqlite-node.ts';
import { importCatalog as messages } from '../../../src/i18n/import-catalog.ts';
import { FIXTURES } from './helpers.ts';

interface Expectation {
  error: string;
  key: string;
  needsCrs?: boolean;
  vi?: string;
}

const DIR = `${FIXTURES}bad-formats/`;
const expected = JSON.parse(readFileSync(DIR + 'expected.json', 'utf8')) as Record<string, Expectation | string>;
const files = readdirSync(DIR).filter((f) => f !== 'expected.json').sort();
const sqlite = await loadSqliteNode();

const dxf = (body: string): Uint8Array => new TextEncoder().encode(`0\nSECTION\n2\nENTITIES\n${body}0\nENDSEC\n0\nEOF\n`);

describe('bad DXF / GeoPackage / .dwg corpus', () => {
  it('has an expectation for each file (and no stale ones)', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
    expect(Object.keys(expected).filter((k) => k !== '_').sort()).toEqual(files);
  });

  it.each(files)('%s', (file) => {
    const want = expected[file] as Expectation;
    const r = importFile({ name: file, bytes: readFileSync(DIR + file) }, { role: 'plans', sqlite });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.startsWith(want.error)).toBe(true);
    expect(r.error).not.toMatch(/\n|\bat .+:\d+:\d+/);
    expect(r.needsCrs === true).toBe(want.needsCrs === true);
    const m = r.i18n?.[0];
    expect(m?.key).toBe(want.key);
    expect(m?.text).toBe(r.error);
    // Both languages render completely (no {placeholder} left), the Vietnamese differs from the English.
    const vi = renderMessage(m!.key, m!.vars, 'vi');
    expect(vi).not.toMatch(/\{\w+\}/);
    expect(vi).not.toBe(r.error);
    expect(vi.startsWith(`${file}: `)).toBe(true);
    if (want.vi !== undefined) expect(vi).toBe(want.vi);
    // What the panel's lookup gets is what renderMessage gives.
    const text = messages[m!.key].vi.replace(/\{(\w+)\}/g, (s, k: string) => String(varsIn(m!.vars, 'vi')[k] ?? s));
    expect(text).toBe(vi);
  });

  it('a .dwg is recognised by its content too, whatever its name', () => {
    const r = importFile({ name: 'ban-ve', bytes: readFileSync(DIR + 'drawing.dwg') }, {});
    expect(r).toMatchObject({ ok: false, error: 'ban-ve: .dwg drawings cannot be read. Save the drawing as DXF in AutoCAD and open it again' });
  });

  it.each([
    ['text, not DXF', new TextEncoder().encode('hello\nworld\n'), 'x.dxf: is not a DXF drawing (line 1 should hold a group code)'],
    ['binary DXF', new TextEncoder().encode('AutoCAD Binary DXF\r\n\u001a\u0000junk'), 'x.dxf: is a binary DXF; save it as ASCII (text) DXF in AutoCAD and open it again'],
    ['no ENTITIES section', new TextEncoder().encode('0\nSECTION\n2\nHEADER\n0\nENDSEC\n0\nEOF\n'), 'x.dxf: has no ENTITIES section: nothing drawn to read'],
    ['empty ENTITIES section', dxf(''), 'x.dxf: the drawing has no entities'],
    ['LWPOLYLINE with 0 vertices', dxf('0\nLWPOLYLINE\n8\nA\n90\n0\n70\n1\n'), 'x.dxf: has no closed polylines or hatches to make polygons from (1 closed outline with fewer than 3 points not read)'],
    ['HATCH whose counts lie', dxf('0\nHATCH\n8\nA\n91\n99999\n92\n2\n72\n0\n73\n1\n93\n5\n10\n0\n20\n0\n'), 'x.dxf: has no closed polylines or hatches to make polygons from (1 HATCH not read)'],
    ['POLYLINE without SEQEND at the end', dxf('0\nPOLYLINE\n8\nA\n70\n1\n0\nVERTEX\n10\n0\n20\n0\n'), 'x.dxf: has no closed polylines or hatches to make polygons from (1 closed outline with fewer than 3 points not read)'],
  ])('%s: refused with a message, no hang', (_what, bytes, error) => {
    const r = importFile({ name: 'x.dxf', bytes }, {});
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.startsWith(error)).toBe(true);
  });

  it('a GeoPackage whose feature "table" is a recursive view is not queried (it would never end)', () => {
    const db = new sqlite.Database();
    db.run(`CREATE TABLE gpkg_spatial_ref_sys (srs_name, srs_id INTEGER PRIMARY KEY, organization, organization_coordsys_id, definition, description);
      CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id);
      CREATE TABLE gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m);
      CREATE VIEW forever AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x AS fid, NULL AS geom FROM c;
      INSERT INTO gpkg_contents VALUES ('forever', 'features', 'forever', '', NULL, 0, 0, 0, 0, 4326);
      INSERT INTO gpkg_geometry_columns VALUES ('forever', 'geom', 'POINT', 4326, 0, 0);`);
    const bytes = db.export();
    db.close();
    const r = importFile({ name: 'view.gpkg', bytes }, { sqlite });
    expect(r).toMatchObject({ ok: false, error: 'view.gpkg: the GeoPackage has no feature tables' });
  });

  it('a drawing whose arcs would need millions of vertices is refused, not expanded', () => {
    const vertices = Array.from({ length: 5000 }, (_, i) => `10\n${(i % 2) * 100000}\n20\n0\n42\n1\n`).join('');
    const r = importFile({ name: 'x.dxf', bytes: dxf(`0\nLWPOLYLINE\n8\nA\n90\n5000\n70\n1\n${vertices}`) }, {});
    expect(r).toMatchObject({ ok: false, error: 'x.dxf: the arcs of the drawing need more than 5000000 vertices; split the drawing or simplify its arcs and save again' });
  });

  it('a DXF with text after its entities that is not DXF still reads the entities, with a warning', () => {
    const text = new TextDecoder().decode(dxf('0\nLWPOLYLINE\n8\nA\n90\n3\n70\n1\n10\n0\n20\n0\n10\n1\n20\n0\n10\n1\n20\n1\n')).replace('0\nEOF\n', 'garbage\n');
    const r = importFile({ name: 'x.dxf', bytes: new TextEncoder().encode(text) }, {});
    expect(r.ok).toBe(true);
    expect(r.ok && r.warnings[0]).toBe('x.dxf: is truncated after its drawing entities (no end-of-file marker); the entities were read');
  });
});
