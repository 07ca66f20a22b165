// Coverage computed in PostGIS (sql/coverage.sql), returned as the engine's CoverageResult so the
// CLI prints it with the same formatters (table, JSON, CSV) and the app can open it. SQL does the
// geometry and the plan filter; this file runs the statements in one transaction (writing only temporary tables),
// puts the rows in the result's shape, writes the messages the engine writes, and computes the
// totals with the engine's own functions (src/coverage/totals.ts).
import type { CsvInputs } from '../coverage/cli-core.ts';
import { computeTotals, meetsTarget, ratio } from '../coverage/totals.ts';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { CoverageOptions, CoverageResult, ExclusionReason, ExcludedPlan, GapPieceProperties, GapsResult, Problem, UnitCoverage } from '../coverage/types.ts';
import { MIN_GAP_PIECE_M2, shortfall } from '../coverage/gaps.ts';
import { unrecognisedDetail } from '../coverage/plan-filter.ts';
import type { DbClient } from './client.ts';
import { identifierProblem, quoteIdent } from './identifiers.ts';
import { sql } from './sql-files.ts';

export class DbInputError extends Error {}

/** Columns coverage.sql reads from each table. */
export const REQUIRED_COLUMNS = {
  units: ['ord', 'id', 'name', 'slated', 'geometry_source', 'geom'],
  plans: ['ord', 'id', 'source_id', 'level', 'level_source', 'status', 'status_source', 'approved_on', 'demo', 'geom'],
} as const;

/**
 * A table name from the command line: a plain identifier (identifiers.ts), an existing table or
 * view, with the columns the SQL needs. Throws DbInputError saying what is wrong.
 */
export async function checkTable(client: DbClient, name: string, role: 'units' | 'plans', flag: string): Promise<void> {
  const problem = identifierProblem(name);
  if (problem) throw new DbInputError(`${flag}: table name ${JSON.stringify(name)} ${problem}`);
  const quoted = quoteIdent(name);
  const exists = await client.query<{ present: boolean }>(sql('schema.sql', 'table_exists'), [quoted]);
  if (!exists.rows[0]?.present) throw new DbInputError(`${flag}: no table "${name}" in this database (load one with npm run db:load -- FILE --role ${role} --table ${name})`);
  const cols = new Set((await client.query<{ name: string }>(sql('schema.sql', 'table_columns'), [quoted])).rows.map((r) => r.name));
  const missing = REQUIRED_COLUMNS[role].filter((c) => !cols.has(c));
  if (missing.length) throw new DbInputError(`${flag}: table "${name}" is not a ${role} table of npm run db:load (missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')})`);
}

export async function checkPostgis(client: DbClient): Promise<string> {
  const r = await client.query<{ extversion: string }>(sql('schema.sql', 'postgis_version'));
  const v = r.rows[0]?.extversion;
  if (!v) throw new DbInputError('PostGIS is not installed in this database (as its owner: CREATE EXTENSION postgis)');
  return v;
}

/** GeometryType() → the GeoJSON type name the engine's messages use. */
const GEOJSON_TYPE: Record<string, string> = {
  POINT: 'Point', MULTIPOINT: 'MultiPoint', LINESTRING: 'LineString', MULTILINESTRING: 'MultiLineString',
  POLYGON: 'Polygon', MULTIPOLYGON: 'MultiPolygon', GEOMETRYCOLLECTION: 'GeometryCollection',
};
const typeName = (gtype: string | null): string => (gtype === null ? 'null' : (GEOJSON_TYPE[gtype] ?? gtype));

interface GeomFlags {
  gtype: string | null;
  not_lonlat: boolean | null;
  valid_reason: string | null;
  near_duplicates: number | string | null;
}

/** Why a geometry is unusable, in the engine's words (src/coverage/repair.ts). */
function unusableDetail(g: GeomFlags): string {
  if (g.gtype !== 'POLYGON' && g.gtype !== 'MULTIPOLYGON') return `geometry is ${typeName(g.gtype)}`;
  if (g.not_lonlat) return 'coordinates are not lon/lat (projected data? use WGS 84 degrees)';
  return 'empty or zero-area geometry';
}

/** Repairs made to a usable geometry: ST_MakeValid on an invalid one, near-identical vertices merged. */
function repairs(g: GeomFlags, subject: 'plan' | 'unit', id: string): Problem[] {
  const out: Problem[] = [];
  if (g.valid_reason !== null && g.valid_reason !== 'Valid Geometry') {
    out.push({
      subject, id, kind: subject === 'plan' ? 'self_intersection_repaired' : 'unit_self_intersection_repaired',
      message: `invalid geometry (${g.valid_reason}): repaired with ST_MakeValid (self-intersections split, holes subtracted, parts merged)`,
    });
  }
  const merged = Number(g.near_duplicates ?? 0);
  if (merged > 0) out.push({ subject, id, kind: 'near_duplicate_vertices_merged', message: `${merged} near-identical vertices (< 0.01 mm apart) merged` });
  return out;
}

export interface DbCoverage {
  result: CoverageResult;
  /** For the CSV's first lines: the tables as the register and the units, demonstration and schematic as the rows say. */
  inputs: CsvInputs;
  /** With `{ gaps: true }`: the gaps of the slated units (of every unit when none is slated), as the engine's gaps() gives them. */
  gaps?: GapsResult;
}

/**
 * Coverage of the units in `unitsTable` by the plans in `plansTable` under `options` (already
 * normalised: levels/statuses from the vocabulary, target a fraction).
 * options.asOf filters by approval date as the engine does; `want.gaps` adds the gaps (issue 16).
 */
export async function coverageFromDb(client: DbClient, tables: { units: string; plans: string }, options: CoverageOptions, want: { gaps?: boolean } = {}): Promise<DbCoverage> {
  await checkPostgis(client);
  await checkTable(client, tables.units, 'units', '--units-table');
  await checkTable(client, tables.plans, 'plans', '--plans-table');
  const t = { units_table: tables.units, plans_table: tables.plans };
  const q = (name: string, params?: unknown[]) => client.query<Record<string, unknown>>(sql('coverage.sql', name, t), params);
  // Only temporary tables are written (a role with SELECT on the tables and TEMP on the database is enough).
  await client.query('BEGIN');
  try {
    await q('prepare_units');
    await q('index_units');
    await q('prepare_plans', [[...options.levels], [...options.statuses], options.asOf ?? null]);
    await q('index_plans');
    const unitRows = (await q('unit_rows')).rows;
    const unitProblemRows = (await q('unit_problems')).rows as unknown as (GeomFlags & { id: string; unusable: boolean })[];
    const planRows = (await q('plan_report')).rows as unknown as (GeomFlags & {
      id: string; source_id: string; level_source: string | null; status_source: string | null; reason: ExclusionReason | null;
    })[];
    const counted = Number((await q('plan_count')).rows[0]?.counted ?? 0);
    const flags = (await q('inputs')).rows[0] as { demo: boolean; schematic: boolean } | undefined;
    // The gaps of the slated units (every unit when none is slated), in the same transaction (the work tables are temporary).
    const slatedIds = unitRows.filter((r) => r.slated === true).map((r) => String(r.id));
    const gapIds = slatedIds.length > 0 ? slatedIds : unitRows.map((r) => String(r.id));
    const gapRows = want.gaps ? (await q('gaps', [gapIds])).rows : [];
    await client.query('COMMIT');

    const units: UnitCoverage[] = unitRows.map((r) => {
      const area = Number(r.area_m2);
      const covered = Math.min(Number(r.covered_m2), area);
      const coverage = ratio(covered, area);
      return {
        id: String(r.id), name: String(r.name), slated: r.slated === true, area_m2: area, covered_m2: covered, coverage,
        meets_target: meetsTarget(coverage, options.target), plan_ids: (r.plan_ids as string[]).map(String),
      };
    });
    // Problems in the engine's order: units, renamed plan ids, then plan repairs in register order.
    const unitProblems: Problem[] = [];
    for (const u of unitProblemRows) {
      if (u.unusable) unitProblems.push({ subject: 'unit', id: u.id, kind: 'unit_invalid_geometry', message: `unit geometry unusable: ${unusableDetail(u)}; area counted as 0` });
      else unitProblems.push(...repairs(u, 'unit', u.id));
    }
    const renamed: Problem[] = [];
    const planProblems: Problem[] = [];
    const excluded: ExcludedPlan[] = [];
    for (const p of planRows) {
      if (p.id !== p.source_id) {
        renamed.push({ subject: 'plan', id: p.id, kind: 'duplicate_id_renamed', message: `plan id "${p.source_id}" appears more than once; this one is reported as "${p.id}"` });
      }
      const geometryBad = p.reason === 'not_polygon' || p.reason === 'invalid_geometry';
      if (!geometryBad) planProblems.push(...repairs(p, 'plan', p.id));
      if (p.reason === null) continue;
      if (geometryBad) excluded.push({ id: p.id, reason: p.reason, detail: unusableDetail(p) });
      else {
        const detail = unrecognisedDetail(
          p.reason === 'level_not_recognised' ? { unrecognised: p.level_source ?? '' } : undefined,
          p.reason === 'status_not_recognised' ? { unrecognised: p.status_source ?? '' } : undefined,
        );
        excluded.push({ id: p.id, reason: p.reason, ...(detail ? { detail } : {}) });
      }
    }
    const result: CoverageResult = {
        units,
        totals: computeTotals(units),
        options: { levels: [...options.levels], statuses: [...options.statuses], target: options.target },
        plans: { counted, excluded },
        problems: [...unitProblems, ...renamed, ...planProblems],
        as_of: options.asOf ?? null,
    };
    return {
      result,
      inputs: { registers: [tables.plans], demo: flags?.demo === true, units: { name: tables.units, schematic: flags?.schematic === true } },
      ...(want.gaps ? { gaps: gapsFromRows(result, gapIds, gapRows, options) } : {}),
    };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  }
}

/** The gaps query's rows in the engine's GapsResult shape: pieces ranked per unit, the same 1 m² floor for listing. */
function gapsFromRows(result: CoverageResult, ids: readonly string[], rows: readonly Record<string, unknown>[], options: CoverageOptions): GapsResult {
  const features: Feature<Polygon | MultiPolygon, GapPieceProperties>[] = [];
  const gapOf = new Map<string, number>();
  const rank = new Map<string, number>();
  for (const r of rows) {
    const id = String(r.unit_id);
    const area = Number(r.area_m2);
    gapOf.set(id, (gapOf.get(id) ?? 0) + area);
    if (area < MIN_GAP_PIECE_M2) continue;
    const k = (rank.get(id) ?? 0) + 1;
    rank.set(id, k);
    features.push({ type: 'Feature', properties: { unit_id: id, unit_name: String(r.unit_name), area_m2: area, rank: k }, geometry: JSON.parse(String(r.geometry)) as Polygon });
  }
  const wanted = new Set(ids);
  const units = result.units.filter((u) => wanted.has(u.id)).map((u) => ({
    unit_id: u.id, name: u.name, slated: u.slated, area_m2: u.area_m2, covered_m2: u.covered_m2,
    gap_m2: gapOf.get(u.id) ?? 0, shortfall_m2: shortfall(options.target, u.area_m2, u.covered_m2),
  }));
  return { as_of: options.asOf ?? null, target: options.target, units, pieces: { type: 'FeatureCollection', features } };
}
