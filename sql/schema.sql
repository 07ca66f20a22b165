-- The tables `npm run db:load` writes (src/db/load-core.ts) and `npm run coverage -- --db` reads
-- (sql/coverage.sql). Statements start with "-- name: …" (src/db/sql-files.ts); :"table" is the
-- validated, quoted table name (src/db/identifiers.ts); values are query parameters ($1, …).
-- Geometries are EPSG:4326 (WGS 84 lon/lat, as the import writes them), any type: a register's
-- odd features (a point, an empty polygon, a bow-tie) are kept and reported by the coverage, as the
-- engine reports them, rather than refused by a column type.

-- name: postgis_version
SELECT extversion FROM pg_extension WHERE extname = 'postgis';

-- name: table_exists
-- $1 = the quoted name; to_regclass resolves it through the search_path like the queries will.
SELECT to_regclass($1) IS NOT NULL AS present;

-- name: table_columns
SELECT a.attname AS name
FROM pg_attribute a
WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped;

-- name: create_load_state
-- One row per table loaded: the fingerprint of what is being loaded (role, files, every row),
-- how many rows there are, and whether the load finished. A load that stopped half-way is resumed
-- by running the same command again (rows already present are skipped).
CREATE TABLE IF NOT EXISTS vy_load_state (
  table_name  text PRIMARY KEY,
  role        text NOT NULL CHECK (role IN ('units', 'plans')),
  fingerprint text NOT NULL,
  files       text[] NOT NULL,
  total_rows  bigint NOT NULL,
  complete    boolean NOT NULL DEFAULT false,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- name: read_load_state
SELECT role, fingerprint, files, total_rows, complete FROM vy_load_state WHERE table_name = $1;

-- name: write_load_state
INSERT INTO vy_load_state (table_name, role, fingerprint, files, total_rows, complete)
VALUES ($1, $2, $3, $4, $5, false)
ON CONFLICT (table_name) DO UPDATE
  SET role = EXCLUDED.role, fingerprint = EXCLUDED.fingerprint, files = EXCLUDED.files,
      total_rows = EXCLUDED.total_rows, complete = false, updated_at = now();

-- name: finish_load_state
UPDATE vy_load_state SET complete = true, updated_at = now() WHERE table_name = $1;

-- name: touch_load_state
UPDATE vy_load_state SET updated_at = now() WHERE table_name = $1;

-- name: drop_table
DROP TABLE IF EXISTS :"table";

-- name: create_units
-- Unit boundaries. ord = position in the input (files in the order given, features in file order).
CREATE TABLE :"table" (
  ord             bigint PRIMARY KEY,
  id              text NOT NULL,             -- as the engine derives it: code, else id, else feature id, else ord
  name            text NOT NULL DEFAULT '',
  slated          boolean NOT NULL DEFAULT false, -- slated for the 80% target (slated or slated_ward true)
  geometry_source text,                      -- "schematic …" marks schematic boundaries (said in the CSV)
  source_file     text NOT NULL,
  properties      jsonb,                     -- the feature's attributes as imported
  geom            geometry(Geometry, 4326)
);
CREATE INDEX ON :"table" USING gist (geom);

-- name: create_plans
-- A plan register, in the plan schema of the import (src/import/fields.ts).
CREATE TABLE :"table" (
  ord           bigint PRIMARY KEY,
  id            text NOT NULL UNIQUE,  -- the plan id, made unique in input order ("qh-1", "qh-1#2", …)
  source_id     text NOT NULL,         -- the id as the register gives it (differs from id when renamed)
  name          text,
  level         text CHECK (level IN ('detailed', 'zoning')),            -- canonical; NULL = not given or not recognised
  level_source  text,                                                    -- as written; NULL = not given
  status        text CHECK (status IN ('approved', 'in_preparation')),   -- canonical; NULL = not given or not recognised
  status_source text,
  decision      text,                  -- decision number (so_qd)
  approved_on   date,
  demo          boolean NOT NULL DEFAULT false, -- the register says it is demonstration data
  source_file   text NOT NULL,
  properties    jsonb,
  geom          geometry(Geometry, 4326)
);
CREATE INDEX ON :"table" USING gist (geom);

-- name: max_ord
SELECT coalesce(max(ord), -1) AS max_ord, count(*) AS n FROM :"table";

-- name: insert_units
-- One batch: parallel arrays, one element per row. GeoJSON text → geometry, 2D, EPSG:4326.
INSERT INTO :"table" (ord, id, name, slated, geometry_source, source_file, properties, geom)
SELECT r.ord, r.id, r.name, r.slated, r.geometry_source, r.source_file, r.properties,
       ST_SetSRID(ST_Force2D(ST_GeomFromGeoJSON(r.geojson)), 4326)
FROM unnest($1::bigint[], $2::text[], $3::text[], $4::boolean[], $5::text[], $6::text[], $7::jsonb[], $8::text[])
     AS r(ord, id, name, slated, geometry_source, source_file, properties, geojson)
ON CONFLICT (ord) DO NOTHING;

-- name: insert_plans
INSERT INTO :"table" (ord, id, source_id, name, level, level_source, status, status_source, decision, approved_on,
                      demo, source_file, properties, geom)
SELECT r.ord, r.id, r.source_id, r.name, r.level, r.level_source, r.status, r.status_source, r.decision, r.approved_on,
       r.demo, r.source_file, r.properties, ST_SetSRID(ST_Force2D(ST_GeomFromGeoJSON(r.geojson)), 4326)
FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
            $10::date[], $11::boolean[], $12::text[], $13::jsonb[], $14::text[])
     AS r(ord, id, source_id, name, level, level_source, status, status_source, decision, approved_on,
          demo, source_file, properties, geojson)
ON CONFLICT (ord) DO NOTHING;

-- name: analyze
ANALYZE :"table";
