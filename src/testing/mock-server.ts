/**
 * Starts and stops a mock LoginRadius: Prism serving the bundled spec, on a free port by default. Node only
 * (child processes and files), which is why it lives in the `loginradius-client/testing` entry point and the
 * portable core never imports it. Shared by the `loginradius-mock` bin, the repo's `npm run mock`/`demo` and
 * the test suite, so the mock users run is the one the contract tests run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EmulatorControls } from './emulator/mock-handle';
import { startStatefulMock } from './emulator/start';
import { prismBin } from './prism-location';

export { TESTED_PRISM_VERSION } from './prism-location';

/** A running mock LoginRadius. */
export interface MockLoginRadius {
  /** The base URL to pass to `createClient({ baseUrl })`, e.g. `http://127.0.0.1:43117` (no trailing slash). */
  readonly url: string;
  /** Stops Prism and waits for it to exit. Safe to call twice. */
  stop(): Promise<void>;
}

/** Options of `startMockLoginRadius`. Every field is optional. */
export interface MockLoginRadiusOptions {
  /** The OpenAPI document to serve. Default: the LoginRadius spec bundled with this package. */
  readonly specFile?: string;
  /** 0 (the default) lets the OS pick a free port. */
  readonly port?: number;
  /** The interface to listen on. Default `127.0.0.1`. */
  readonly host?: string;
  /**
   * Answer HTTP 500 when a response would not match its schema (Prism's `--errors`), instead of sending it
   * with an `sl-violations` header. Default true. Requests are validated either way: a missing credential
   * gets the spec's 401, a malformed body its 400.
   */
  readonly errors?: boolean;
  /** Generate responses from the schemas instead of returning the spec's examples (Prism's `--dynamic`). */
  readonly dynamic?: boolean;
  /** Forward Prism's request log to this stream (for example `process.stdout`). Default: discarded. */
  readonly log?: { write(text: string): unknown };
  /** How long to wait for Prism to start. Default 30 000 ms. */
  readonly startTimeoutMs?: number;
}

/**
 * Options of a stateful mock (`startMockLoginRadius` with `stateful: true`): an emulator that remembers
 * accounts, sessions and messages, behind Prism, which still validates every request and every answer.
 */
export interface StatefulMockLoginRadiusOptions extends Omit<MockLoginRadiusOptions, 'errors' | 'startTimeoutMs'> {
  /** Start the stateful emulator instead of the plain mock. */
  readonly stateful: true;
  /** Keep the state in this JSON file: loaded at start when it exists, saved after every change. Default: memory only. */
  readonly stateFile?: string;
  /** The emulated app's API key. Default `test-api-key`. */
  readonly apiKey?: string;
  /** The emulated app's API secret: SOTTs must be made with it, admin calls must send it. Default `test-api-secret`. */
  readonly apiSecret?: string;
  /** How long an access token lasts. Default 3600 seconds. */
  readonly tokenLifetimeSeconds?: number;
}

/**
 * A running stateful mock: the URL, the emulated app's credentials and typed helpers to read the outbox,
 * seed accounts, reset and move the clock.
 */
export interface StatefulMockLoginRadius extends MockLoginRadius, EmulatorControls {
  /** The emulated app's credentials, e.g. `createClient({ ...mock.app, baseUrl: mock.url })`. */
  readonly app: { readonly apiKey: string; readonly apiSecret: string };
}

/**
 * Starts a mock LoginRadius and resolves once it accepts requests. Stop it with `mock.stop()` (for example
 * in `afterAll`). Needs `@stoplight/prism-cli`, an optional peer dependency: install it in your project with
 * `npm install --save-dev @stoplight/prism-cli`.
 *
 * ```ts
 * let mock: MockLoginRadius;
 * beforeAll(async () => { mock = await startMockLoginRadius(); });
 * afterAll(() => mock.stop());
 * test('login', async () => {
 *   const lr = createClient({ apiKey: 'test-key', baseUrl: mock.url });
 *   expect((await loginByEmail(lr, { body: { email, password } })).access_token).toBeTruthy();
 * });
 * ```
 *
 * With `{ stateful: true }` it starts an emulator that remembers accounts, sessions and messages (registered
 * users can log in, a profile update reads back, an invalidated token is refused), still behind Prism: every
 * request is validated against the spec first, every emulated answer against the spec's responses.
 *
 * ```ts
 * const mock = await startMockLoginRadius({ stateful: true });
 * const lr = createClient({ ...mock.app, baseUrl: mock.url });
 * await userRegistrationByEmail(lr, { body: { email: [{ type: 'Primary', value: email }], password } });
 * const [message] = await mock.outbox(email);
 * await verifyEmail(lr, { query: { verificationToken: message.token } });
 * ```
 */
export function startMockLoginRadius(options: StatefulMockLoginRadiusOptions): Promise<StatefulMockLoginRadius>;
/**
 * Starts the plain mock: Prism answering every valid request with the spec's documented example (see the
 * stateful overload for a mock that remembers).
 */
export function startMockLoginRadius(options?: MockLoginRadiusOptions): Promise<MockLoginRadius>;
export function startMockLoginRadius(options: MockLoginRadiusOptions | StatefulMockLoginRadiusOptions = {}): Promise<MockLoginRadius> {
  const specFile = options.specFile ?? bundledSpecFile();
  if (!existsSync(specFile)) return Promise.reject(new Error(`The mock LoginRadius cannot start: no OpenAPI document at ${specFile}`));
  if ('stateful' in options && options.stateful) return startStatefulMock({ ...options, specFile });
  const plain: MockLoginRadiusOptions = options;
  const args = ['-e', WATCHDOG, prismBin(), 'mock', specFile, '--port', String(plain.port ?? 0), '--host', plain.host ?? '127.0.0.1'];
  if (plain.errors !== false) args.push('--errors');
  if (plain.dynamic) args.push('--dynamic');
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  return waitUntilListening(child, plain);
}

/**
 * Runs `fn` with a freshly started mock LoginRadius and stops the mock afterwards, whether `fn` succeeds or
 * throws. Resolves to what `fn` resolves to.
 *
 * ```ts
 * await withMockLoginRadius(async ({ url }) => {
 *   const lr = createClient({ apiKey: 'test-key', baseUrl: url });
 *   await checkEmailAvailability(lr, { query: { email: 'jane.doe@example.com' } });
 * });
 * ```
 *
 * With `{ stateful: true }`, `fn` gets the stateful mock and its helpers (`outbox()`, `seed()`, …).
 */
export function withMockLoginRadius<T>(
  fn: (mock: StatefulMockLoginRadius) => Promise<T> | T,
  options: StatefulMockLoginRadiusOptions,
): Promise<T>;
/** Runs `fn` with a freshly started plain mock and stops it afterwards (see the stateful overload). */
export function withMockLoginRadius<T>(fn: (mock: MockLoginRadius) => Promise<T> | T, options?: MockLoginRadiusOptions): Promise<T>;
export async function withMockLoginRadius<T>(
  fn: (mock: StatefulMockLoginRadius) => Promise<T> | T,
  options: MockLoginRadiusOptions | StatefulMockLoginRadiusOptions = {},
): Promise<T> {
  // The overloads pair a stateful callback with stateful options only.
  const mock = (await startMockLoginRadius(options as StatefulMockLoginRadiusOptions)) as StatefulMockLoginRadius;
  try {
    return await fn(mock);
  } finally {
    await mock.stop();
  }
}

/** The path of the bundled LoginRadius OpenAPI document this package serves by default. */
export function bundledSpecFile(): string {
  // dist/testing/*.js → dist/openapi.json in the package; src/testing/*.ts → generated/openapi.json in the repo.
  const candidates = [join(__dirname, '..', 'openapi.json'), join(__dirname, '..', '..', 'generated', 'openapi.json')];
  return candidates.find((file) => existsSync(file)) ?? candidates[0]!;
}

/**
 * Prism runs as the child of a small watchdog that stops it when our end of the watchdog's stdin closes, so
 * a test run or a CLI that is killed outright (SIGKILL) never leaves an orphaned mock server behind. Inline
 * (`node -e`) so the package does not need to ship and locate a second file.
 */
const WATCHDOG = `
const { spawn } = require('node:child_process');
const child = spawn(process.execPath, process.argv.slice(1), { stdio: ['ignore', 'inherit', 'inherit'] });
const stop = () => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM'); };
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
`;

function waitUntilListening(child: ChildProcess, options: MockLoginRadiusOptions): Promise<MockLoginRadius> {
  const timeoutMs = options.startTimeoutMs ?? 30_000;
  return new Promise((resolve, reject) => {
    let output = '';
    let settled = false;
    const timer = setTimeout(() => fail(new Error(`Prism did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      const text = chunk.toString();
      if (options.log) options.log.write(text);
      if (settled) return;
      output += text;
      const match = /Prism is listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        settled = true;
        clearTimeout(timer);
        resolve({ url: match[1]!.replace(/\/$/, ''), stop: () => stopChild(child) });
      }
    };
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`Prism exited with code ${code}:\n${output}`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.stdin?.end();
    child.kill('SIGTERM');
  });
}
