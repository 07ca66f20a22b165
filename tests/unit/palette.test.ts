// Legend colours must stay distinguishable under common colour-vision deficiencies: each pair of
// colours within one legend is compared after simulating protanopia, deuteranopia and tritanopia
// (Machado, Oliveira & Fernandes 2009, severity 1.0) by their CIE76 ΔE in Lab.
import { describe, it, expect } from 'vitest';
import { catalog } from '../../src/layers/catalog';
import type { LegendItem } from '../../src/layers/types';

const MACHADO: Record<string, number[][]> = {
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};
const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255);

function lab(rgbLinear: number[]): number[] {
  const [r, g, b] = rgbLinear.map((v) => Math.min(1, Math.max(0, v))) as [number, number, number];
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
function simulate(h: string, m: number[][] | null): number[] {
  const lin = hex(h).map(toLinear);
  return m ? m.map((row) => row[0]! * lin[0]! + row[1]! * lin[1]! + row[2]! * lin[2]!) : lin;
}
const deltaE = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);

const legends = catalog.map((e) => ({ id: e.id, items: (typeof e.legend === 'function' ? e.legend({ target: 0.8 }) : e.legend) as LegendItem[] }));

describe('legend colours under colour-vision deficiencies', () => {
  for (const { id, items } of legends) {
    // Only swatches of the same kind compete (a line and a fill are told apart by shape).
    const byKind = new Map<string, string[]>();
    for (const it of items) {
      const c = it.swatch.color.toLowerCase();
      if (!/^#[0-9a-f]{6}$/.test(c)) continue;
      byKind.set(it.swatch.kind, [...(byKind.get(it.swatch.kind) ?? []), c]);
    }
    for (const [kind, colors] of byKind) {
      if (colors.length < 2) continue;
      it(`${id} (${kind}): every pair differs by ΔE ≥ 8 for normal vision and each deficiency`, () => {
        for (const [name, m] of [['normal', null], ...Object.entries(MACHADO)] as [string, number[][] | null][]) {
          for (let i = 0; i < colors.length; i++) {
            for (let j = i + 1; j < colors.length; j++) {
              if (colors[i] === colors[j]) continue;
              const d = deltaE(lab(simulate(colors[i]!, m)), lab(simulate(colors[j]!, m)));
              expect(d, `${name}: ${colors[i]} vs ${colors[j]}`).toBeGreaterThanOrEqual(8);
            }
          }
        }
      });
    }
  }
});

// Issue 14: one meaning per colour. Every colour the map paints is one its legend explains, and two
// meanings that can be on the map together — any two entries of one period, plus the selection
// highlight — never come closer than ΔE 15 (normal vision); across periods a meaning keeps its
// colours to itself too. An entry that `coversBelow` (coverage) hides the entries drawn before it,
// so their colours never meet its own.
import { palette } from '../../src/layers/palette';
import { PERIODS, inPeriod, type LayerEntry } from '../../src/layers/types';

/** Entries that carry one meaning in different periods (the 17 units in 2021 and 2024; the 2025 wards before and after). */
const SAME_MEANING: Record<string, string> = { 'units-2024': 'units-2021', 'wards-2025': 'wards-2025-areas' };
const meaningOf = (id: string) => SAME_MEANING[id] ?? id;
const STRUCTURAL = new Set(['#ffffff']); // unit outlines, road casings, halos: white carries no meaning

const legendItems = (e: LayerEntry, ctx = { target: 0.8 }) => (typeof e.legend === 'function' ? e.legend(ctx) : e.legend);
function legendColors(e: LayerEntry): string[] {
  const out = new Set<string>();
  for (const { swatch: s } of legendItems(e)) {
    out.add(s.color.toLowerCase());
    if (s.kind === 'fill' && s.outline) out.add(s.outline.toLowerCase());
    if (s.kind === 'circle' && s.stroke) out.add(s.stroke.toLowerCase());
  }
  return [...out].filter((c) => !STRUCTURAL.has(c));
}
function paintColors(e: LayerEntry): string[] {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string' && /^#[0-9a-f]{6}$/i.test(v)) out.add(v.toLowerCase());
    else if (Array.isArray(v)) v.forEach(walk);
  };
  for (const l of e.layers) {
    if (l.type === 'symbol') continue; // label ink and halo
    const paint = (l as { paint?: Record<string, unknown> }).paint ?? {};
    for (const [k, v] of Object.entries(paint)) if (k.endsWith('-color')) walk(v);
  }
  return [...out].filter((c) => !STRUCTURAL.has(c));
}
const normal = (c: string) => lab(simulate(c, null));
const covers = (a: LayerEntry, b: LayerEntry) => !!a.coversBelow && catalog.indexOf(b) < catalog.indexOf(a);
const hidden = (a: LayerEntry, b: LayerEntry) => covers(a, b) || covers(b, a);

describe('one meaning per colour (issue 14)', () => {
  it('every colour the map paints is explained by its legend', () => {
    for (const e of catalog) {
      const legend = new Set(legendColors(e));
      for (const c of paintColors(e)) expect(legend.has(c), `${e.id} paints ${c}, which its legend does not show`).toBe(true);
    }
  });

  const highlight = { id: 'selection', colors: [palette.selection.toLowerCase()] };
  for (const period of PERIODS) {
    it(`${period}: meanings visible together are at least ΔE 15 apart`, () => {
      const together = catalog.filter((e) => inPeriod(e, period));
      const problems: string[] = [];
      const sets = [...together.map((e) => ({ id: e.id, entry: e as LayerEntry | null, colors: legendColors(e) })), { ...highlight, entry: null }];
      for (let i = 0; i < sets.length; i++) {
        for (let j = i + 1; j < sets.length; j++) {
          const a = sets[i]!, b = sets[j]!;
          if (a.entry && b.entry && hidden(a.entry, b.entry)) continue;
          for (const ca of a.colors) for (const cb of b.colors) {
            const d = deltaE(normal(ca), normal(cb));
            if (d < 15) problems.push(`${a.id} ${ca} vs ${b.id} ${cb}: ΔE ${d.toFixed(1)}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('a colour keeps one meaning across periods', () => {
    const problems: string[] = [];
    for (let i = 0; i < catalog.length; i++) {
      for (let j = i + 1; j < catalog.length; j++) {
        const a = catalog[i]!, b = catalog[j]!;
        if (meaningOf(a.id) === meaningOf(b.id) || hidden(a, b)) continue;
        for (const ca of legendColors(a)) for (const cb of legendColors(b)) {
          const d = deltaE(normal(ca), normal(cb));
          if (d < 15) problems.push(`${a.id} ${ca} vs ${b.id} ${cb}: ΔE ${d.toFixed(1)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('fails when two meanings visible together share a colour (the check itself)', () => {
    const orange = palette.slatedFill;
    // The 2024 wards' orange reused for a 2025 ward (the bug this issue reported): caught.
    expect(deltaE(normal(orange), normal('#f3c98b'))).toBeLessThan(15);
  });
});
