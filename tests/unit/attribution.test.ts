// Issue 11: nothing the app ships credits the list of nine wards to the 2021 resolution.
// 162-NQ/TU (10 Sep 2021) sets the NUMBER of wards (9) but names none; the nine are first named by
// 956/QĐ-BXD (11 Sep 2023) and made wards by 938/NQ-UBTVQH15 (adopted 13 Dec 2023, in force 1 Feb
// 2024). The detector below works sentence by sentence with patterns; its fixtures show what it
// must catch and what it must let through. It scans the message catalog, the layer catalog's
// texts, the info card's texts for every bundled feature, geodata/*.json (resolution, default deck),
// the properties of geodata/*.geojson, README.md and geodata/README.md.
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { messages } from '../../src/i18n/messages';
import { catalog } from '../../src/layers/catalog';
import type { LayerEntry } from '../../src/layers/types';
import { featureInfo } from '../../src/ui/feature-info';
import { LANGS } from '../../src/i18n/types';

const root = join(__dirname, '../..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');

// ---- the detector ----

/** A reference to the 2021 resolution. */
const R21 = String.raw`(?:162-NQ\/TU|NQ\s*162\b|nghị quyết\s+(?:số\s+)?162|resolution\s+162|(?:the\s+)?2021\s+(?:provincial\s+)?resolution|resolution\s+of\s+(?:10\s+sep(?:tember)?\s+)?2021|NQ\s*(?:năm\s*)?2021|nghị quyết\s+(?:năm\s+)?2021)`;
const SLATE = String.raw`(?:slated|dự kiến lên phường|lên phường|become\s+(?:a\s+)?wards?|to\s+be\s+wards?)`;
const NAME_EN = String.raw`(?:slated|slates|chose|chosen|chooses|named|names|selected|selects|listed|lists|designated|designates|picked|identified|identifies)`;
const NAME_VI = String.raw`(?:chọn|lựa chọn|nêu tên|gọi tên|liệt kê|xác định danh sách)`;
const NEGATION = /\b(?:not|never|no|nor|but|none)\b|không|chưa/i;
/** The units the sentence must be about for a naming verb to count. */
const ABOUT_UNITS = /ward|phường|\bunits?\b|đơn vị|commune|\bxã\b|\bnine\b|\b9\b/i;
const NINE = ['Bích Động', 'Nếnh', 'Hồng Thái', 'Tăng Tiến', 'Quảng Minh', 'Ninh Sơn', 'Vân Trung', 'Quang Châu', 'Tự Lạn'];
const CORRECT_NAMER = /956\/QĐ-BXD|938\/NQ-UBTVQH15/;

const re = (s: string) => new RegExp(s, 'iu');
const RULES: { why: string; test: (s: string) => boolean }[] = [
  // "Dự kiến lên phường (NQ 2021)", "Slated to become a ward (2021 resolution)"
  { why: 'slated / ward credited to the 2021 resolution in parentheses', test: (s) => re(String.raw`${SLATE}[^.()]{0,40}\(\s*(?:${R21}|2021)\s*\)`).test(s) },
  // "(dự kiến lên phường 2021)", "(slated 2021)"
  { why: 'slated in 2021', test: (s) => re(String.raw`(?:slated|dự kiến lên phường)\s+(?:in\s+)?2021\b`).test(s) },
  // "the 2021 resolution slated / chose / named …", "nghị quyết 2021 đã chọn"
  {
    why: 'the 2021 resolution as the one that chose or named the units',
    test: (s) => {
      if (!ABOUT_UNITS.test(s)) return false;
      for (const verbs of [String.raw`\b${NAME_EN}\b(?!\s+(?:none|no\b|nothing))`, String.raw`(?:đã\s+)?${NAME_VI}`]) {
        const r = new RegExp(String.raw`${R21}(?:'s)?\s*(?:\([^)]*\)\s*)?(.{0,40}?)${verbs}`, 'giu');
        for (const m of s.matchAll(r)) if (!NEGATION.test(m[1]!)) return true;
      }
      return false;
    },
  },
  // "slated by the 2021 resolution", "chosen under resolution 162", "lên phường theo Nghị quyết 2021"
  {
    why: 'units credited (passive) to the 2021 resolution',
    test: (s) =>
      re(String.raw`\b(?:slated|chosen|named|selected|listed|designated|picked|identified)\s+(?:to\s+become\s+(?:a\s+)?wards?\s+)?(?:by|in|under|according\s+to)\s+(?:the\s+)?${R21}`).test(s) ||
      re(String.raw`(?:được\s+)?(?:${NAME_VI}|dự kiến lên phường|lên phường)\s+(?:trong|theo|tại|bởi|ở)\s+${R21}`).test(s),
  },
  // "the 2021 resolution's nine units", "the 9 units of the 2021 resolution"
  {
    why: 'the nine as the 2021 resolution’s',
    test: (s) =>
      re(String.raw`${R21}'s\s+(?:nine|9)\b`).test(s) ||
      re(String.raw`\b(?:nine|9)\s+(?:slated\s+)?(?:units|communes|wards|đơn vị|xã)\s+(?:of|in|from|của|theo|trong)\s+(?:the\s+)?${R21}`).test(s),
  },
  // A list of the units in a sentence citing the 2021 resolution (and not the acts that named them).
  { why: 'list of the nine next to the 2021 resolution', test: (s) => re(R21).test(s) && !CORRECT_NAMER.test(s) && NINE.filter((n) => s.includes(n)).length >= 4 },
  // "162-NQ/TU" next to "named" (not negated, not naming the act that did).
  {
    why: 'the 2021 resolution next to "named"',
    test: (s) =>
      re(R21).test(s) && /\bnamed\b|nêu tên/iu.test(s) && !CORRECT_NAMER.test(s) &&
      !/(?:không|chưa)\s+nêu tên|\bnames?\s+none\b|\bnamed\s+none\b|\b(?:never|not)\s+(?:\w+\s+)?named\b/iu.test(s),
  },
];

/** Sentences of a text: markdown emphasis and line wraps removed, split at sentence ends and table cells. */
export function sentences(text: string): string[] {
  return text
    .replace(/\*\*|__|`/g, '')
    .split(/\n\s*\n|\||(?<=[.!?])\s+|\n(?=\s*[-#>*]|\s*\d+\.\s)/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** The sentences of `text` that credit the list of nine to the 2021 resolution, with the rule each breaks. */
export function misattributions(text: string): string[] {
  const out: string[] = [];
  for (const s of sentences(text)) {
    const rule = RULES.find((r) => r.test(s));
    if (rule) out.push(`${rule.why}: «${s}»`);
  }
  return out;
}

describe('the detector', () => {
  it.each([
    'Dự kiến lên phường (NQ 2021)',
    'Slated to become a ward (2021 resolution)',
    '| `slated_ward` | boolean | one of the 9 units the 2021 resolution slated to become wards |',
    'Resolution 938/NQ-UBTVQH15: Việt Yên district became Việt Yên town on 1 Feb 2024, with 9 wards and 8 communes — the same 9 units the 2021 resolution chose.',
    'Nghị quyết 938/NQ-UBTVQH15: huyện Việt Yên thành thị xã Việt Yên từ 1/2/2024, gồm 9 phường và 8 xã — đúng 9 đơn vị nghị quyết 2021 đã chọn.',
    '2021: Xã Hồng Thái — dự kiến lên phường (NQ 2021)',
    'Xã Hồng Thái (dự kiến lên phường 2021)',
    'Commune Hồng Thái (slated 2021)',
    'The nine wards were named by resolution 162-NQ/TU.',
    'Nghị quyết 162-NQ/TU nêu tên 9 xã, thị trấn lên phường.',
    'Resolution 162-NQ/TU: Bích Động, Nếnh, Hồng Thái, Tăng Tiến, Quảng Minh, Ninh Sơn, Vân Trung, Quang Châu and Tự Lạn become wards.',
    "town: the 2021 provincial resolution's 17 communes and townships, the 9 slated to become wards, the thị xã of 2024",
    'The 9 units slated by the 2021 resolution are shown in orange.',
    'Các xã được chọn theo Nghị quyết 2021 có màu cam.',
    "These are the 2021 resolution's nine units.",
    'The resolution 162-NQ/TU, which named the nine units, was adopted in 2021.',
  ])('catches %s', (text) => {
    expect(misattributions(text)).not.toEqual([]);
  });

  it.each([
    'the 2021 resolution sets the number of wards (9)',
    '> **The 2021 resolution 162-NQ/TU (Bắc Giang, 10 Sep 2021) sets the NUMBER of units to become\n> wards (9) but names none.** The nine are first named by 956/QĐ-BXD (11 Sep 2023) and made wards\n> by 938/NQ-UBTVQH15 (adopted 13 Dec 2023, in force 1 Feb 2024).',
    'Nghị quyết 2021 chỉ định số lượng (9) đơn vị lên phường, không nêu tên; danh sách 9 đơn vị lần đầu xuất hiện ở Quyết định 956/QĐ-BXD (11/09/2023).',
    'Lên phường 2024 (956/QĐ-BXD 11/09/2023; 938/NQ-UBTVQH15)',
    'Became a ward in 2024 (956/QĐ-BXD, 11 Sep 2023; 938/NQ-UBTVQH15)',
    'one of the 9 units that became wards (named by 956/QĐ-BXD, 2023)',
    'Resolution 162-NQ/TU (2021) set the goal of making Việt Yên a town (thị xã) by 2025: 9 units to become wards, detailed plans covering more than 80% of those units.',
    'Cảng thủy nội địa trên sông Cầu theo Nghị quyết 162-NQ/TU; chưa công bố vị trí.',
    'The 2021 resolution never named the units.',
    'Mục tiêu của Nghị quyết 162-NQ/TU (2021): quy hoạch chi tiết phủ trên 80% diện tích các đơn vị lên phường.',
    'Orange: the 9 units that became wards in 2024 (Bích Động, Nếnh, Hồng Thái, Tăng Tiến, Quảng Minh, Ninh Sơn, Vân Trung, Quang Châu, Tự Lạn), first named by decision 956/QĐ-BXD (11 Sep 2023); the 2021 resolution set the number (9), not the names.',
    'Nghị quyết 2021 chỉ đặt số lượng 9, không nêu tên.',
    'The 9 units slated to become wards meet the target.',
  ])('lets through %s', (text) => {
    expect(misattributions(text)).toEqual([]);
  });
});

// ---- the shipped strings ----

function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => strings(x, out));
  return out;
}

function catalogTexts(e: LayerEntry): string[] {
  const legend = typeof e.legend === 'function' ? e.legend({ target: 0.8 }) : e.legend;
  return strings([e.title, e.provenanceNote, legend.map((i) => i.label), e.kinds ?? {}, (e.fields ?? []).map((f) => [f.label, f.values ?? {}])]);
}

const geodataFiles = (ext: string) => readdirSync(join(root, 'geodata')).filter((f) => f.endsWith(ext)).map((f) => `geodata/${f}`);
const collections = Object.fromEntries(geodataFiles('.geojson').map((f) => [f, JSON.parse(read(f)) as FeatureCollection]));

describe('shipped strings credit the list of nine to the acts that named them, never to the 2021 resolution', () => {
  it('message catalog', () => {
    expect(Object.entries(messages).flatMap(([k, m]) => [...misattributions(m.vi), ...misattributions(m.en)].map((p) => `${k}: ${p}`))).toEqual([]);
  });

  it('layer catalog texts (titles, notes, legends, field labels and values)', () => {
    expect(catalog.flatMap((e) => catalogTexts(e).flatMap((s) => misattributions(s).map((p) => `${e.id}: ${p}`)))).toEqual([]);
  });

  it('the info card of every bundled feature (history, source, geometry), in both languages', () => {
    const units = collections['geodata/units-2021.geojson'];
    const out: string[] = [];
    for (const e of catalog) {
      const file = e.data ? Object.keys(collections).find((f) => e.data!.includes(f.slice('geodata/'.length).replace('.geojson', ''))) : undefined;
      for (const f of (file ? collections[file]!.features : []) as Feature[]) {
        for (const l of LANGS) {
          const i = featureInfo(e, f, l, units, (_e, p) => String(p.name ?? ''));
          for (const s of [...i.history, i.source, i.geometry, ...i.rows.map((r) => r.value)]) out.push(...misattributions(s).map((p) => `${e.id}/${String(f.properties?.id)} (${l}): ${p}`));
        }
      }
    }
    expect(out).toEqual([]);
  });

  it.each(geodataFiles('.json'))('%s (every string)', (file) => {
    expect(strings(JSON.parse(read(file))).flatMap((s) => misattributions(s))).toEqual([]);
  });

  it.each(geodataFiles('.geojson'))('%s (every property and top-level string)', (file) => {
    const { features, ...top } = collections[file]!;
    expect(strings([top, features.map((f) => f.properties)]).flatMap((s) => misattributions(s))).toEqual([]);
  });

  it.each(['README.md', 'geodata/README.md'])('%s', (file) => {
    expect(misattributions(read(file))).toEqual([]);
  });

  it('the dates the UI gives for 956/QĐ-BXD and 938/NQ-UBTVQH15 are those of geodata/resolution.json', () => {
    const res = JSON.parse(read('geodata/resolution.json')) as { milestones: { id: string; actual: { date: string } | null }[] };
    const day = (id: string) => res.milestones.find((m) => m.id === id)?.actual?.date;
    expect(day('qd-956')).toBe('2023-09-11');
    expect(day('nq-938-adopted')).toBe('2023-12-13');
    expect(day('thi-xa')).toBe('2024-02-01');
    for (const k of ['slatedWard', 'becameWardText'] as const) {
      expect(messages[k].vi).toContain('956/QĐ-BXD');
      expect(messages[k].vi).toContain('11/09/2023');
      expect(messages[k].vi).toContain('938/NQ-UBTVQH15');
      expect(messages[k].en).toContain('11 Sep 2023');
    }
    expect(messages.becameWardText.vi).toContain('13/12/2023');
    expect(messages.becameWardText.vi).toContain('1/2/2024');
    expect(messages.becameWardText.en).toContain('13 Dec 2023');
  });
});
