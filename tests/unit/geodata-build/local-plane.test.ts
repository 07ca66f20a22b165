import { describe, expect, test } from 'vitest';
import { localPlane, VIET_YEN_PLANE } from '../../../scripts/geodata/local-plane';

// Lengths of a degree on the WGS 84 ellipsoid (standard tables): at the equator 111 319.49 m of
// longitude and 110 574.27 m of latitude; at 60° N 55 799.97 m and 111 412.24 m.
describe('localPlane', () => {
  test('scale at the equator and at 60° N matches the WGS 84 degree lengths', () => {
    const eq = localPlane(0, 0);
    expect(eq.kx).toBeCloseTo(111_319.49, 1);
    expect(eq.ky).toBeCloseTo(110_574.27, 1);
    const n60 = localPlane(10, 60);
    expect(n60.kx).toBeCloseTo(55_799.97, 0);
    expect(n60.ky).toBeCloseTo(111_412.24, 0);
  });

  test('origin maps to (0, 0); it is affine, so lon/lat ↔ metres round-trips exactly', () => {
    const p = localPlane(106, 21);
    expect(p.toPlane([106, 21])).toEqual([0, 0]);
    expect(p.toPlane([106.01, 21])[0]).toBeCloseTo(0.01 * p.kx, 6);
    expect(p.toPlane([106, 20.99])[1]).toBeCloseTo(-0.01 * p.ky, 6);
    for (const q of [[105.9, 21.3], [106.123456, 20.87654]]) {
      const [lon, lat] = p.toLonLat(p.toPlane(q));
      expect(lon).toBeCloseTo(q[0]!, 12);
      expect(lat).toBeCloseTo(q[1]!, 12);
    }
  });

  test('the Việt Yên plane: centre 106.085° E, 21.27° N; ~103.8 km per degree of longitude there', () => {
    expect([VIET_YEN_PLANE.lon0, VIET_YEN_PLANE.lat0]).toEqual([106.085, 21.27]);
    expect(VIET_YEN_PLANE.kx / 1000).toBeCloseTo(103.8, 1);
    expect(VIET_YEN_PLANE.ky / 1000).toBeCloseTo(110.75, 1);
  });
});
