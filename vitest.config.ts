import { defineConfig } from 'vitest/config';

// Unit and fixture tests: pure modules, no browser.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
