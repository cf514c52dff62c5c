/**
 * loginradius-client/testing: a mock LoginRadius for your own tests (Node only).
 *
 * Starts Prism on the LoginRadius spec bundled with this package, on a free port, so a test suite can run
 * the real client against an API that validates every request. Needs the optional peer dependency
 * `@stoplight/prism-cli` (`npm install --save-dev @stoplight/prism-cli`).
 *
 * ```ts
 * import { createClient, checkEmailAvailability } from 'loginradius-client';
 * import { withMockLoginRadius } from 'loginradius-client/testing';
 *
 * await withMockLoginRadius(async ({ url }) => {
 *   const lr = createClient({ apiKey: 'test-key', baseUrl: url });
 *   console.log(await checkEmailAvailability(lr, { query: { email: 'jane.doe@example.com' } }));
 * });
 * ```
 */
export {
  bundledSpecFile,
  startMockLoginRadius,
  TESTED_PRISM_VERSION,
  withMockLoginRadius,
  type MockLoginRadius,
  type MockLoginRadiusOptions,
  type StatefulMockLoginRadius,
  type StatefulMockLoginRadiusOptions,
} from './mock-server';
export type { EmulatorControls } from './emulator/mock-handle';
export type { SeedUser } from './emulator/seed';
export type { OutboxMessage } from './emulator/state';
export { parseMockCliArgs, runMockCli, type MockCliOptions } from './cli';
