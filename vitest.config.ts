import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const solid = (p: string) => fileURLToPath(new URL(`./node_modules/solid-js/${p}`, import.meta.url));

// Unit and fixture tests: no browser. Two projects: the pure modules, and the app's Solid modules
// (src/app), which need Solid's client build — on Node, `solid-js` resolves to its server build,
// where effects never run.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: ['tests/unit/app/**'], environment: 'node' } },
      {
        extends: true,
        resolve: {
          alias: [
            { find: /^solid-js$/, replacement: solid('dist/solid.js') },
            { find: /^solid-js\/store$/, replacement: solid('store/dist/store.js') },
          ],
        },
        test: { name: 'app', include: ['tests/unit/app/**/*.test.ts'], environment: 'node', server: { deps: { inline: [/solid-js/] } } },
      },
    ],
  },
});
