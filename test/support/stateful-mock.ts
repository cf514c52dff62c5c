// One stateful mock per test file, reset before each test, with the two clients a test talks to it through,
// and the LoginRadius error a call is refused with.
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { createClient, LoginRadiusApiError, type LoginRadiusClient } from '../../src/index';
import { type StatefulMockLoginRadius, startMockLoginRadius } from '../../src/testing/index';

/** The running mock and its clients, set once the file's `beforeAll` has run. */
export interface StatefulMockFixture {
  mock: StatefulMockLoginRadius;
  /** The API key only, as in a browser. */
  lr: LoginRadiusClient;
  /** The API key and secret: SOTTs for registrations, and the Management API. */
  server: LoginRadiusClient;
}

/** Starts a stateful mock for the test file (stopped after it, reset before each test). */
export function useStatefulMock(options: { readonly tokenLifetimeSeconds?: number } = {}): StatefulMockFixture {
  const fixture = {} as StatefulMockFixture;
  beforeAll(async () => {
    fixture.mock = await startMockLoginRadius({ stateful: true, ...options });
    fixture.lr = createClient({ apiKey: fixture.mock.app.apiKey, baseUrl: fixture.mock.url });
    fixture.server = createClient({ ...fixture.mock.app, baseUrl: fixture.mock.url });
  }, 60_000);
  afterAll(() => fixture.mock?.stop());
  beforeEach(() => fixture.mock.reset());
  return fixture;
}

/** The name of the LoginRadius error code a call is refused with (`OTP_INVALID`). */
export async function refusal(call: Promise<unknown>): Promise<string | undefined> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LoginRadiusApiError);
  return (error as LoginRadiusApiError).code;
}
