import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { SummaryLineReporter } from './summary-line-reporter.ts';

// One config for `npm test` and CI: laws of the code (properties/**) and every fast claim as a test.
export default defineConfig({
  // Tests see the sources: 'gan-claims' (the package's own name, as examples/ import it) maps to
  // src/, not to the compiled dist/ that `exports` names for installed copies.
  resolve: {
    alias: [
      { find: /^gan-claims$/, replacement: fileURLToPath(new URL('../src/index.ts', import.meta.url)) },
      { find: /^gan-claims\/vitest$/, replacement: fileURLToPath(new URL('../src/vitest/index.ts', import.meta.url)) },
    ],
  },
  test: {
    include: ['properties/**/*.test.ts', 'examples/**/*.test.ts'],
    pool: 'threads',
    setupFiles: ['ci/vitest.setup.ts'],
    // GitHub's workflow parser imports its JSON schema without an import attribute, which Node 20
    // refuses; inlined, vite loads the JSON itself (properties/ci/workflow.test.ts).
    server: { deps: { inline: ['@actions/workflow-parser'] } },
    // Claims are whole experiments: a reduced figure reproduction can take tens of seconds on 2 cores.
    testTimeout: 300_000,
    hookTimeout: 120_000,
    reporters: ['default', new SummaryLineReporter()],
  },
});
