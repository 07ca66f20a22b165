// Issue 5: browsing for officials — search, feature info, shareable URL and history, periods,
// language, opacity, keyboard, accessibility (axe) and the phone layout.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { PNG } from 'pngjs';
import { launch, newPage, openApp, project, screenshotRegion, colorDistance, waitForIdle, waitForPanel, baseUrl, UI_TIMEOUT } from './browser';

const BO_DA: [number, number] = [106.05263, 21.24253];
mkdirSync('reports', { recursive: true });

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Distance in metres between two lon/lat points (equirectangular: fine at these distances). */
function metres(a: readonly number[], b: readonly number[]): number {
  const k = Math.PI / 180;
  const x = (b[0]! - a[0]!) * k * Math.cos(((a[1]! + b[1]!) / 2) * k);
  const y = (b[1]! - a[1]!) * k;
  return Math.hypot(x, y) * 6_371_000;
}
const card = (page: Page) => page.getByTestId('feature-card');
const mapCenter = (page: Page) => page.evaluate(() => (window as any).__vy.map.getCenter().toArray() as [number, number]);

describe('search', () => {
  it('Enter typed before the search index exists chooses the first hit once it is built', async () => {
    const { page, context, rec } = await newPage(browser);
    // Not openApp: the box is used while the map is still loading (the index waits for its first idle).
    await page.goto(baseUrl());
    const box = page.getByRole('combobox', { name: 'Tìm kiếm' });
    await box.fill('bo da');
    await box.press('Enter');
    await expect.poll(() => card(page).locator('.feature-title').textContent(), { timeout: UI_TIMEOUT }).toBe('Chùa Bổ Đà');
    expect(rec.pageErrors).toEqual([]);
    await context.close();
  });

  it('"bo da" → Enter opens Chùa Bổ Đà and centres the map on it', async () => {
    const { page, context, rec } = await newPage(browser);
    await openApp(page);
    const box = page.getByRole('combobox', { name: 'Tìm kiếm' });
    await box.fill('bo da');
    const first = page.getByRole('option').first();
    await expect(first.locator('.hit-name').textContent()).resolves.toBe('Chùa Bổ Đà');
    await expect(first.locator('.hit-meta').textContent()).resolves.toContain('Xã Tiên Sơn');
    await box.press('Enter');
    await waitForIdle(page);
    await expect(card(page).locator('.feature-title').textContent()).resolves.toBe('Chùa Bổ Đà');
    expect(metres(await mapCenter(page), BO_DA)).toBeLessThan(200);
    // Highlighted on the map.
    const sel = await page.evaluate(() => (window as any).__vy.map.queryRenderedFeatures({ layers: ['selection-point'] }).length);
    expect(sel).toBeGreaterThan(0);
    // Info: kind, Vietnamese labels (no raw keys), the unit it lies in, where the geometry comes from.
    const text = (await card(page).textContent())!;
    expect(text).toContain('Chùa');
    expect(text).toContain('Xếp hạng di tích');
    expect(text).toContain('Xã Tiên Sơn');
    expect(text).not.toMatch(/heritage_rank|geometry_source|unit_code/);
    await page.keyboard.press('Escape');
    await card(page).waitFor({ state: 'detached' });
    expect(rec.consoleErrors).toEqual([]);
    await context.close();
  });

  it('"nenh" finds Nếnh first and what lies in it; ↓ moves the choice', async () => {
    const { page, context } = await newPage(browser);
    await openApp(page);
    const box = page.getByRole('combobox', { name: 'Tìm kiếm' });
    await box.fill('nenh');
    await expect.poll(() => page.getByRole('option').count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(3);
    const names = await page.getByRole('option').locator('.hit-name').allTextContents();
    // The 2021 township and the 2025 ward are both exactly "Nếnh": they come first.
    expect(names.slice(0, 2).sort()).toEqual(['Phường Nếnh', 'Thị trấn Nếnh']);
    expect(names.length).toBeGreaterThan(3);
    const metas = await page.getByRole('option').locator('.hit-meta').allTextContents();
    expect(metas.slice(2).some((m) => m.includes('Thị trấn Nếnh'))).toBe(true);
    await box.press('ArrowDown');
    await expect(page.getByRole('option').nth(1).getAttribute('aria-selected')).resolves.toBe('true');
    await box.press('Enter');
    await expect(card(page).locator('.feature-title').textContent()).resolves.toBe(names[1]);
    await context.close();
  });

  it('a list that opens under a resting pointer keeps the first hit for Enter; moving the pointer onto a hit chooses it', async () => {
    const { page, context } = await newPage(browser);
    await openApp(page);
    const box = page.getByRole('combobox', { name: 'Tìm kiếm' });
    await box.fill('nenh');
    // The search index is built after the map's first idle: wait for its hits.
    await expect.poll(() => page.getByRole('option').count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(2);
    const names = await page.getByRole('option').locator('.hit-name').allTextContents();
    const third = (await page.getByRole('option').nth(2).boundingBox())!;
    // Close the list, rest the pointer where the third hit will appear, and type again.
    await box.fill('');
    await expect.poll(() => page.getByRole('option').count(), { timeout: UI_TIMEOUT }).toBe(0);
    await page.mouse.move(third.x + third.width / 2, third.y + third.height / 2);
    await box.fill('nenh');
    await expect.poll(() => page.getByRole('option').count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(2);
    // Browsers update hover after the next frames: let a few pass before looking at the choice.
    await page.evaluate(() => new Promise<void>((done) => {
      let n = 0;
      const tick = () => (++n < 4 ? requestAnimationFrame(tick) : done());
      requestAnimationFrame(tick);
    }));
    expect(await page.getByRole('option').nth(2).getAttribute('aria-selected')).toBe('false');
    await box.press('Enter');
    await expect.poll(() => card(page).locator('.feature-title').textContent(), { timeout: UI_TIMEOUT }).toBe(names[0]);
    // A pointer that moves over a hit makes it the choice.
    await box.fill('nenh');
    await page.mouse.move(third.x + third.width / 2 + 4, third.y + third.height / 2 + 1);
    await expect.poll(() => page.getByRole('option').nth(2).getAttribute('aria-selected'), { timeout: UI_TIMEOUT }).toBe('true');
    await box.press('Enter');
    await expect.poll(() => card(page).locator('.feature-title').textContent(), { timeout: UI_TIMEOUT }).toBe(names[2]);
    await context.close();
  });

  it('shows a polygon\'s area in ha and a line\'s length in km', async () => {
    const { page, context } = await newPage(browser);
    await openApp(page);
    const box = page.getByRole('combobox', { name: 'Tìm kiếm' });
    await box.fill('KCN Quang Châu');
    await box.press('Enter');
    await expect(card(page).getByTestId('feature-measure').textContent()).resolves.toMatch(/^4\d\d(,\d)? ha$/);
    await box.fill('ql37');
    await box.press('Enter');
    await expect(card(page).getByTestId('feature-measure').textContent()).resolves.toMatch(/^\d+(,\d+)? km$/);
    await context.close();
  });
});

describe('the map as a list', () => {
  it('the closed list holds no button; opened, it lists the visible layers\' features, and a button shows one on the map', async () => {
    const { page, context, rec } = await newPage(browser);
    await openApp(page);
    const list = page.locator('details.feature-list');
    // Built only when opened (the first view does not show it).
    expect(await list.getByRole('button').count()).toBe(0);
    await list.locator('summary').click();
    await expect.poll(() => list.getByRole('heading', { level: 3 }).allTextContents(), { timeout: UI_TIMEOUT })
      .toContain('Xã, thị trấn (2021) (17)');
    const button = list.getByRole('button', { name: /Bích Động$/ }).first();
    const name = (await button.textContent())!;
    await button.click();
    await expect.poll(() => card(page).locator('.feature-title').textContent(), { timeout: UI_TIMEOUT }).toBe(name);
    // A layer switched off leaves the list.
    expect(await list.getByRole('heading', { level: 3 }).allTextContents()).toContainEqual(expect.stringMatching(/công nghiệp/));
    await page.getByRole('checkbox', { name: 'Khu, cụm công nghiệp' }).uncheck();
    await expect.poll(() => list.getByRole('heading', { level: 3 }).allTextContents(), { timeout: UI_TIMEOUT })
      .not.toContainEqual(expect.stringMatching(/công nghiệp/));
    expect(rec.pageErrors).toEqual([]);
    await context.close();
  });
});

describe('shareable state', () => {
  it('a copied link opens elsewhere with the same layers, pixels and panel', async () => {
    const { page, context } = await newPage(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openApp(page);
    await page.getByRole('checkbox', { name: 'Khu, cụm công nghiệp' }).uncheck();
    await page.getByRole('combobox', { name: 'Tìm kiếm' }).fill('dinh tho ha');
    await page.getByRole('combobox', { name: 'Tìm kiếm' }).press('Enter');
    await waitForIdle(page);
    await page.getByRole('button', { name: 'Sao chép liên kết' }).click();
    await page.getByText('Đã sao chép liên kết').waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(page.url());
    expect(link).toContain('sel=tourism/dinh-tho-ha');
    // Compare the map right of the side panel (the panel's search box holds the typed query).
    const clip = { x: 400, y: 0, width: 966, height: 768 };
    const shotA = PNG.sync.read(await page.screenshot({ clip }));

    const other = await newPage(browser);
    await other.page.goto(link);
    await waitForIdle(other.page);
    await waitForPanel(other.page);
    expect(await other.page.getByRole('checkbox', { name: 'Khu, cụm công nghiệp' }).isChecked()).toBe(false);
    await expect(card(other.page).locator('.feature-title').textContent()).resolves.toBe('Đình Thổ Hà');
    const shotB = PNG.sync.read(await other.page.screenshot({ clip }));
    // Same pixels (allowing for anti-aliasing noise).
    let differ = 0;
    for (let i = 0; i < shotA.data.length; i += 4) {
      if (Math.abs(shotA.data[i]! - shotB.data[i]!) + Math.abs(shotA.data[i + 1]! - shotB.data[i + 1]!) + Math.abs(shotA.data[i + 2]! - shotB.data[i + 2]!) > 30) differ++;
    }
    expect(differ / (shotA.width * shotA.height)).toBeLessThan(0.01);
    await other.context.close();
    await context.close();
  });

  it('back and forward step through layer changes, not camera moves', async () => {
    const { page, context } = await newPage(browser);
    await openApp(page);
    const industry = page.getByRole('checkbox', { name: 'Khu, cụm công nghiệp' });
    await industry.uncheck();
    await page.getByRole('checkbox', { name: 'Du lịch và di sản' }).uncheck();
    // Camera moves replace the entry instead of adding one.
    await page.evaluate(() => (window as any).__vy.map.jumpTo({ zoom: 13 }));
    await page.evaluate(() => (window as any).__vy.map.jumpTo({ zoom: 12 }));
    await waitForIdle(page);
    await page.goBack();
    await expect.poll(() => page.getByRole('checkbox', { name: 'Du lịch và di sản' }).isChecked(), { timeout: UI_TIMEOUT }).toBe(true);
    expect(await industry.isChecked()).toBe(false);
    await page.goBack();
    await expect.poll(() => industry.isChecked(), { timeout: UI_TIMEOUT }).toBe(true);
    await page.goForward();
    await expect.poll(() => industry.isChecked(), { timeout: UI_TIMEOUT }).toBe(false);
    // The layer's pixels follow the state.
    expect(await page.evaluate(() => (window as any).__vy.map.getLayoutProperty('industry-fill', 'visibility'))).toBe('none');
    await context.close();
  });
});

describe('periods', () => {
  it('2025 shows the 4 wards with the units they absorbed; a unit shows its history', async () => {
    const { page, context } = await newPage(browser);
    await openApp(page);
    await page.getByRole('radio', { name: /^2025/ }).check();
    await waitForIdle(page);
    const wards = await page.evaluate(() => [...new Set((window as any).__vy.map.queryRenderedFeatures({ layers: ['wards-2025-areas-fill'] }).map((f: any) => f.properties.name))].sort());
    expect(wards).toEqual(['Nếnh', 'Tự Lạn', 'Vân Hà', 'Việt Yên'].sort());
    expect(await page.locator('.legend').textContent()).toContain('Phường Vân Hà');
    expect(await page.evaluate(() => (window as any).__vy.map.getLayoutProperty('units-2021-fill', 'visibility'))).toBe('none');
    // Click a ward: its info lists the units it absorbed.
    // A little south of Nếnh's reference point, where an indicative place (a quan họ village) is drawn.
    const p = await project(page, [106.1149, 21.2415]);
    await page.mouse.click(p.x, p.y);
    await expect(card(page).locator('.feature-title').textContent()).resolves.toBe('Phường Nếnh');
    const absorbed = await card(page).getByTestId('feature-history').textContent();
    expect(absorbed).toContain('Xã Quang Châu');
    expect(absorbed).toContain('Xã Tăng Tiến');

    await page.getByRole('radio', { name: /^2024/ }).check();
    await waitForIdle(page);
    const labels2024 = () => page.evaluate(() => (window as any).__vy.map.queryRenderedFeatures({ layers: ['units-2024-label'] }).map((f: any) => f.properties.type_2024 + ' ' + f.properties.name) as string[]);
    await expect.poll(labels2024, { timeout: UI_TIMEOUT }).toContain('Phường Bích Động');
    const labels = await labels2024();
    expect(labels).toContain('Xã Minh Đức');
    const q = await project(page, [106.127, 21.2686]);
    await page.mouse.click(q.x, q.y);
    await expect(card(page).locator('.feature-title').textContent()).resolves.toBe('Phường Hồng Thái');
    const history = await card(page).getByTestId('feature-history').textContent();
    expect(history).toContain('2021: Xã Hồng Thái — một trong 9 đơn vị lên phường năm 2024 (nêu tên ở QĐ 956/QĐ-BXD');
    expect(history).toContain('thuộc Phường Việt Yên, tỉnh Bắc Ninh');
    expect(page.url()).toContain('period=2024');
    await context.close();
  });
});

describe('language, opacity, keyboard, accessibility, layout', () => {
  it('switches to English without losing state', async () => {
    const { page, context } = await newPage(browser);
    await openApp(page);
    await page.getByRole('combobox', { name: 'Tìm kiếm' }).fill('bo da');
    await page.getByRole('combobox', { name: 'Tìm kiếm' }).press('Enter');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('#legend-title').textContent()).resolves.toBe('Legend');
    await expect(card(page).locator('.feature-kind').textContent()).resolves.toBe('Pagoda');
    expect(await card(page).textContent()).toContain('Heritage rank');
    expect(await page.getByRole('combobox', { name: 'Search' }).count()).toBe(1);
    expect(await page.getByRole('checkbox', { name: 'Tourism and heritage' }).isChecked()).toBe(true);
    expect(page.url()).toContain('lang=en');
    // No Vietnamese-only UI text left in the panel chrome (names of places stay Vietnamese).
    const tabs = await page.getByRole('tab').allTextContents();
    expect(tabs).toEqual(['Layers', 'Detailed-plan coverage', 'Resolution', 'My data', 'Present']);
    await context.close();
  });

  it('the opacity slider changes the layer\'s pixels', async () => {
    const { page, context } = await newPage(browser);
    await openApp(page);
    const p = await project(page, [106.1116, 21.3115]); // Minh Đức: only the units layer there
    const before = await screenshotRegion(page, p.x, p.y, 10);
    const slider = page.getByRole('slider', { name: 'Độ đậm của lớp Xã, thị trấn (2021)' });
    await slider.focus();
    for (let i = 0; i < 10; i++) await slider.press('ArrowLeft');
    await waitForIdle(page);
    const after = await screenshotRegion(page, p.x, p.y, 10);
    let changed = 0;
    for (let dx = -10; dx <= 10; dx += 2) for (let dy = -10; dy <= 10; dy += 2) if (colorDistance(before.at(dx, dy), after.at(dx, dy)) > 15) changed++;
    expect(changed / 121).toBeGreaterThan(0.6);
    expect(page.url()).toContain('opacity=units-2021:0.5');
    await context.close();
  });

  it('every control is reachable by keyboard with a visible focus mark', async () => {
    const { page, context } = await newPage(browser);
    await openApp(page);
    const seen = new Set<string>();
    let withoutOutline = 0;
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const cs = getComputedStyle(el);
        const labelled = (el as HTMLInputElement).labels?.[0]?.textContent?.trim();
        const name = el.getAttribute('aria-label') || labelled || el.textContent?.trim().slice(0, 40) || el.id || el.tagName;
        return { key: `${el.tagName}:${name}`, outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0 };
      });
      if (!info) continue;
      seen.add(info.key);
      if (!info.outline) withoutOutline++;
    }
    const keys = [...seen].join('\n');
    expect(keys).toContain('Tìm kiếm');
    expect(keys).toContain('Xã, thị trấn (2021)');
    expect(keys).toContain('Sao chép liên kết');
    expect(withoutOutline).toBe(0);
    await context.close();
  });

  it('axe finds no serious or critical violation (desktop and phone)', async () => {
    for (const size of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
      const { page, context } = await newPage(browser, size);
      await openApp(page);
      const result = await new AxeBuilder({ page }).exclude('.maplibregl-canvas').analyze();
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
      await context.close();
    }
  });

  it('on a phone the side panel is a bottom sheet; screenshots at both sizes', async () => {
    const { page, context } = await newPage(browser, { width: 390, height: 844 });
    await openApp(page);
    const box = (await page.locator('.side-panel').boundingBox())!;
    expect(box.width).toBe(390);
    expect(Math.round(box.y + box.height)).toBe(844);
    expect(box.height).toBeLessThan(844 * 0.5);
    await page.screenshot({ path: 'reports/phone-390x844.png' });
    await context.close();
    const desk = await newPage(browser);
    await openApp(desk.page);
    await desk.page.screenshot({ path: 'reports/desktop-1366x768.png' });
    await desk.context.close();
    void baseUrl;
  });
});
