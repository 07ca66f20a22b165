// Issue 3: each group's layers are drawn (pixels change when the group is switched off), a click on
// a feature of each group shows its name, and the plan register is marked as demonstration data.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { pointOnFeature } from '@turf/turf';
import { launch, newPage, openApp, project, screenshotRegion, colorDistance, waitForIdle } from './browser';

const load = (f: string) => JSON.parse(readFileSync(`geodata/${f}.geojson`, 'utf8')) as FeatureCollection;
const feature = (file: string, id: string) => load(file).features.find((f) => f.properties?.id === id)! as Feature<Geometry>;

/** A position on the feature: the point itself, a middle vertex of a line, a point inside a polygon. */
function anchor(f: Feature<Geometry>): [number, number] {
  const g = f.geometry;
  if (g.type === 'Point') return g.coordinates as [number, number];
  if (g.type === 'LineString' || g.type === 'MultiLineString') {
    const line: Position[] = g.type === 'LineString' ? g.coordinates : g.coordinates[0]!;
    return line[Math.floor(line.length / 2)] as [number, number];
  }
  return pointOnFeature(f).geometry.coordinates as [number, number];
}

const cases = [
  { group: 'Công nghiệp', layer: 'Khu, cụm công nghiệp', file: 'industry', id: 'kcn-quang-chau', name: 'KCN Quang Châu', mapLayer: 'industry-fill' },
  { group: 'Hạ tầng', layer: 'Hạ tầng giao thông, logistics', file: 'infrastructure', id: 'ql37', name: 'QL37', mapLayer: 'infrastructure-road' },
  { group: 'Du lịch & di sản', layer: 'Du lịch và di sản', file: 'tourism', id: 'chua-bo-da', name: 'Chùa Bổ Đà', mapLayer: 'tourism-point' },
  { group: 'Quy hoạch', layer: 'Quy hoạch chi tiết, phân khu (trình diễn)', file: 'plans-demo', id: 'qh-001', name: 'QHCT 1/500 khu đô thị mới Bích Động – Hồng Thái', mapLayer: 'plans-demo-fill' },
];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function meanDiff(page: Page, at: { x: number; y: number }, before: Awaited<ReturnType<typeof screenshotRegion>>) {
  const after = await screenshotRegion(page, at.x, at.y, 2);
  let d = 0;
  for (let dx = -2; dx <= 2; dx++) for (let dy = -2; dy <= 2; dy++) d += colorDistance(before.at(dx, dy), after.at(dx, dy));
  return d / 25;
}

describe('planning layers', () => {
  for (const c of cases) {
    it(`draws ${c.file} and its group switch removes it; a click shows "${c.name}"`, async () => {
      const { page, context, rec } = await newPage(browser);
      await openApp(page);
      const layerBox = page.getByRole('checkbox', { name: c.layer, exact: true });
      if (!(await layerBox.isChecked())) {
        await layerBox.check();
        await waitForIdle(page);
      }
      const f = feature(c.file, c.id);
      const ll = anchor(f);
      // Zoom in on the feature so it is large enough to sample and click.
      await page.evaluate((center) => (window as any).__vy.map.jumpTo({ center, zoom: 14 }), ll);
      await waitForIdle(page);
      const at = await project(page, ll);
      const rendered = await page.evaluate(({ x, y, layer }) => {
        const m = (window as any).__vy.map;
        const r = m.getCanvas().getBoundingClientRect();
        return m.queryRenderedFeatures([[x - r.left - 3, y - r.top - 3], [x - r.left + 3, y - r.top + 3]], { layers: [layer] }).map((q: any) => q.properties.id);
      }, { ...at, layer: c.mapLayer });
      expect(rendered).toContain(c.id);
      const on = await screenshotRegion(page, at.x, at.y, 2);

      await page.mouse.click(at.x, at.y);
      await expect(page.getByTestId('feature-card').locator('.feature-title').textContent()).resolves.toBe(c.name);
      await page.keyboard.press('Escape');

      const groupBox = page.getByRole('checkbox', { name: `Hiện nhóm ${c.group}` });
      await groupBox.click();
      expect(await groupBox.isChecked()).toBe(false);
      expect(await layerBox.isChecked()).toBe(false);
      await waitForIdle(page);
      expect(await meanDiff(page, at, on)).toBeGreaterThan(20);
      expect(rec.consoleErrors).toEqual([]);
      await context.close();
    });
  }

  it('marks the plan register as demonstration data in the legend and the info', async () => {
    const { page, context } = await newPage(browser);
    await openApp(page);
    const entry = page.locator('.legend-entry[data-layer="plans-demo"]');
    await expect(entry.locator('.prov').textContent()).resolves.toBe('Dữ liệu trình diễn');
    await page.getByRole('tab', { name: 'Độ phủ quy hoạch chi tiết' }).click();
    await expect(page.locator('.demo-warning').textContent()).resolves.toContain('DỮ LIỆU TRÌNH DIỄN');
    await context.close();
  });
});
