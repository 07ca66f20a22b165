import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { extent } from './src/geo/extent.ts';

// The district's extent, known when the app is built, so the map can open on it before the
// district file has arrived (the first frame does not wait for data).
const districtBBox = extent(JSON.parse(readFileSync(fileURLToPath(new URL('./geodata/district.geojson', import.meta.url)), 'utf8')));
if (!districtBBox) throw new Error('geodata/district.geojson has no position');

export default defineConfig({
  plugins: [solid()],
  define: { __DISTRICT_BBOX__: JSON.stringify(districtBBox) },
  // Relative base so the built app also works from a file share or a sub-path (meetings, offline).
  base: './',
  // wkx (WKB of GeoPackages, in the import worker) requires Node's util for `inherits` only.
  resolve: { alias: { util: fileURLToPath(new URL('./src/import/util-browser.ts', import.meta.url)) } },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    // MapLibre in its own chunk: it is ~95% of the JS and changes only on upgrades (cache), and the
    // app's own code size stays visible in the build report.
    rollupOptions: { output: { manualChunks: (id: string) => (id.includes('node_modules/maplibre-gl') ? 'maplibre' : undefined) } },
  },
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1', port: 5173 },
});
