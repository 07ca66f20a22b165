import { defineConfig } from 'vitest/config';

// Browser tests: headless Chromium through playwright-core against the built app (vite preview).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One Chromium at a time: the machine has 2 cores and WebGL runs on SwiftShader (CPU).
    fileParallelism: false,
  },
});
