/**
 * Starts and stops a mock LoginRadius: Prism serving the bundled spec, on a free port by default. Node only
 * (child processes and files), which is why it lives in the `loginradius-client/testing` entry point and the
 * portable core never imports it. Shared by the `loginradius-mock` bin, the repo's `npm run mock`/`demo` and
 * the test suite, so the mock users run is the one the contract tests run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A running mock LoginRadius. */
export interface MockLoginRadius {
  /** The base URL to pass to `createClient({ baseUrl })`, e.g. `http://127.0.0.1:43117` (no trailing slash). */
  readonly url: string;
  /** Stops Prism and waits for it to exit. Safe to call twice. */
  stop(): Promise<void>;
}

/** Options of {@link startMockLoginRadius}. Every field is optional. */
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

/** The Prism version this package is tested with; the hint in the "not installed" error names it. */
export const TESTED_PRISM_VERSION = '5.14.2';

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
 */
export function startMockLoginRadius(options: MockLoginRadiusOptions = {}): Promise<MockLoginRadius> {
  const specFile = options.specFile ?? bundledSpecFile();
  if (!existsSync(specFile)) return Promise.reject(new Error(`The mock LoginRadius cannot start: no OpenAPI document at ${specFile}`));
  const args = ['-e', WATCHDOG, prismBin(), 'mock', specFile, '--port', String(options.port ?? 0), '--host', options.host ?? '127.0.0.1'];
  if (options.errors !== false) args.push('--errors');
  if (options.dynamic) args.push('--dynamic');
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  return waitUntilListening(child, options);
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
 */
export async function withMockLoginRadius<T>(
  fn: (mock: MockLoginRadius) => Promise<T> | T,
  options: MockLoginRadiusOptions = {},
): Promise<T> {
  const mock = await startMockLoginRadius(options);
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

/** Finds Prism's CLI script: next to this package first, then in the project the command runs from. */
function prismBin(): string {
  const from = [__filename, join(process.cwd(), 'package.json')];
  for (const base of from) {
    let manifest: string;
    try {
      manifest = createRequire(base).resolve('@stoplight/prism-cli/package.json');
    } catch {
      continue;
    }
    const bin = (JSON.parse(readFileSync(manifest, 'utf8')) as { bin: { prism: string } }).bin.prism;
    return join(dirname(manifest), bin);
  }
  throw new Error(
    'The mock LoginRadius needs Prism, which is not installed. Add it to your project with ' +
      `\`npm install --save-dev @stoplight/prism-cli@${TESTED_PRISM_VERSION}\` (an optional peer dependency of loginradius-client).`,
  );
}

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
