// Issue 16, proposals (what-if), driven with the mouse: a rectangle drawn in Bích Động changes its
// coverage row to the value computed here with the engine (the proposal read back from IndexedDB);
// dragging a vertex changes it again; deleting brings the original back; undo returns the proposal,
// which survives a reload; the two GeoJSON downloads (WGS 84, EPSG:9214) import back to the same
// area within 1 m². The count-proposals switch lives in the URL.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync, mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { FeatureCollection, Polygon } from 'geojson';
import { computeCoverage } from '../../src/coverage';
import { importFile } from '../../src/import';
import { geometryArea } from '../../src/geo/area';
import { proposalPlan } from '../../src/proposals/feature';
import type { Proposal } from '../../src/proposals/types';
import { launch, newPage, openApp, waitForIdle, project, baseUrl, UI_TIMEOUT } from './browser';

const units = JSON.parse(readFileSync('geodata/units-2021.geojson', 'utf8')) as FeatureCollection;
const demo = JSON.parse(readFileSync('geodata/plans-demo.geojson', 'utf8')) as FeatureCollection;
const pctVi = (x: number) => `${(x * 100).toFixed(1).replace('.', ',')}%`;
const BICH_DONG = '07777';
// A spot in Bích Động some 110 m from its demonstration plans and 150 m from its edge.
const SPOT: [number, number] = [106.1086, 21.2898];
const SHOTS = process.env['VY_SHOTS'] ?? '/tmp/vy-proposals';

const coverageOf = (proposals: readonly Proposal[]) =>
  computeCoverage(units.features, [...demo.features, ...proposals.map(proposalPlan)], {}).units.find((u) => u.id === BICH_DONG)!.coverage;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** The proposals as IndexedDB keeps them (what survives a reload). */
const stored = (page: Page) =>
  page.evaluate(() => new Promise<Proposal[]>((resolve, reject) => {
    const open = indexedDB.open('viet-yen');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('proposals')) return (db.close(), resolve([]));
      const q = db.transaction('proposals').objectStore('proposals').getAll();
      q.onsuccess = () => (db.close(), resolve(q.result as Proposal[]));
      q.onerror = () => reject(q.error);
    };
  }));
/** Waits until IndexedDB holds proposals that pass `ok`, and returns them. */
async function storedWhen(page: Page, ok: (ps: Proposal[]) => boolean): Promise<Proposal[]> {
  let last: Proposal[] = [];
  await expect.poll(async () => ok((last = await stored(page))), { timeout: UI_TIMEOUT }).toBe(true);
  return last;
}

const row = (page: Page) => page.locator(`tr[data-unit="${BICH_DONG}"]`);
const effect = (page: Page) => page.getByTestId('proposal-effects').locator(`li[data-unit="${BICH_DONG}"]`);

async function openCoverage(page: Page, suffix = '') {
  await openApp(page, suffix);
  await page.getByRole('tab', { name: 'Độ phủ quy hoạch chi tiết' }).click();
  await page.getByTestId('coverage-headline').filter({ hasText: 'đạt mục tiêu' }).waitFor();
  await page.getByTestId('proposals').waitFor();
}

/** Drags with the mouse in small steps (terra-draw and MapLibre see every move). */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + (to.x - from.x) / 3, from.y + (to.y - from.y) / 3, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

describe('proposals', () => {
  it('draw a rectangle, drag a vertex, delete, undo, reload, export: coverage follows the engine each time', async () => {
    const { page, context, rec } = await newPage(browser, { width: 1366, height: 900 });
    await openCoverage(page);
    const base = coverageOf([]);
    await expect.poll(() => row(page).locator('.pct').textContent(), { timeout: UI_TIMEOUT }).toBe(pctVi(base));
    expect(await page.getByText('Chưa có đề xuất nào.').count()).toBe(1);

    // Close in on the spot and draw a rectangle there: click a corner, move, click the opposite one.
    await page.evaluate((center) => (window as any).__vy.map.jumpTo({ center, zoom: 15.5 }), SPOT);
    await waitForIdle(page);
    await page.getByRole('button', { name: 'Vẽ hình chữ nhật' }).click();
    await page.getByRole('button', { name: 'Vẽ hình chữ nhật', pressed: true }).waitFor({ timeout: UI_TIMEOUT });
    const c = await project(page, SPOT);
    await page.mouse.move(c.x - 60, c.y - 40);
    await page.mouse.click(c.x - 60, c.y - 40);
    await page.mouse.move(c.x, c.y, { steps: 5 });
    await page.mouse.move(c.x + 60, c.y + 40, { steps: 5 });
    await page.mouse.click(c.x + 60, c.y + 40);

    // It is kept (named, detailed/approved, selected for editing) and counted.
    const [drawn] = await storedWhen(page, (ps) => ps.length === 1);
    expect(drawn).toMatchObject({ name: 'Đề xuất 1', level: 'detailed', status: 'approved' });
    const withOne = coverageOf([drawn!]);
    expect(withOne).toBeGreaterThan(base);
    await expect.poll(() => effect(page).textContent(), { timeout: UI_TIMEOUT }).toBe(`Bích Động ${pctVi(base)} → ${pctVi(withOne)} với đề xuất`);
    expect(await row(page).locator('.pct').textContent()).toBe(pctVi(withOne));
    expect(await row(page).locator('.base-pct').textContent()).toBe(pctVi(base));
    expect(await page.locator('.proposal-list li.selected .proposal-name').inputValue()).toBe('Đề xuất 1');
    await page.screenshot({ path: `${SHOTS}/proposal-drawn.png` });

    // Drag the north-east vertex 40 px further out.
    const ring = drawn!.geometry.coordinates[0]!;
    const ne = ring.reduce((a, p) => (p[0]! + p[1]! > a[0]! + a[1]! ? p : a));
    const v = await project(page, [ne[0]!, ne[1]!]);
    await drag(page, v, { x: v.x + 40, y: v.y - 30 });
    const [moved] = await storedWhen(page, (ps) => ps.length === 1 && JSON.stringify(ps[0]!.geometry) !== JSON.stringify(drawn!.geometry));
    // Exactly one vertex moved; the other three stayed where they were.
    const before = new Set(ring.map((p) => p.join()));
    expect(moved!.geometry.coordinates[0]!.slice(0, -1).filter((p) => !before.has(p.join()))).toHaveLength(1);
    const withMoved = coverageOf([moved!]);
    expect(withMoved).not.toBe(withOne);
    await expect.poll(() => effect(page).textContent(), { timeout: UI_TIMEOUT }).toBe(`Bích Động ${pctVi(base)} → ${pctVi(withMoved)} với đề xuất`);
    expect(await row(page).locator('.pct').textContent()).toBe(pctVi(withMoved));

    // Finish drawing: the proposals layer draws it (rendered features), in the panel's coverage view.
    await page.getByRole('button', { name: 'Xong' }).click();
    await waitForIdle(page);
    const rendered = await page.evaluate(() => (window as any).__vy.map.queryRenderedFeatures({ layers: ['proposals-fill'] }).map((f: any) => f.properties.name));
    expect(rendered).toContain('Đề xuất 1');
    await page.screenshot({ path: `${SHOTS}/proposal-coverage.png` });

    // Delete: the unit's coverage is the original again, and nothing says "with proposals".
    await page.getByRole('button', { name: 'Xoá đề xuất “Đề xuất 1”' }).click();
    await storedWhen(page, (ps) => ps.length === 0);
    await expect.poll(() => row(page).locator('.pct').textContent(), { timeout: UI_TIMEOUT }).toBe(pctVi(base));
    expect(await row(page).locator('.base-pct').count()).toBe(0);

    // Undo brings it back as it was; a reload keeps it.
    await page.getByRole('button', { name: 'Hoàn tác' }).click();
    await storedWhen(page, (ps) => ps.length === 1 && JSON.stringify(ps[0]!.geometry) === JSON.stringify(moved!.geometry));
    await page.reload();
    await waitForIdle(page);
    await page.getByRole('tab', { name: 'Độ phủ quy hoạch chi tiết' }).click();
    await expect.poll(() => effect(page).textContent(), { timeout: UI_TIMEOUT }).toBe(`Bích Động ${pctVi(base)} → ${pctVi(withMoved)} với đề xuất`);
    expect(await page.locator('.proposal-name').inputValue()).toBe('Đề xuất 1');

    // The files: WGS 84 and VN-2000 / TM-3 107°00′, each importing back to the proposal's area.
    const area = geometryArea(moved!.geometry);
    for (const [label, crs, name] of [['Tải GeoJSON (WGS 84)', null, /EPSG4326/], ['Tải GeoJSON (VN-2000, EPSG:9214)', 'urn:ogc:def:crs:EPSG::9214', /EPSG9214-VN2000-TM3-107\.geojson$/]] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
      expect(download.suggestedFilename()).toMatch(name);
      const bytes = readFileSync((await download.path())!);
      const json = JSON.parse(bytes.toString('utf8'));
      expect(json.crs?.properties.name ?? null).toBe(crs);
      const back = await importFile({ name: download.suggestedFilename(), bytes }, {});
      expect(back.ok).toBe(true);
      if (!back.ok) continue;
      expect(back.collection.features).toHaveLength(1);
      expect(Math.abs(geometryArea(back.collection.features[0]!.geometry as Polygon) - area)).toBeLessThan(1);
    }
    expect(rec.pageErrors).toEqual([]);
    expect(rec.consoleErrors).toEqual([]);
    await context.close();
  });

  it('a polygon clicked out vertex by vertex; the Delete key on the map and undo; moved whole; count-proposals off, kept in the URL', async () => {
    const { page, context, rec } = await newPage(browser);
    await openCoverage(page);
    await page.evaluate((center) => (window as any).__vy.map.jumpTo({ center, zoom: 15.5 }), SPOT);
    await waitForIdle(page);
    await page.getByRole('button', { name: 'Vẽ đa giác' }).click();
    await page.getByRole('button', { name: 'Vẽ đa giác', pressed: true }).waitFor({ timeout: UI_TIMEOUT });
    const c = await project(page, SPOT);
    const corners = [{ x: c.x - 50, y: c.y + 40 }, { x: c.x + 60, y: c.y + 30 }, { x: c.x, y: c.y - 50 }];
    for (const p of corners) {
      await page.mouse.move(p.x, p.y, { steps: 4 });
      await page.mouse.click(p.x, p.y);
    }
    // Back on the first vertex closes the shape.
    await page.mouse.move(corners[0]!.x, corners[0]!.y, { steps: 6 });
    await page.mouse.click(corners[0]!.x, corners[0]!.y);
    const [triangle] = await storedWhen(page, (ps) => ps.length === 1);
    expect(triangle!.geometry.coordinates[0]).toHaveLength(4);
    const base = coverageOf([]);
    await expect.poll(() => effect(page).textContent(), { timeout: UI_TIMEOUT }).toBe(`Bích Động ${pctVi(base)} → ${pctVi(coverageOf([triangle!]))} với đề xuất`);

    // The selected proposal deleted with the keyboard on the map, then brought back.
    await page.locator('canvas.maplibregl-canvas').focus();
    await page.keyboard.press('Delete');
    await storedWhen(page, (ps) => ps.length === 0);
    await expect.poll(() => row(page).locator('.pct').textContent(), { timeout: UI_TIMEOUT }).toBe(pctVi(base));
    await page.getByRole('button', { name: 'Hoàn tác' }).click();
    await storedWhen(page, (ps) => ps.length === 1);
    await expect.poll(() => effect(page).count(), { timeout: UI_TIMEOUT }).toBe(1);

    // Moved whole: clicked to select it, then dragged from inside; every vertex moves.
    const ring = triangle!.geometry.coordinates[0]!.slice(0, 3);
    const inside = await project(page, [ring.reduce((a, p) => a + p[0]!, 0) / 3, ring.reduce((a, p) => a + p[1]!, 0) / 3]);
    await page.mouse.click(inside.x, inside.y);
    await page.locator('.proposal-list li.selected').waitFor({ timeout: UI_TIMEOUT });
    await drag(page, inside, { x: inside.x + 40, y: inside.y + 25 });
    const [moved] = await storedWhen(page, (ps) => ps.length === 1 && ps[0]!.geometry.coordinates[0]!.every((p, i) => p.join() !== triangle!.geometry.coordinates[0]![i]!.join()));
    expect(Math.abs(geometryArea(moved!.geometry) - geometryArea(triangle!.geometry))).toBeLessThan(0.01 * geometryArea(triangle!.geometry));
    await expect.poll(() => effect(page).textContent(), { timeout: UI_TIMEOUT }).toBe(`Bích Động ${pctVi(base)} → ${pctVi(coverageOf([moved!]))} với đề xuất`);

    // Not counted: every unit as without proposals; the link says so and a reload keeps it.
    await page.getByRole('switch', { name: 'Tính cả đề xuất' }).uncheck();
    await expect.poll(() => page.evaluate(() => location.hash), { timeout: UI_TIMEOUT }).toContain('proposals=off');
    await page.getByText('Đề xuất đang không được tính vào độ phủ.').waitFor({ timeout: UI_TIMEOUT });
    await expect.poll(() => page.locator('.coverage-table .base-pct').count(), { timeout: UI_TIMEOUT }).toBe(0);
    expect(await row(page).locator('.pct').textContent()).toBe(pctVi(base));
    await page.reload();
    await waitForIdle(page);
    await page.getByRole('tab', { name: 'Độ phủ quy hoạch chi tiết' }).click();
    expect(await page.getByRole('switch', { name: 'Tính cả đề xuất' }).isChecked()).toBe(false);
    await page.getByText('Đề xuất đang không được tính vào độ phủ.').waitFor({ timeout: UI_TIMEOUT });
    expect(rec.pageErrors).toEqual([]);
    await context.close();
  });

  it('a database from before proposals (version 2) is upgraded: its layers stay, proposals are kept', async () => {
    const { page, context } = await newPage(browser);
    // A page of the app's origin that does not run the app, to write the old database.
    await page.route(baseUrl(), (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>v2</title>' }));
    await page.goto(baseUrl());
    await page.evaluate(() => new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('viet-yen', 2);
      open.onupgradeneeded = () => {
        const db = open.result;
        db.createObjectStore('layers', { keyPath: 'id' });
        db.createObjectStore('decks');
        db.createObjectStore('basemaps');
      };
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction('layers', 'readwrite');
        tx.objectStore('layers').put({
          id: 'import-old-1', name: 'Lớp cũ', role: 'overlay', color: '#0072b2', fileName: 'cu.geojson', provenance: 'indicative',
          createdAt: '2025-06-01T00:00:00.000Z', featureCount: 1, large: false,
          collection: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'a', name: 'A' }, geometry: { type: 'Point', coordinates: [106.1, 21.28] } }] },
        });
        tx.oncomplete = () => (db.close(), resolve());
        tx.onerror = () => reject(tx.error);
      };
    }));
    await page.unroute(baseUrl());
    await openCoverage(page);
    await page.getByRole('button', { name: 'Thêm hình chữ nhật giữa bản đồ' }).click();
    await storedWhen(page, (ps) => ps.length === 1);
    const version = await page.evaluate(() => new Promise<number>((resolve) => {
      const open = indexedDB.open('viet-yen');
      open.onsuccess = () => (resolve(open.result.version), open.result.close());
    }));
    expect(version).toBe(3);
    await page.getByRole('tab', { name: 'Lớp bản đồ' }).click();
    await page.locator('.legend-entry[data-layer="import-old-1"]').waitFor({ timeout: UI_TIMEOUT });
    await context.close();
  });
});

