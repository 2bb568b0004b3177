import { defineConfig } from 'vitest/config';

// Browser tests in Firefox: the Firefox build (.output/firefox-mv3) in Debian's firefox-esr
// through puppeteer-core over WebDriver BiDi. One browser at a time: files run one after another.
export default defineConfig({
  test: {
    include: ['tests/e2e/firefox/**/*.firefox.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    // Starting Firefox takes seconds on a quiet machine, but far longer on a loaded one.
    hookTimeout: 120_000,
  },
});
