import { defineConfig } from 'vitest/config';
import { SummaryLineReporter } from './summary-line-reporter.ts';

// One config for `npm test` and CI: laws of the code (properties/**) and every fast claim as a test.
export default defineConfig({
  test: {
    include: ['properties/**/*.test.ts', 'examples/**/*.test.ts'],
    pool: 'threads',
    setupFiles: ['ci/vitest.setup.ts'],
    // Claims are whole experiments: a reduced figure reproduction can take tens of seconds on 2 cores.
    testTimeout: 300_000,
    hookTimeout: 120_000,
    reporters: ['default', new SummaryLineReporter()],
  },
});
