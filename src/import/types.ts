// Shared types of the import. Plain data only: results cross a Web Worker boundary (structured clone).
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Problem } from '../validation/types.ts';

export type { Problem } from '../validation/types.ts';

export type AnyFeature = Feature<Geometry | null, Record<string, unknown> | null>;
export type AnyCollection = FeatureCollection<Geometry | null, Record<string, unknown> | null>;

/** Outcome of one step: a value or the one message saying why not (already naming the file). */
export type Step<T> = { ok: true; value: T } | { ok: false; error: string };

export function ok<T>(value: T): Step<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: string): Step<T> {
  return { ok: false, error };
}

/** Minimal interface of an XML parser: the browser's DOMParser and @xmldom/xmldom's both fit. */
export interface XmlParser {
  parseFromString(text: string, mimeType: string): unknown;
}

export type ImportRole = 'plans' | 'units' | 'overlay';

export type ProgressStage = 'unzip' | 'parse' | 'reproject' | 'validate';
export type ProgressCallback = (fraction: number, stage: ProgressStage) => void;

/** Where the CRS came from: the .prj, the GeoJSON crs member, KML (always WGS 84), a GeoPackage's gpkg_spatial_ref_sys, a guess, or the user. */
export type CrsSource = 'prj' | 'geojson' | 'kml' | 'gpkg' | 'guess' | 'user';

export interface CrsChoice {
  code: string;
  source: CrsSource;
  /** True when the CRS is only a suggestion the UI must have the user confirm (metric, no CRS given). */
  needsConfirmation: boolean;
}

export type { BBox as Bbox } from '../geo/extent.ts';

/** A file's name as messages show it: the base name, without directories. */
export function displayName(name: string): string {
  const parts = name.split(/[\\/]/);
  return parts[parts.length - 1] || name;
}

export function errorText(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0]!.slice(0, 200);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
