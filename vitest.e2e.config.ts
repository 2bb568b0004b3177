import { defineConfig } from 'vitest/config';

// Browser tests: the built extension (.output/chrome-mv3) in Debian's Chromium through playwright-core.
// One browser at a time: files run one after another.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
