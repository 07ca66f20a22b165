import { describe, it, expect } from 'vitest';
import { viewBounds, intersectBBox, sceneFrame, SCENE_REFERENCE } from '../../../src/presenter/fit';
import { metresPerPixel } from '../../../src/export/sizes';

describe('presenter framing on small screens', () => {
  it('viewBounds: centred on the camera, as wide as the screen at that zoom', () => {
    const [w, s, e, n] = viewBounds([106.08, 21.27], 12, 1000, 500);
    expect((w + e) / 2).toBeCloseTo(106.08, 6);
    expect((s + n) / 2).toBeCloseTo(21.27, 2);
    // Ground width ≈ metres per pixel × pixels.
    const km = ((e - w) * Math.PI / 180) * 6378137 * Math.cos((21.27 * Math.PI) / 180);
    expect(km).toBeCloseTo(metresPerPixel(21.27, 12) * 1000, -1);
    expect(n - s).toBeGreaterThan(0);
  });
  it('keeps a scene to the district; an extent outside it is kept whole', () => {
    expect(intersectBBox([0, 0, 10, 10], [5, 5, 20, 20])).toEqual([5, 5, 10, 10]);
    expect(intersectBBox([0, 0, 1, 1], [5, 5, 20, 20])).toEqual([0, 0, 1, 1]);
    const district: [number, number, number, number] = [106.0, 21.19, 106.17, 21.35];
    // The opening scene (zoom 11.3) shows more than the district on the reference screen: the district it is.
    expect(sceneFrame([106.165, 21.266], 11.3, district)).toEqual(district);
    expect(SCENE_REFERENCE.width).toBeGreaterThan(SCENE_REFERENCE.height);
  });
});
