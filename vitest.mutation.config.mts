// The suite Stryker runs for each mutant (`npm run mutation`): everything in `npm test` except the package
// tests, which build, pack and install a tarball (minutes per run) and check packaging rather than behaviour,
// the tests that read source text (portability, the doc examples' type-check), which would read
// Stryker's instrumented code instead of ours, and the suites that drive the runtime through a mock server
// for every operation (contract, emulator): they check the spec, the generated functions and the emulator
// rather than the runtime's logic, start Prism per file, and cover nearly every runtime line with ~5,000
// tests, so each mutant would run minutes of them and Stryker's per-mutant test lists outgrow what it can
// serialise (a full run failed with "Invalid string length"). The runtime's logic is exercised by the unit
// and node suites, which a mutant must fail.
import { defineConfig } from 'vitest/config';
import './vitest.config.mts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [
      'test/package/**',
      'test/contract/**',
      'test/emulator/**',
      'test/unit/portability.test.ts',
      'test/unit/doc-snippets.test.ts',
      'node_modules/**',
    ],
    globalSetup: ['test/support/prism.global-setup.ts'],
    testTimeout: 20_000,
  },
});
