// Shared by the import tests: fixture paths and loading, distances in metres.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import geodesic from 'geographiclib-geodesic';
import type { Position } from 'geojson';
import { importFile, type ImportOptions, type ImportResult, type ImportSuccess } from '../../../src/import/index.ts';
import { nodeXmlParser } from '../../../src/import/node-xml.ts';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/import/', import.meta.url));
export const REPO = fileURLToPath(new URL('../../../', import.meta.url));

export function fixture(name: string): Uint8Array {
  return readFileSync(FIXTURES + name);
}

export function importFixture(name: string, options: ImportOptions = {}): ImportResult {
  return importFile({ name, bytes: fixture(name) }, { xmlParser: nodeXmlParser(), ...options });
}

export function expectOk(r: ImportResult): ImportSuccess {
  if (!r.ok) throw new Error(`expected success, got: ${r.error}`);
  return r;
}

const geod = geodesic.Geodesic.WGS84;

/** Ellipsoidal distance in metres between two lon/lat positions. */
export function metres(a: Position, b: Position): number {
  return geod.Inverse(a[1]!, a[0]!, b[1]!, b[0]!).s12 ?? NaN;
}
