import { defineConfig } from 'vitest/config';
import base from './vitest.config';

// Mutation testing (scripts/mutation.mjs): the same set-up as the unit tests, but only the
// test files that belong to the module under mutation, named in QINGLANG_MUTATION_TESTS
// (comma-separated globs). Running every unit test against every mutant would take hours.
// (Not mergeConfig: it would append these globs to the base's instead of replacing them.)
const tests = (process.env.QINGLANG_MUTATION_TESTS ?? '').split(',').filter(Boolean);

export default defineConfig({
  ...base,
  test: { ...base.test, include: tests.length > 0 ? tests : base.test?.include },
});
