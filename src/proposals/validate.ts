// Checks on proposals: what the drawing tools hand over and what IndexedDB gives back (a record
// from an older version or a damaged store must not reach the engine or the map). Pure.
import type { Polygon, Position } from 'geojson';
import { isPlanLevel, isPlanStatus } from '../plans/vocabulary';
import { polygonCoordsArea } from '../geo/area';
import type { Proposal } from './types';

export const MAX_NAME_LENGTH = 120;
/** Below this a drawn shape is a slip of the mouse, not a plan. */
export const MIN_AREA_M2 = 1;

export type GeometryProblem = 'not_polygon' | 'too_few_points' | 'not_closed' | 'bad_position' | 'too_small';

const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number' &&
  Number.isFinite(p[0]) && Number.isFinite(p[1]) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;

/** Why a geometry cannot be a proposal, or null when it can. */
export function geometryProblem(g: unknown): GeometryProblem | null {
  if (!g || typeof g !== 'object' || (g as { type?: unknown }).type !== 'Polygon') return 'not_polygon';
  const rings = (g as { coordinates?: unknown }).coordinates;
  if (!Array.isArray(rings) || rings.length === 0) return 'too_few_points';
  for (const ring of rings) {
    if (!Array.isArray(ring) || ring.length < 4) return 'too_few_points';
    if (!ring.every(isPosition)) return 'bad_position';
    const a = ring[0] as Position;
    const b = ring[ring.length - 1] as Position;
    if (a[0] !== b[0] || a[1] !== b[1]) return 'not_closed';
  }
  if (polygonCoordsArea(rings as Position[][]) < MIN_AREA_M2) return 'too_small';
  return null;
}

/** A name as kept: trimmed, inner runs of white space made one space, at most MAX_NAME_LENGTH. */
export function cleanName(name: string, fallback: string): string {
  const n = name.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH);
  return n || fallback;
}

/** Only 2D positions are kept (a drawing tool may add a third value). */
export function plainPolygon(g: Polygon): Polygon {
  return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map((p) => [p[0]!, p[1]!])) };
}

/** A stored record, checked field by field; null when it cannot be used. */
export function readProposal(v: unknown): Proposal | null {
  if (!v || typeof v !== 'object') return null;
  const r = v as Record<string, unknown>;
  if (typeof r.id !== 'string' || r.id === '' || typeof r.name !== 'string') return null;
  if (!isPlanLevel(r.level) || !isPlanStatus(r.status)) return null;
  if (geometryProblem(r.geometry) !== null) return null;
  const created = typeof r.createdAt === 'string' ? r.createdAt : new Date(0).toISOString();
  return {
    id: r.id,
    name: cleanName(r.name, r.id),
    level: r.level,
    status: r.status,
    geometry: plainPolygon(r.geometry as Polygon),
    createdAt: created,
    updatedAt: typeof r.updatedAt === 'string' ? r.updatedAt : created,
  };
}
