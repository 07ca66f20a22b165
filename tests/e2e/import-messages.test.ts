// Issue 13, point 2, in the browser: a plan register with a self-intersecting plan and a status the
// register vocabulary does not know, chosen through the file chooser. The review step lists the
// error and the warning in Vietnamese, each with the file, the feature's number (from 1) and its id;
// switched to English, the same lines read in English. No English in the Vietnamese lines.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { launch, newPage, openApp, UI_TIMEOUT } from './browser';

const FILE = 'so-quy-hoach.geojson';
const bowtie = [[[106.09, 21.28], [106.1, 21.29], [106.1, 21.28], [106.09, 21.29], [106.09, 21.28]]];
const square = [[[106.09, 21.28], [106.1, 21.28], [106.1, 21.29], [106.09, 21.29], [106.09, 21.28]]];
const register = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { id: 'qh-no', ten: 'Khu nơ', tinh_trang: 'Đã phê duyệt' }, geometry: { type: 'Polygon', coordinates: bowtie } },
    { type: 'Feature', properties: { id: 'qh-xyz', ten: 'Khu vuông', tinh_trang: 'chờ xem xét' }, geometry: { type: 'Polygon', coordinates: square } },
  ],
};

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The visible lines of a list (innerText: what is rendered, not hidden text). */
async function lines(list: Locator): Promise<string[]> {
  return (await list.innerText()).split('\n').map((s) => s.trim()).filter(Boolean);
}

describe('problems of an imported file in the user\'s language', () => {
  it('lists a self-intersection and an unknown status in Vietnamese, then in English, with file, feature number and id', async () => {
    const { page, context, rec } = await newPage(browser);
    await openApp(page);
    await page.getByRole('tab', { name: 'Dữ liệu của tôi' }).click();
    await page.getByTestId('import-input').setInputFiles({ name: FILE, mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(register)) });
    const item = page.getByTestId('pending-import');
    await item.getByRole('button', { name: 'Thêm vào bản đồ' }).waitFor({ timeout: UI_TIMEOUT });
    await item.getByRole('radio', { name: /Sổ quy hoạch/ }).check();

    // The error list is open; the warnings are folded until asked for.
    const problems = item.getByTestId('import-problems');
    const warnings = item.getByTestId('import-warnings');
    await expect.poll(() => problems.isVisible(), { timeout: UI_TIMEOUT }).toBe(true);
    await item.getByText(/cảnh báo \(đối tượng vẫn được nạp\)/).click();
    await expect.poll(() => warnings.isVisible(), { timeout: UI_TIMEOUT }).toBe(true);

    const vi = { problems: await lines(problems), warnings: await lines(warnings) };
    expect(vi.problems).toContain(`${FILE}: đối tượng 1 (mã qh-no): tự cắt tại [106.095, 21.285]`);
    expect(vi.warnings).toContain(
      `${FILE}: đối tượng 2 (mã qh-xyz): thuộc tính "status" là "chờ xem xét": không phải tình trạng quy hoạch mà bộ từ vựng của sổ quy hoạch biết `
        + '(approved, in_preparation, hoặc "đã phê duyệt", "đang lập"…); quy hoạch này không được tính',
    );
    for (const l of [...vi.problems, ...vi.warnings]) expect(l).not.toMatch(/\bfeature\b|self-intersection|property|not a plan status|does not count/);
    // An error keeps the file out of the map until repaired or left out.
    expect(await item.getByRole('button', { name: 'Thêm vào bản đồ' }).isDisabled()).toBe(true);

    // The same review step in English: switched in place, the file still pending.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => lines(problems), { timeout: UI_TIMEOUT }).toContain(`${FILE}: feature 1 (id qh-no): self-intersection at [106.095, 21.285]`);
    expect(await lines(warnings)).toContain(
      `${FILE}: feature 2 (id qh-xyz): property "status" is "chờ xem xét", not a plan status the register vocabulary knows `
        + '(approved, in_preparation, or "đã phê duyệt", "đang lập"…); this plan does not count',
    );
    expect(await item.getByText(/problems in features/).isVisible()).toBe(true);

    expect(rec.pageErrors).toEqual([]);
    await context.close();
  });
});
