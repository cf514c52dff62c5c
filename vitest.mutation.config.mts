// The suite Stryker runs for each mutant (`npm run mutation`): everything in `npm test` except the package
// tests, which build, pack and install a tarball (minutes per run) and check packaging rather than behaviour,
// and the tests that read source text (portability, the doc examples' type-check), which would read
// Stryker's instrumented code instead of ours.
import { defineConfig } from 'vitest/config';
import './vitest.config.mts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/package/**', 'test/unit/portability.test.ts', 'test/unit/doc-snippets.test.ts', 'node_modules/**'],
    globalSetup: ['test/support/prism.global-setup.ts'],
    testTimeout: 20_000,
  },
});
