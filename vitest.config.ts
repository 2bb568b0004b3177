import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

// Unit tests: pure lib/ code in Node, components and browser glue in happy-dom
// (per file: `// @vitest-environment happy-dom`), the store on fake-indexeddb.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
