// Issue 11: no English in the Vietnamese UI, no Vietnamese in the English one — on the info cards of
// a unit, an industrial zone, a tourism site and a (demonstration) plan, and in the legend. The
// check: no visible line equals, or contains as a whole phrase, a catalog message of the other
// language (messages[k][other] where it differs from this language's, longer than 3 characters,
// not a proper name). The cards also show their source beside the confidence, and the badge that
// confidence gives (Chùa Bổ Đà, H: official).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync, readdirSync } from 'node:fs';
import { messages } from '../../src/i18n/messages';
import type { Lang, Localized } from '../../src/i18n/types';
import { catalog } from '../../src/layers/catalog';
import { launch, newPage, openApp, waitForIdle, UI_TIMEOUT } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Messages that are names in both languages, or meant to show in the other language (the language switch). */
const PROPER = new Set(['langName', 'appTitle']);

/** The layer catalog's texts of several words (single words are often part of names: "Đình" in "Đình Trám"). */
const layerTexts: [string, Localized][] = catalog.flatMap((e) => {
  const legend = typeof e.legend === 'function' ? e.legend({ target: 0.8 }) : e.legend;
  const all: Localized[] = [e.title, e.provenanceNote, ...legend.map((i) => i.label), ...Object.values(e.kinds ?? {}),
    ...(e.fields ?? []).flatMap((f) => [f.label, ...Object.values(f.values ?? {})])];
  return all.filter((l) => l.vi.trim().includes(' ') && l.en.trim().includes(' ')).map((l) => [`layer ${e.id}`, l] as [string, Localized]);
});
/** Texts of the data files in one language only: English working notes, Vietnamese descriptions. */
const dataTexts = (() => {
  const en = new Set<string>();
  const vi = new Set<string>();
  for (const f of readdirSync('geodata').filter((x) => x.endsWith('.geojson'))) {
    const fc = JSON.parse(readFileSync(`geodata/${f}`, 'utf8')) as { features: { properties: Record<string, unknown> | null }[] };
    for (const ft of fc.features) {
      const p = ft.properties ?? {};
      if (typeof p.geometry_source === 'string') en.add(p.geometry_source);
      if (typeof p.description === 'string') vi.add(p.description);
    }
  }
  return { en: [...en], vi: [...vi] };
})();

function forbidden(ui: Lang): { key: string; text: string; re: RegExp }[] {
  const other: Lang = ui === 'vi' ? 'en' : 'vi';
  const entries: [string, Localized][] = [...Object.entries(messages).filter(([k]) => !PROPER.has(k)), ...layerTexts,
    ...dataTexts[other].map((t, i) => [`data ${i}`, { vi: other === 'vi' ? t : '', en: other === 'en' ? t : '' }] as [string, Localized])];
  return entries
    .filter(([, m]) => m[other] !== m[ui] && m[other].replace(/\{\w+\}/g, '').trim().length > 3)
    .map(([key, m]) => {
      const body = m[other].replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}/g, '.+?');
      // A whole phrase: bounded by the line's ends or punctuation/space, never inside a word.
      return { key, text: m[other], re: new RegExp(`(?:^|[\\s(:·—,;.])${body}(?:$|[\\s).:·—,;])`, 'u') };
    });
}

/** Visible lines of an element (as rendered: innerText), the feature's own name (a proper name) left out. */
async function visibleLines(page: Page, selector: string): Promise<string[]> {
  const { text, title } = await page.locator(selector).first().evaluate((el) => ({
    text: (el as HTMLElement).innerText,
    title: el.querySelector('.feature-title')?.textContent?.trim() ?? null,
  }));
  return text.split('\n').map((s) => s.trim()).filter((s) => s && s !== title);
}

function offenders(lines: string[], ui: Lang): string[] {
  const bad: string[] = [];
  for (const f of forbidden(ui)) for (const l of lines) if (f.re.test(l)) bad.push(`${f.key} «${f.text}» in «${l}»`);
  // The data's English working notes, whatever their wording.
  if (ui === 'vi') for (const l of lines) if (/\b(?:Indicative|Schematic|Demonstration|Coordinates from|Generalised|Union of)\b/.test(l)) bad.push(`working note in «${l}»`);
  return bad;
}

const CARDS = [
  { sel: 'units-2021/07777', title: 'Thị trấn Bích Động' },
  { sel: 'industry/kcn-dinh-tram', title: 'KCN Đình Trám' },
  { sel: 'tourism/chua-bo-da', title: 'Chùa Bổ Đà' },
  { sel: 'plans-demo/qh-001', title: 'QHCT 1/500 khu đô thị mới Bích Động – Hồng Thái' },
] as const;

async function openCard(page: Page, sel: string, title: string, lang: Lang): Promise<void> {
  await page.evaluate(([s, l]) => (location.hash = `#sel=${s}&lang=${l}&period=2021&panel=legend`), [sel, lang] as const);
  await expect.poll(() => page.getByTestId('feature-card').locator('.feature-title').textContent().catch(() => null), { timeout: UI_TIMEOUT }).toBe(title);
}

describe('one language at a time', () => {
  for (const lang of ['vi', 'en'] as const) {
    it(`${lang} UI: unit, industrial zone, tourism and plan cards and the legend show no ${lang === 'vi' ? 'English' : 'Vietnamese'} catalog text`, async () => {
      const { page, context, rec } = await newPage(browser);
      await openApp(page, `#lang=${lang}`);
      await waitForIdle(page);
      const bad: string[] = [];
      for (const c of CARDS) {
        await openCard(page, c.sel, c.title, lang);
        const lines = await visibleLines(page, '[data-testid="feature-card"]');
        expect(lines.length, c.sel).toBeGreaterThan(3);
        bad.push(...offenders(lines, lang).map((o) => `${c.sel}: ${o}`));
      }
      const legend = await visibleLines(page, '.legend');
      expect(legend.length).toBeGreaterThan(5);
      bad.push(...offenders(legend, lang).map((o) => `legend: ${o}`));
      expect(bad).toEqual([]);
      expect(rec.consoleErrors).toEqual([]);
      await context.close();
    });
  }

  it('the cards show source and confidence, the badge follows the confidence, and a ward says which act made it one', async () => {
    const { page, context } = await newPage(browser);
    await openApp(page, '#lang=vi');
    const card = page.getByTestId('feature-card');
    // Chùa Bổ Đà: confidence H → official badge; its source beside the confidence.
    await openCard(page, 'tourism/chua-bo-da', 'Chùa Bổ Đà', 'vi');
    await expect(card.getByTestId('feature-badge').textContent()).resolves.toBe(messages['provenance.official'].vi);
    await expect(card.getByTestId('feature-confidence').textContent()).resolves.toBe(messages['confidence.H'].vi);
    const source = (await card.getByTestId('feature-source').textContent())!;
    expect(source).toContain(`${messages.sourceLabel.vi}:`);
    expect(source).toContain('2016');
    // KCN Đình Trám: confidence M → indicative.
    await openCard(page, 'industry/kcn-dinh-tram', 'KCN Đình Trám', 'vi');
    await expect(card.getByTestId('feature-badge').textContent()).resolves.toBe(messages['provenance.indicative'].vi);
    await expect(card.getByTestId('feature-confidence').textContent()).resolves.toBe(messages['confidence.M'].vi);
    // A demonstration plan stays demonstration.
    await openCard(page, 'plans-demo/qh-001', CARDS[3].title, 'vi');
    await expect(card.getByTestId('feature-badge').textContent()).resolves.toBe(messages['provenance.demonstration'].vi);
    // Bích Động: became a ward in 2024 — named by 956/QĐ-BXD (11/09/2023), made a ward by 938/NQ-UBTVQH15.
    await openCard(page, 'units-2021/07777', 'Thị trấn Bích Động', 'vi');
    await expect(card.getByTestId('ward-badge').textContent()).resolves.toBe(messages.slatedWard.vi);
    await expect(card.getByTestId('became-ward').textContent()).resolves.toBe(messages.becameWardText.vi);
    const text = (await card.textContent())!;
    expect(text).not.toMatch(/NQ 2021|2021 resolution|Schematic:|Coordinates from/);
    await context.close();
  });
});
