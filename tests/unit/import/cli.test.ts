// The CLI as a user runs it (npm run import -- FILE …): exit codes, one line per message, no stacks.
// Run in-process through its core (src/import/cli-core.ts) on the real file system, plus one smoke
// run of the real script via tsx.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runImportCli } from '../../../src/import/cli-core.ts';
import { FIXTURES, REPO } from './helpers.ts';

const run = promisify(execFile);
const TSX = join(REPO, 'node_modules/.bin/tsx');
const CLI = join(REPO, 'scripts/import-cli.ts');

/** The CLI in-process, standing in the repo root as `npm run import` does (district as the script reads it). */
function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  return runImportCli(args, {
    readFile: (path) => readFileSync(resolve(REPO, path)),
    writeFile: (path, text) => writeFileSync(resolve(REPO, path), text),
    readDistrict: () => {
      try {
        return JSON.parse(readFileSync(join(REPO, 'geodata/district.geojson'), 'utf8')) as unknown;
      } catch {
        return undefined;
      }
    },
  });
}

const noStack = (text: string): void => expect(text).not.toMatch(/^\s+at .+(:\d+:\d+|\(native\))/m);

describe('import CLI (in-process)', () => {
  it('converts a VN-2000 Shapefile to WGS 84 GeoJSON on stdout (exit 0)', () => {
    const r = cli(FIXTURES + 'plans-9214.zip', '--role', 'plans');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { type: string; features: { properties: { name: string } }[] };
    expect(out.type).toBe('FeatureCollection');
    expect(out.features).toHaveLength(73);
    expect(r.stderr).toContain('plans-9214.zip: shapefile, EPSG:9214 (prj), 73 feature(s)');
  });
  it('writes --out and needs --crs for a file without CRS (exit 2, then 0)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
    const out = join(dir, 'out.geojson');
    const guessed = cli(FIXTURES + 'plans-9214-noprj.zip', '--out', out);
    expect(guessed.code).toBe(2);
    expect(guessed.stderr).toContain('confirm it with --crs EPSG:9214');
    const given = cli(FIXTURES + 'plans-9214-noprj.zip', '--crs', 'EPSG:9214', '--out', out);
    expect(given.code).toBe(0);
    expect((JSON.parse(readFileSync(out, 'utf8')) as { features: unknown[] }).features).toHaveLength(73);
  });
  it('prints problems one per line as FILE: feature N (id X): … and exits 2', () => {
    const r = cli(FIXTURES + 'bad/self-intersecting.geojson', '--role', 'plans');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^self-intersecting\.geojson: feature 0 \(id QH-12\): self-intersection at \[/m);
    expect(r.stdout).toBe('');
    noStack(r.stderr);
  });
  it('--repair fixes what it can and exits 0, reporting the repair', () => {
    const r = cli(FIXTURES + 'bad/self-intersecting.geojson', '--role', 'plans', '--repair');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('self-intersecting.geojson: feature 0 (id QH-12): resolved the self-intersections of a polygon by splitting it into 2 parts');
  });
  it.each(['bad/not-json.geojson', 'bad/lonely.shp', 'bad/traversal.kmz', 'bad/zero-byte.zip', 'bad/metric-far-no-crs.geojson', 'does-not-exist.geojson'])(
    '%s → exit 2, one clean message',
    (file) => {
      const r = cli(FIXTURES + file);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().length).toBeGreaterThan(0);
      noStack(r.stderr);
    },
  );
  it('names a missing file with its error code', () => {
    const r = cli(FIXTURES + 'does-not-exist.geojson');
    expect(r.stderr).toBe(`${FIXTURES}does-not-exist.geojson: cannot be read (ENOENT)\n`);
  });
  it('wrong usage → exit 1 with the usage line', () => {
    const r = cli('--role', 'nonsense', 'x.geojson');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('usage: npm run import --');
  });
});

describe('scripts/import-cli.ts (one subprocess smoke test)', () => {
  it('runs under tsx: GeoJSON on stdout, the summary line on stderr, exit 0', async () => {
    const r = await run(TSX, [CLI, FIXTURES + 'bad/self-intersecting.geojson', '--role', 'plans', '--repair'], { cwd: REPO, maxBuffer: 64 * 1024 * 1024 }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (e: { code?: number; stdout?: string; stderr?: string }) => ({ code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' }),
    );
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { type: string }).type).toBe('FeatureCollection');
    expect(r.stderr).toMatch(/^self-intersecting\.geojson: geojson, EPSG:4326 \(.+\), 1 feature\(s\)$/m);
  }, 120_000);
});
