// Loads every catalog layer's GeoJSON from the app's own origin (no other host, ever).
import type { FeatureCollection } from 'geojson';
import type { LayerEntry } from '../layers/types';

export type Datasets = Map<string, FeatureCollection>;

export class DataLoadError extends Error {
  constructor(
    readonly layerId: string,
    readonly url: string,
    detail: string,
  ) {
    super(`${layerId} (${url}): ${detail}`);
  }
}

async function loadOne(entry: LayerEntry & { data: string }): Promise<FeatureCollection> {
  let res: Response;
  try {
    res = await fetch(entry.data);
  } catch (e) {
    throw new DataLoadError(entry.id, entry.data, `network error: ${(e as Error).message}`);
  }
  if (!res.ok) throw new DataLoadError(entry.id, entry.data, `HTTP ${res.status}`);
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new DataLoadError(entry.id, entry.data, 'not valid JSON');
  }
  if (!json || typeof json !== 'object' || (json as { type?: unknown }).type !== 'FeatureCollection' || !Array.isArray((json as { features?: unknown }).features)) {
    throw new DataLoadError(entry.id, entry.data, 'not a GeoJSON FeatureCollection');
  }
  return json as FeatureCollection;
}

export async function loadDatasets(entries: readonly LayerEntry[]): Promise<Datasets> {
  const files = entries.filter((e): e is LayerEntry & { data: string } => e.data !== null);
  // Several entries may draw the same file (e.g. the units in each period): fetch it once.
  const byUrl = new Map<string, Promise<FeatureCollection>>();
  const loaded = await Promise.all(
    files.map(async (e) => {
      if (!byUrl.has(e.data)) byUrl.set(e.data, loadOne(e));
      return [e.id, await byUrl.get(e.data)!] as const;
    }),
  );
  return new Map(loaded);
}
