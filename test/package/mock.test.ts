// The mock LoginRadius users get with the package: the `loginradius-mock` bin and the
// `loginradius-client/testing` helper, both run from the installed tarball.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseMockCliArgs } from '../../src/testing/cli';
import { callables, successExample } from '../support/spec';
import { packageFixture, run, type PackageFixture } from './support/package-fixture';

let fixture: PackageFixture;

beforeAll(async () => {
  fixture = await packageFixture();
}, 300_000);

describe('parseMockCliArgs', () => {
  test.for([
    ['no options', [], { port: 4010, host: '127.0.0.1', errors: true, dynamic: false, quiet: false, help: false }],
    ['--port and --host', ['--port', '0', '--host', '0.0.0.0'], { port: 0, host: '0.0.0.0' }],
    ['--port=N form', ['--port=5055'], { port: 5055 }],
    ['--no-errors', ['--no-errors'], { errors: false }],
    ['the last of --errors/--no-errors wins', ['--no-errors', '--errors'], { errors: true }],
    ['--dynamic and --quiet', ['--dynamic', '--quiet'], { dynamic: true, quiet: true }],
    ['--spec', ['--spec', 'my-api.json'], { specFile: 'my-api.json' }],
    ['-h', ['-h'], { help: true }],
  ] as const)('%s', ([, argv, want]) => {
    expect(parseMockCliArgs(argv)).toMatchObject(want);
  });

  test.for([
    ['an unknown option', ['--verbose'], /unknown option "--verbose"/],
    ['a port that is not a number', ['--port', 'http'], /--port must be a port number/],
    ['a port out of range', ['--port', '70000'], /--port must be a port number/],
    ['a missing value', ['--host'], /--host needs a value/],
  ] as const)('rejects %s', ([, argv, message]) => {
    expect(() => parseMockCliArgs(argv)).toThrow(message);
  });
});

/** Starts the installed bin in its own process group, as a terminal would, and collects its output. */
function startBin(args: readonly string[], cwd: string): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(join(cwd, 'node_modules', '.bin', 'loginradius-mock'), args, {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', (error) => {
      output += String(error);
      resolve(null);
    });
  });
  return { child, output: () => output, exited };
}

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const profileOperation = callables.find((c) => c.name === 'getProfileByAccessToken')!;

async function readProfile(baseUrl: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}/identity/v2/auth/account?apikey=test-key`, { headers: { authorization: 'Bearer test-token' } });
  return { status: response.status, body: await response.json() };
}

async function refusesConnections(url: string): Promise<boolean> {
  return fetch(url).then(
    () => false,
    () => true,
  );
}

// Each test starts Prism (1-3 s alone, more on a busy 2-core machine).
describe('the loginradius-mock bin', { timeout: 90_000 }, () => {
  test('--help prints the options', () => {
    const out = run(join(fixture.consumer, 'node_modules', '.bin', 'loginradius-mock'), ['--help'], fixture.consumer);
    for (const option of ['--port', '--host', '--errors', '--no-errors', '--dynamic']) expect(out).toContain(option);
  });

  test('serves the bundled spec, prints the URL and a createClient hint, and stops cleanly on Ctrl-C', async () => {
    // 127.0.0.2 (still loopback on Linux) shows that --host is honoured; --port 0 picks a free port.
    const host = process.platform === 'linux' ? '127.0.0.2' : '127.0.0.1';
    const bin = startBin(['--port', '0', '--host', host], fixture.consumer);
    try {
      const url = await waitFor(
        'the URL',
        () => new RegExp(`listening on (http://${host.replace(/\./g, '\\.')}:\\d+)`).exec(bin.output())?.[1],
      );
      expect(bin.output()).toContain(`createClient({ apiKey: 'any-api-key', apiSecret: 'any-api-secret', baseUrl: '${url}' })`);
      // Prism's startup route list is not echoed: the URL is the first thing the user sees.
      expect(bin.output().trimStart()).toMatch(/^Mock LoginRadius API listening on/);
      expect(await readProfile(url)).toEqual({ status: 200, body: successExample(profileOperation) });

      process.kill(-bin.child.pid!, 'SIGINT'); // Ctrl-C reaches the whole foreground process group
      expect(await bin.exited).toBe(0);
      expect(bin.output()).toContain('Mock LoginRadius stopped.');
      expect(await refusesConnections(url)).toBe(true);
    } finally {
      if (bin.child.exitCode === null) process.kill(-bin.child.pid!, 'SIGKILL');
    }
  });

  test('--dynamic generates responses from the schemas instead of the examples', async () => {
    const bin = startBin(['--port', '0', '--dynamic', '--quiet'], fixture.consumer);
    try {
      const url = await waitFor('the URL', () => /listening on (http:\/\/\S+:\d+)/.exec(bin.output())?.[1]);
      const { status, body } = await readProfile(url);
      expect(status).toBe(200);
      expect(body).not.toEqual(successExample(profileOperation));
      process.kill(-bin.child.pid!, 'SIGTERM');
      expect(await bin.exited).toBe(0);
    } finally {
      if (bin.child.exitCode === null) process.kill(-bin.child.pid!, 'SIGKILL');
    }
  });

  test('--stateful remembers: a seeded account logs in with its password only', async () => {
    const bin = startBin(['--port', '0', '--stateful', '--quiet'], fixture.consumer);
    try {
      const url = await waitFor('the URL', () => /listening on (http:\/\/\S+:\d+)/.exec(bin.output())?.[1]);
      expect(bin.output()).toContain(`createClient({ apiKey: 'test-api-key', apiSecret: 'test-api-secret', baseUrl: '${url}' })`);
      const post = (path: string, body: unknown): Promise<Response> =>
        fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect((await post('/__emulator/seed', { users: [{ email: 'jane@example.com', password: 'pw-123456' }] })).status).toBe(200);
      const wrong = await post('/identity/v2/auth/login?apikey=test-api-key', { email: 'jane@example.com', password: 'nope' });
      expect({ status: wrong.status, code: ((await wrong.json()) as { ErrorCode: number }).ErrorCode }).toEqual({ status: 401, code: 966 });
      const right = await post('/identity/v2/auth/login?apikey=test-api-key', { email: 'jane@example.com', password: 'pw-123456' });
      expect(right.status).toBe(200);
      process.kill(-bin.child.pid!, 'SIGTERM');
      expect(await bin.exited).toBe(0);
    } finally {
      if (bin.child.exitCode === null) process.kill(-bin.child.pid!, 'SIGKILL');
    }
  });

  test('without @stoplight/prism-cli installed, exits 1 and says how to install it', async () => {
    const bin = startBin(['--port', '0'], fixture.withoutPrism);
    expect(await bin.exited).toBe(1);
    expect(bin.output()).toMatch(/needs Prism, which is not installed.*npm install --save-dev @stoplight\/prism-cli@5\.14\.2/);
  });
});

describe('loginradius-client/testing, from the installed package', { timeout: 90_000 }, () => {
  const script = (load: string): string => `${load}
(async () => {
  let url;
  const result = await withMockLoginRadius(async (mock) => {
    url = mock.url;
    const lr = api.createClient({ apiKey: 'test-key', baseUrl: mock.url, maxRetries: 0 });
    return api.getProfileByAccessToken(lr, { accessToken: 'test-token' });
  });
  const stopped = await fetch(url).then(() => false, () => true);
  console.log(JSON.stringify({ result, stopped }));
})();`;

  test.for([
    [
      'require',
      'mock-helper.cjs',
      `const api = require('loginradius-client');\nconst { withMockLoginRadius } = require('loginradius-client/testing');`,
    ],
    [
      'import',
      'mock-helper.mjs',
      `import * as api from 'loginradius-client';\nimport { withMockLoginRadius } from 'loginradius-client/testing';`,
    ],
  ] as const)('withMockLoginRadius (%s) starts the mock on a free port, runs the callback, then stops it', ([, file, load]) => {
    writeFileSync(join(fixture.consumer, file), script(load));
    const out = JSON.parse(run(process.execPath, [file], fixture.consumer)) as { result: unknown; stopped: boolean };
    expect(out).toEqual({ result: successExample(profileOperation), stopped: true });
  });
});
