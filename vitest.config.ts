import { defineConfig } from 'vitest/config';

// Unit suites run in Node; tests/e2e drives Debian's Chromium with playwright-core
// against browser mode and exported SCORM packages, so they get longer time-outs.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
