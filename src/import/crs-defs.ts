// The coordinate reference systems the import understands, as data: codes, names and their PROJ
// strings. Plain data with no projection library, so the page can list them (the CRS choice in the
// import review) while proj4 stays in the import worker.

// VN-2000 → WGS 84, position-vector convention (PROJ's +towgs84): EPSG:6960's coordinate-frame
// rotations with their signs flipped (see /work/shared/facts/viet-yen.md, VN-2000).
export const VN2000_TOWGS84 =
  '-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278';

export interface CrsDef {
  code: string;
  name: string;
  proj4: string;
  kind: 'geographic' | 'projected';
  datum: 'WGS 84' | 'VN-2000';
}

function tm3(code: number, lon0: number, label: string): CrsDef {
  return {
    code: `EPSG:${code}`,
    name: `VN-2000 / TM-3 ${label}`,
    proj4: `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +units=m +no_defs`,
    kind: 'projected',
    datum: 'VN-2000',
  };
}

function utm(code: number, zone: 48 | 49, datum: CrsDef['datum']): CrsDef {
  const lon0 = zone === 48 ? 105 : 111;
  const shift = datum === 'VN-2000' ? `+ellps=WGS84 +towgs84=${VN2000_TOWGS84}` : '+datum=WGS84';
  return {
    code: `EPSG:${code}`,
    name: `${datum === 'VN-2000' ? 'VN-2000' : 'WGS 84'} / UTM zone ${zone}N`,
    proj4: `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=0.9996 +x_0=500000 +y_0=0 ${shift} +units=m +no_defs`,
    kind: 'projected',
    datum,
  };
}

/** Every CRS the import understands. EPSG:9214 is exactly the facts file's definition. */
export const SUPPORTED_CRS: readonly CrsDef[] = [
  { code: 'EPSG:4326', name: 'WGS 84', proj4: '+proj=longlat +datum=WGS84 +no_defs', kind: 'geographic', datum: 'WGS 84' },
  {
    code: 'EPSG:4756',
    name: 'VN-2000 (geographic)',
    proj4: `+proj=longlat +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +no_defs`,
    kind: 'geographic',
    datum: 'VN-2000',
  },
  // Central meridians as in the EPSG dataset (PROJ 9.1's projinfo).
  tm3(9205, 103, '103-00'),
  tm3(9206, 104, '104-00'),
  tm3(9207, 104.5, '104-30'),
  tm3(9208, 104.75, '104-45'),
  tm3(9209, 105.5, '105-30'),
  tm3(9210, 105.75, '105-45'),
  tm3(9211, 106, '106-00'),
  tm3(9212, 106.25, '106-15'),
  tm3(9213, 106.5, '106-30'),
  tm3(9214, 107, '107-00'),
  tm3(9215, 107.25, '107-15'),
  tm3(9216, 107.5, '107-30'),
  tm3(9217, 108.25, '108-15'),
  tm3(9218, 108.5, '108-30'),
  utm(3405, 48, 'VN-2000'),
  utm(3406, 49, 'VN-2000'),
  utm(32648, 48, 'WGS 84'),
  utm(32649, 49, 'WGS 84'),
];

export function crsDef(code: string): CrsDef | undefined {
  return SUPPORTED_CRS.find((c) => c.code === code);
}
