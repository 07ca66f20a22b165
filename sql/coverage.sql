-- Detailed-plan coverage computed in PostGIS: the same rules as the app's engine (src/coverage/,
-- README "Detailed-plan coverage"), run by `npm run coverage -- --db URL --units-table T --plans-table T`
-- (src/db/coverage-db.ts). The tables are the ones `npm run db:load` writes (sql/schema.sql).
--
-- How this file is used:
--   * Each statement starts with a "-- name: …" line; src/db/sql-files.ts splits the file there.
--   * :"units_table" and :"plans_table" are table names, validated against a plain identifier
--     pattern and quoted by src/db/identifiers.ts before they are written in (psql's own
--     :"variable" syntax, so the file also runs under `psql -v units_table=… -v plans_table=…`
--     once $1/$2 are replaced by literals).
--   * Every value — the levels, the statuses — is a query parameter ($1, $2), never text built
--     into the SQL. The target is applied in TypeScript (meets_target = coverage > target).
--   * Everything runs in one transaction; the work tables are temporary and dropped at commit.
--
-- The rules, in the engine's words:
--   * Only polygons count; a plan without a usable geometry is left out with its reason
--     (not_polygon, invalid_geometry). Invalid polygons (self-intersections, misplaced holes,
--     overlapping parts) are repaired with ST_MakeValid (method "structure": shells unioned,
--     holes subtracted — what the engine's even-odd rings and merged parts do) and reported by id.
--     Vertices closer than 1e-10° (~0.01 mm, the engine's integer grid) are merged and reported.
--   * Which plans count: db:load stores each plan's level and status in the vocabulary's canonical
--     words (src/plans/vocabulary.ts: detailed / zoning, approved / in_preparation), NULL when the
--     register has no value (a missing value counts: a register without these fields is a register
--     of approved detailed plans), and the value as written in level_source / status_source. A value
--     the vocabulary does not know (level NULL but level_source not) is left out with its reason.
--   * Overlapping plans count once: each counting plan is cut to the unit (intersect), the pieces
--     of a unit are unioned, and the union is measured.
--   * Areas are ellipsoidal: ST_Area(geography, true) on WGS 84. GeoJSON edges are straight in
--     lon/lat while geography edges are geodesics, so shapes are first densified along lon/lat
--     (ST_Segmentize, 0.002° ≈ 210 m; the engine densifies to 250 m) — the two then agree to ~1e-6.
--   * A plan is in a unit's plan_ids when its piece of the unit has more than 1 mm² (an edge or a
--     corner touching is not a piece).
--   * As of a date ($3, issue 16; NULL = no date filter): a plan approved after it (approved_on,
--     which db:load reads as the engine does: src/coverage/approval-date.ts) is left out, and so is
--     a plan without an approval date — whether it was approved by then is unknown, never guessed.
--   * Gaps (issue 16): per unit, the unit minus the union of its counting pieces (ST_Difference),
--     each connected part measured like the units.

-- name: prepare_units
-- Each unit once, repaired; area on the ellipsoid. (MATERIALIZED: each check runs once per row,
-- not once per place the inlined expression is used.)
CREATE TEMP TABLE cov_units ON COMMIT DROP AS
WITH src AS (
  SELECT u.ord, u.id, coalesce(u.name, '') AS name, coalesce(u.slated, false) AS slated, u.geom,
         GeometryType(u.geom) AS gtype
  FROM :"units_table" u
), checked AS MATERIALIZED (
  SELECT src.*,
         gtype IN ('POLYGON', 'MULTIPOLYGON') AS polygonal,
         (gtype IN ('POLYGON', 'MULTIPOLYGON') AND NOT ST_IsEmpty(geom)
           AND (ST_XMin(geom) < -180 OR ST_XMax(geom) > 180 OR ST_YMin(geom) < -90 OR ST_YMax(geom) > 90)) AS not_lonlat,
         CASE WHEN gtype IN ('POLYGON', 'MULTIPOLYGON') THEN ST_IsValidReason(geom) END AS valid_reason,
         CASE WHEN gtype IN ('POLYGON', 'MULTIPOLYGON')
              THEN ST_NPoints(ST_RemoveRepeatedPoints(geom)) - ST_NPoints(ST_RemoveRepeatedPoints(geom, 1e-10)) END AS near_duplicates
  FROM src
), fixed AS MATERIALIZED (
  SELECT checked.*,
         CASE WHEN NOT polygonal OR not_lonlat THEN NULL
              WHEN valid_reason = 'Valid Geometry' AND near_duplicates = 0 THEN geom
              ELSE ST_CollectionExtract(ST_MakeValid(ST_RemoveRepeatedPoints(geom, 1e-10), 'method=structure'), 3)
         END AS clean
  FROM checked
)
SELECT ord, id, name, slated, gtype, not_lonlat, valid_reason, coalesce(near_duplicates, 0) AS near_duplicates,
       CASE WHEN clean IS NULL OR ST_IsEmpty(clean) OR ST_Area(clean) <= 0 THEN NULL ELSE clean END AS clean,
       CASE WHEN clean IS NULL OR ST_IsEmpty(clean) OR ST_Area(clean) <= 0 THEN 0
            ELSE ST_Area(geography(ST_Segmentize(clean, 0.002)), true) END AS area_m2
FROM fixed;

-- name: index_units
CREATE INDEX ON cov_units USING gist (clean);
ANALYZE cov_units;

-- name: prepare_plans
-- Each plan once: repaired geometry and, when it does not count, the reason (the engine's order:
-- geometry first, then an unrecognised level, an unrecognised status, a level not selected, a
-- status not selected, then the date). $1 = selected levels, $2 = selected statuses (canonical
-- words), $3 = the as-of date (NULL: no date filter).
CREATE TEMP TABLE cov_plans ON COMMIT DROP AS
WITH src AS (
  SELECT p.ord, p.id, p.source_id, p.level, p.level_source, p.status, p.status_source, p.approved_on, p.geom,
         GeometryType(p.geom) AS gtype
  FROM :"plans_table" p
), checked AS MATERIALIZED (
  SELECT src.*,
         gtype IN ('POLYGON', 'MULTIPOLYGON') AS polygonal,
         (gtype IN ('POLYGON', 'MULTIPOLYGON') AND NOT ST_IsEmpty(geom)
           AND (ST_XMin(geom) < -180 OR ST_XMax(geom) > 180 OR ST_YMin(geom) < -90 OR ST_YMax(geom) > 90)) AS not_lonlat,
         CASE WHEN gtype IN ('POLYGON', 'MULTIPOLYGON') THEN ST_IsValidReason(geom) END AS valid_reason,
         CASE WHEN gtype IN ('POLYGON', 'MULTIPOLYGON')
              THEN ST_NPoints(ST_RemoveRepeatedPoints(geom)) - ST_NPoints(ST_RemoveRepeatedPoints(geom, 1e-10)) END AS near_duplicates
  FROM src
), fixed AS MATERIALIZED (
  SELECT checked.*,
         CASE WHEN NOT polygonal OR not_lonlat THEN NULL
              WHEN valid_reason = 'Valid Geometry' AND near_duplicates = 0 THEN geom
              ELSE ST_CollectionExtract(ST_MakeValid(ST_RemoveRepeatedPoints(geom, 1e-10), 'method=structure'), 3)
         END AS clean
  FROM checked
), usable AS (
  SELECT fixed.*, (clean IS NOT NULL AND NOT ST_IsEmpty(clean) AND ST_Area(clean) > 0) AS has_area
  FROM fixed
)
SELECT ord, id, source_id, gtype, not_lonlat, valid_reason, coalesce(near_duplicates, 0) AS near_duplicates,
       level_source, status_source,
       CASE WHEN has_area THEN clean END AS clean,
       CASE
         WHEN geom IS NULL OR NOT polygonal                         THEN 'not_polygon'
         WHEN not_lonlat OR NOT has_area                            THEN 'invalid_geometry'
         WHEN level IS NULL AND level_source IS NOT NULL            THEN 'level_not_recognised'
         WHEN status IS NULL AND status_source IS NOT NULL          THEN 'status_not_recognised'
         WHEN level IS NOT NULL AND NOT (level = ANY ($1::text[]))  THEN 'level_not_selected'
         WHEN status IS NOT NULL AND NOT (status = ANY ($2::text[])) THEN 'status_not_selected'
         WHEN $3::date IS NOT NULL AND approved_on IS NULL          THEN 'no_approval_date'
         WHEN $3::date IS NOT NULL AND approved_on > $3::date       THEN 'approved_after_as_of'
       END AS reason
FROM usable;

-- name: index_plans
CREATE INDEX ON cov_plans USING gist (clean) WHERE reason IS NULL;
ANALYZE cov_plans;

-- name: unit_rows
-- Per unit: the counting plans cut to the unit (a plan inside the unit is taken whole), the
-- pieces unioned (overlaps once) and measured; the plans whose piece has more than 1 mm².
WITH pieces AS MATERIALIZED (
  SELECT u.ord AS unit_ord, p.ord AS plan_ord, p.id AS plan_id,
         CASE WHEN ST_CoveredBy(p.clean, u.clean) THEN p.clean
              ELSE ST_CollectionExtract(ST_Intersection(p.clean, u.clean), 3) END AS g
  FROM cov_units u
  JOIN cov_plans p ON p.reason IS NULL AND p.clean && u.clean AND ST_Intersects(p.clean, u.clean)
), per_unit AS (
  SELECT unit_ord,
         ST_Area(geography(ST_Segmentize(ST_Union(g), 0.002)), true) AS covered_m2,
         -- 1 mm², tested on the planar area in degrees² (1 mm² ≈ 8.7e-17 deg² at 21° N; only an
         -- edge or corner touching is to be told from a real piece, so the plane is precise enough
         -- and spares an ellipsoidal area per piece).
         array_agg(plan_id ORDER BY plan_ord) FILTER (WHERE ST_Area(g) > 8.7e-17) AS plan_ids
  FROM pieces
  WHERE NOT ST_IsEmpty(g)
  GROUP BY unit_ord
)
SELECT u.id, u.name, u.slated, u.area_m2,
       coalesce(c.covered_m2, 0) AS covered_m2,
       coalesce(c.plan_ids, '{}') AS plan_ids
FROM cov_units u
LEFT JOIN per_unit c ON c.unit_ord = u.ord
ORDER BY u.ord;

-- name: gaps
-- The gap pieces of the units $1 (ids): unit minus the union of its counting pieces (cut as in
-- unit_rows), split into connected polygons, each measured on the ellipsoid (densified as the
-- units are), largest first within a unit; GeoJSON in WGS 84 with 9 decimals (~0.1 mm).
WITH wanted AS MATERIALIZED (
  SELECT ord, id, name, clean FROM cov_units WHERE clean IS NOT NULL AND id = ANY ($1::text[])
), pieces AS MATERIALIZED (
  SELECT u.ord AS unit_ord,
         CASE WHEN ST_CoveredBy(p.clean, u.clean) THEN p.clean
              ELSE ST_CollectionExtract(ST_Intersection(p.clean, u.clean), 3) END AS g
  FROM wanted u
  JOIN cov_plans p ON p.reason IS NULL AND p.clean && u.clean AND ST_Intersects(p.clean, u.clean)
), covers AS (
  SELECT unit_ord, ST_Union(g) AS cover FROM pieces WHERE NOT ST_IsEmpty(g) GROUP BY unit_ord
), parts AS (
  SELECT u.ord, u.id, u.name,
         (ST_Dump(CASE WHEN c.cover IS NULL THEN u.clean
                       ELSE ST_CollectionExtract(ST_Difference(u.clean, c.cover), 3) END)).geom AS g
  FROM wanted u
  LEFT JOIN covers c ON c.unit_ord = u.ord
), measured AS (
  SELECT ord, id, name, g, ST_Area(geography(ST_Segmentize(g, 0.002)), true) AS area_m2
  FROM parts
  WHERE NOT ST_IsEmpty(g)
)
SELECT id AS unit_id, name AS unit_name, area_m2, ST_AsGeoJSON(g, 9) AS geometry
FROM measured
ORDER BY ord, area_m2 DESC;

-- name: unit_problems
-- Units that were repaired or could not be used, in unit order.
SELECT id, gtype, not_lonlat, valid_reason, near_duplicates, clean IS NULL AS unusable
FROM cov_units
WHERE clean IS NULL OR valid_reason <> 'Valid Geometry' OR near_duplicates > 0
ORDER BY ord;

-- name: plan_report
-- Plans left out (with their reason) or repaired, and renamed duplicate ids, in register order.
SELECT id, source_id, gtype, not_lonlat, valid_reason, near_duplicates, level_source, status_source, reason
FROM cov_plans
WHERE reason IS NOT NULL OR valid_reason <> 'Valid Geometry' OR near_duplicates > 0 OR id <> source_id
ORDER BY ord;

-- name: plan_count
SELECT count(*) FILTER (WHERE reason IS NULL) AS counted FROM cov_plans;

-- name: inputs
-- What the CSV's first lines say: whether the register is demonstration data, whether the unit
-- boundaries are schematic (as the features' own properties say).
SELECT (SELECT coalesce(bool_or(demo), false) FROM :"plans_table") AS demo,
       (SELECT coalesce(bool_or(geometry_source ~* '^schematic'), false) FROM :"units_table") AS schematic;
