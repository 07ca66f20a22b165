// Values vite.config.ts defines when the app is built.

/** [west, south, east, north] of geodata/district.geojson. */
declare const __DISTRICT_BBOX__: [number, number, number, number];
