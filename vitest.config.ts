import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

// Unit tests: pure lib/ code in Node, components and browser glue in happy-dom
// (per file: `// @vitest-environment happy-dom`), the store on fake-indexeddb.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // A guard against hangs, not a speed check (speed is in bench/): some tests start the scan
    // command as a process or build large inputs, which takes seconds on a busy 2-CPU machine.
    testTimeout: 30_000,
  },
});
