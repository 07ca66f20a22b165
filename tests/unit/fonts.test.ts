// Labels are drawn from the page's own Noto Sans: the map waits for every subset's face.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABEL_FAMILY, labelFontsReady } from '../../src/map/fonts';
import { LABEL_FONT } from '../../src/layers/entries/shared';

/** The unicode-range of a @fontsource subset's 400 face (in its all-subsets 400.css), as code point intervals. */
function ranges(subset: string): [number, number][] {
  const css = readFileSync(join(__dirname, '../../node_modules/@fontsource/noto-sans/400.css'), 'utf8');
  const block = css.split('/* ').find((b) => b.startsWith(`noto-sans-${subset}-400-normal */`))!;
  const m = /unicode-range:\s*([^;]+);/.exec(block)!;
  return m[1]!.split(',').map((r) => {
    const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(a!, 16), parseInt(b ?? a!, 16)];
  });
}
const covers = (subset: string, ch: string) => ranges(subset).some(([a, b]) => ch.codePointAt(0)! >= a && ch.codePointAt(0)! <= b);

describe('label fonts', () => {
  it('asks the page for the label family with one character of each subset, and only that subset', async () => {
    const asked: [string, string][] = [];
    await labelFontsReady({ load: (font: string, text: string) => (asked.push([font, text]), Promise.resolve([])) } as unknown as FontFaceSet);
    expect(asked).toHaveLength(1);
    const [font, text] = asked[0]!;
    expect(font).toContain(`"${LABEL_FAMILY}"`);
    const subsets = ['latin', 'latin-ext', 'vietnamese'];
    // Each subset's face has a sample of its own (a character no other subset covers).
    for (const s of subsets) expect([...text].some((ch) => covers(s, ch) && subsets.filter((o) => o !== s).every((o) => !covers(o, ch))), s).toBe(true);
  });

  it('never rejects: without the faces labels fall back to sans-serif, the map still fills', async () => {
    await expect(labelFontsReady({ load: () => Promise.reject(new Error('no font')) } as unknown as FontFaceSet)).resolves.toBeUndefined();
    await expect(labelFontsReady(undefined)).resolves.toBeUndefined();
  });

  it('the catalog labels name that family (MapLibre draws it from the document)', () => {
    expect(LABEL_FONT).toEqual([LABEL_FAMILY]);
  });
});
