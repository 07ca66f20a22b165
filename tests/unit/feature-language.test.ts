// Issue 11: the info card of every bundled feature speaks the UI language — no English working
// notes (geometry_source) or English aliases in the Vietnamese card, no Vietnamese descriptions in
// the English one — and shows its source beside the confidence, with the badge the confidence gives.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { catalog, entryById } from '../../src/layers/catalog';
import type { LayerEntry } from '../../src/layers/types';
import { featureInfo, aliasesIn, type FeatureInfo } from '../../src/ui/feature-info';
import { knownGeometryText } from '../../src/ui/feature-source';
import { messages } from '../../src/i18n/messages';
import type { Lang } from '../../src/i18n/types';

const root = join(__dirname, '../..');
const fc = (name: string) => JSON.parse(readFileSync(join(root, `geodata/${name}.geojson`), 'utf8')) as FeatureCollection;
const units = fc('units-2021');
const fileOf = (e: LayerEntry) => (e.data ? /geodata\/([\w-]+)\.geojson/.exec(e.data)?.[1] : undefined);
const cards: { entry: LayerEntry; f: Feature }[] = catalog.flatMap((entry) => {
  const file = fileOf(entry);
  return file ? fc(file).features.map((f) => ({ entry, f })) : [];
});
const info = (entry: LayerEntry, f: Feature, lang: Lang): FeatureInfo => featureInfo(entry, f, lang, units, (_e, p) => String(p.name ?? ''));
const texts = (i: FeatureInfo) => [i.kind, i.source, i.geometry, ...i.history, ...i.rows.flatMap((r) => [r.label, r.value]), ...(i.measure ? [i.measure.label] : [])];

/** Catalog messages of one language that differ from the other language's (as whole phrases). */
function phrases(of: Lang): RegExp[] {
  const other: Lang = of === 'vi' ? 'en' : 'vi';
  return Object.values(messages)
    .filter((m) => m[of] !== m[other] && m[of].length > 3 && !/^\{\w+\}$/.test(m[of]))
    .map((m) => new RegExp(`(?:^|[\\s(:·—,;.])${m[of].replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}/g, '.+?')}(?:$|[\\s).:·—,;])`, 'u'));
}

describe('feature cards in the UI language', () => {
  it('every bundled geometry note is one the card can say in both languages', () => {
    const unknown = new Set(cards.map(({ f }) => String(f.properties?.geometry_source ?? '')).filter((s) => s && knownGeometryText(s, 'vi') === null));
    expect([...unknown]).toEqual([]);
  });

  it('the Vietnamese card has no English catalog phrase and no English working note', () => {
    const en = phrases('en');
    const bad: string[] = [];
    for (const { entry, f } of cards) {
      for (const s of texts(info(entry, f, 'vi'))) {
        if (en.some((r) => r.test(s)) || /\b(?:Indicative|Schematic|Demonstration|Coordinates|Generalised|Union of|facts)\b/.test(s)) bad.push(`${entry.id}/${String(f.properties?.id)}: ${s}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('the English card has no Vietnamese catalog phrase and no Vietnamese description', () => {
    const vi = phrases('vi');
    const bad: string[] = [];
    for (const { entry, f } of cards) {
      const i = info(entry, f, 'en');
      for (const s of texts(i)) if (vi.some((r) => r.test(s))) bad.push(`${entry.id}/${String(f.properties?.id)}: ${s}`);
      const d = f.properties?.description;
      if (typeof d === 'string' && i.rows.some((r) => r.value === d)) bad.push(`${entry.id}/${String(f.properties?.id)}: untranslated description`);
      if (typeof f.properties?.heritage_rank === 'string' && i.rows.some((r) => r.value === f.properties!.heritage_rank)) bad.push(`${String(f.properties?.id)}: untranslated heritage rank`);
    }
    expect(bad).toEqual([]);
  });

  it('aliases follow the language; unaccented spellings stay in search', () => {
    const aliases = ['Tứ Ân tự', 'Bổ Đà pagoda', 'Chua Bo Da'];
    expect(aliasesIn(aliases, 'vi')).toEqual(['Tứ Ân tự']);
    expect(aliasesIn(aliases, 'en')).toEqual(['Bổ Đà pagoda']);
    expect(aliasesIn(['Khu công nghiệp Quang Châu', 'Quang Chau industrial zone', 'Quang Chau IP'], 'vi')).toEqual(['Khu công nghiệp Quang Châu']);
  });
});

describe('source, confidence and badge', () => {
  const pick = (layer: string, id: string) => {
    const entry = entryById(layer)!;
    const f = fc(fileOf(entry)!).features.find((x) => x.properties?.id === id)!;
    return { vi: info(entry, f, 'vi'), en: info(entry, f, 'en') };
  };

  it('Chùa Bổ Đà (confidence H) is official, with its source and confidence', () => {
    const { vi, en } = pick('tourism', 'chua-bo-da');
    expect(vi.provenance).toBe('official');
    expect(vi.confidence).toBe('H');
    expect(vi.source).toContain('2016');
    expect(vi.geometry).toContain('Tọa độ');
    expect(en.geometry).toContain('Coordinates');
  });

  it('M and U are indicative; demonstration stays demonstration', () => {
    expect(pick('industry', 'kcn-dinh-tram').vi.provenance).toBe('indicative');
    expect(pick('industry', 'ccn-hoang-mai').vi.provenance).toBe('indicative');
    const plan = pick('plans-demo', 'qh-001');
    expect(plan.vi.provenance).toBe('demonstration');
    expect(plan.vi.source).toMatch(/trình diễn/);
    expect(plan.en.source).toMatch(/fictional/);
  });

  it('planned infrastructure names its document with the date; the golf course its decisions', () => {
    expect(pick('infrastructure', 'ben-xe-viet-yen').vi.source).toContain('162-NQ/TU (10/09/2021)');
    expect(pick('infrastructure', 'ben-xe-viet-yen').en.source).toContain('162-NQ/TU (10 Sep 2021)');
    expect(pick('tourism', 'san-golf-viet-yen').vi.source).toContain('268/QĐ-UBND (14/02/2019');
  });

  it('a unit that became a ward says which act made it one and when; its source names dataset and licence', () => {
    const { vi, en } = pick('units-2021', '07777');
    expect(vi.becameWard).toBe(true);
    expect(vi.history.join(' ')).toContain('956/QĐ-BXD, 11/09/2023');
    expect(vi.history.join(' ')).toContain('938/NQ-UBTVQH15, thông qua 13/12/2023');
    expect(en.history.join(' ')).toContain('named by 956/QĐ-BXD, 11 Sep 2023');
    expect(vi.source).toContain('MIT');
    expect(pick('units-2021', '07768').vi.becameWard).toBe(false);
  });
});
