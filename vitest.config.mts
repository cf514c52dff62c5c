import { defineConfig } from 'vitest/config';

// The whole suite runs in a time zone far from UTC, at an offset that is not a whole hour and with daylight
// saving time: any time computation that forgets to say UTC (SOTT windows, signature expiry) fails here.
// Set before any test process starts, so the Prism mock and every worker inherit it.
process.env.TZ = 'America/St_Johns';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/prism.global-setup.ts'],
    testTimeout: 20_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
