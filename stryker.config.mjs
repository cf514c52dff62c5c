// Mutation testing (`npm run mutation`, on demand like `npm run bench`, never part of `npm test`): Stryker
// changes src/ and codegen/ one small edit at a time and runs the tests that cover the edit; a mutant that
// no test notices is a blind spot. Incremental: only mutants in changed code or covered by changed tests are
// run again. The HTML report is reports/mutation/mutation.html; the score is recorded in CONTRIBUTING.md.
export default {
  mutate: [
    'src/**/*.ts',
    'codegen/**/*.ts',
    // The Prism launcher and its CLI are exercised by the package tests, which mutation runs leave out.
    '!src/testing/**',
    // Entry points only re-export.
    '!src/index.ts',
    '!src/runtime.ts',
    '!src/node/index.ts',
  ],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.mts', related: false },
  // Vitest strips types without checking them, so Stryker need not add `// @ts-nocheck` to files; adding it
  // to generated/ would make the regeneration test fail for every mutant.
  disableTypeChecks: false,
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['html', 'clear-text', 'progress', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  concurrency: 2,
  timeoutMS: 30_000,
  // The first run, with coverage, takes 3 minutes alone and much longer on a busy machine.
  dryRunTimeoutMinutes: 30,
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
