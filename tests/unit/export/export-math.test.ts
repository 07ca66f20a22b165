// The arithmetic of image export: sizes in pixels, framing at another size, scale bars, text wrap.
import { describe, it, expect } from 'vitest';
import { fc, test as fcTest } from '@fast-check/vitest';
import { EXPORT_SIZES, mmToPx, resolveSize, zoomForSize, metresPerPixel, MAX_CANVAS } from '../../../src/export/sizes';
import { scaleBar, baseFontSize, wrapText } from '../../../src/export/compose';
import { exportFileName } from '../../../src/export/export';

describe('export sizes', () => {
  it('A4 and A3 landscape at 200 dpi, slide at 1920 × 1080', () => {
    expect(EXPORT_SIZES.slide).toEqual({ width: 1920, height: 1080, pixelRatio: 1 });
    expect(EXPORT_SIZES.a4).toMatchObject({ width: 2339, height: 1654 });
    expect(EXPORT_SIZES.a3).toMatchObject({ width: 3307, height: 2339 });
    expect(mmToPx(25.4)).toBe(200);
    expect(mmToPx(297, 300)).toBe(3508); // A4 at 300 dpi, the usual reference value
    expect(EXPORT_SIZES.screen).toBeNull();
  });
  it('fit under MapLibre’s maximum canvas', () => {
    for (const s of Object.values(EXPORT_SIZES)) if (s) expect(Math.max(s.width, s.height)).toBeLessThanOrEqual(MAX_CANVAS);
  });
  it('"screen" is the map’s own size', () => {
    expect(resolveSize('screen', { width: 1366.4, height: 700 })).toEqual({ width: 1366, height: 700, pixelRatio: 1 });
    expect(resolveSize('a4', { width: 1, height: 1 })).toBe(EXPORT_SIZES.a4);
  });
});

describe('zoomForSize', () => {
  it('adds log2 of the width ratio', () => {
    expect(zoomForSize(11.3, 960, 1920)).toBeCloseTo(12.3, 10);
    expect(zoomForSize(12, 1920, 1920)).toBe(12);
    expect(zoomForSize(12, 1920, 480)).toBeCloseTo(10, 10);
  });
  it('with heights, fits the whole screen extent (the smaller ratio wins)', () => {
    // A tall screen onto a wide slide: the height limits.
    expect(zoomForSize(12, 1000, 1920, 1000, 1080)).toBeCloseTo(12 + Math.log2(1.08), 10);
    expect(zoomForSize(12, 1000, 1920, 500, 1080)).toBeCloseTo(12 + Math.log2(1.92), 10);
  });
  fcTest.prop([fc.double({ min: 0, max: 20, noNaN: true }), fc.integer({ min: 100, max: 4000 }), fc.integer({ min: 100, max: 4000 }), fc.double({ min: -80, max: 80, noNaN: true })])(
    'keeps the ground width: metres per pixel × pixels is unchanged',
    (z, sw, tw, lat) => {
      const z2 = zoomForSize(z, sw, tw);
      expect(metresPerPixel(lat, z2) * tw).toBeCloseTo(metresPerPixel(lat, z) * sw, 6);
    },
  );
  it('metres per pixel: MapLibre’s 512-px world', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(78271.517, 3);
    // Việt Yên at zoom 12: about 17 m per pixel.
    expect(metresPerPixel(21.27, 12)).toBeCloseTo(17.81, 2);
  });
});

describe('scaleBar', () => {
  it('picks the longest 1/2/5 × 10ⁿ length that fits', () => {
    expect(scaleBar(1, 288)).toEqual({ metres: 200, px: 200, label: '200 m' });
    expect(scaleBar(10, 288)).toEqual({ metres: 2000, px: 200, label: '2 km' });
    expect(scaleBar(17.81, 288).label).toBe('5 km'); // 5129 m fits
    expect(scaleBar(2, 250)).toEqual({ metres: 500, px: 250, label: '500 m' });
    expect(scaleBar(100, 100)).toEqual({ metres: 10000, px: 100, label: '10 km' });
    expect(scaleBar(0.01, 100)).toEqual({ metres: 1, px: 100, label: '1 m' });
    expect(scaleBar(0.004, 100).label).toBe('0.2 m');
    expect(scaleBar(0, 100)).toEqual({ metres: 0, px: 0, label: '' });
  });
  fcTest.prop([fc.double({ min: 0.01, max: 100_000, noNaN: true }), fc.integer({ min: 20, max: 2000 })])('fits, and is at least 40% of the room', (mpp, maxPx) => {
    const b = scaleBar(mpp, maxPx);
    expect(b.px).toBeLessThanOrEqual(maxPx * (1 + 1e-9));
    expect(b.px).toBeGreaterThanOrEqual(maxPx * 0.4 - 1e-9);
    const k = b.metres / 10 ** Math.floor(Math.log10(b.metres) + 1e-12);
    expect([1, 2, 5].some((x) => Math.abs(k - x) < 1e-9)).toBe(true);
  });
});

describe('layout helpers', () => {
  it('base font follows the width', () => {
    expect(baseFontSize(1600)).toBe(16);
    expect(baseFontSize(1920)).toBeCloseTo(19.2);
    expect(baseFontSize(3307)).toBeCloseTo(33.07);
    expect(baseFontSize(600)).toBe(12);
  });
  it('wraps words, and ends a cut text with …', () => {
    const measure = (s: string) => s.length * 10;
    expect(wrapText(measure, 'Khu công nghiệp Quang Châu', 100)).toEqual(['Khu công', 'nghiệp', 'Quang Châu']);
    expect(wrapText(measure, 'a b c d e f', 30, 2)).toEqual(['a b', 'c…']);
    expect(wrapText(measure, '', 100)).toEqual([]);
    expect(wrapText(measure, 'supercalifragilistic', 50)).toEqual(['supercalifragilistic']);
  });
  it('names files by size and date', () => {
    expect(exportFileName('a4', new Date(2025, 6, 1))).toBe('viet-yen-map-a4-2025-07-01.png');
  });
});

describe('exportPixelRatio (issue 14: exports keep the screen’s labels)', async () => {
  const { exportPixelRatio, zoomForSize: zfs } = await import('../../../src/export/sizes');
  it('covers the screen extent at the screen’s zoom: labels keep their share of the picture', () => {
    const screen = { width: 1366, height: 768 };
    const a4 = { width: 2339, height: 1654 };
    const r = exportPixelRatio(a4, screen);
    expect(r).toBeCloseTo(2339 / 1366, 10);
    // Drawn at that ratio the zoom is the screen's: no label falls below its minimum zoom.
    expect(zfs(12.2, screen.width, a4.width / r, screen.height, a4.height / r)).toBeCloseTo(12.2, 10);
    expect(exportPixelRatio({ width: 1920, height: 1080 }, screen)).toBeCloseTo(1920 / 1366, 10);
    // A tall phone screen: the height limits, the output still shows all of it.
    const phone = { width: 390, height: 844 };
    const rp = exportPixelRatio(a4, phone);
    expect(a4.width / rp).toBeGreaterThanOrEqual(390 - 1e-9);
    expect(a4.height / rp).toBeCloseTo(844, 6);
    expect(exportPixelRatio(a4, { width: 0, height: 0 })).toBe(1);
  });
});
