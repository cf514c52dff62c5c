/**
 * The stateful emulator beside the plain Prism mock: throughput and latency of a login and a profile read,
 * `concurrency` requests in flight at once, over keep-alive `fetch` from this process to a mock in another
 * (bench/mock-process.ts). The emulator's figures include Prism refereeing it: validating the request, and the
 * answer against the spec.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { percentile } from './measure';

export interface MockLoadSettings {
  /** Timed requests per mock and operation. */
  readonly calls: number;
  /** Requests in flight at once. */
  readonly concurrency: number;
  readonly warmupCalls: number;
}

export interface MockThroughput {
  readonly mock: 'plain Prism mock' | 'stateful emulator';
  readonly operation: 'login by email' | 'profile by access token';
  readonly calls: number;
  readonly concurrency: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

interface RunningMock {
  readonly url: string;
  readonly app: { readonly apiKey: string };
  readonly child: ChildProcess;
}

const USER = { email: 'ada@example.com', password: 'correct-horse-battery-staple' };

export async function runMocks(settings: MockLoadSettings): Promise<MockThroughput[]> {
  const rows: MockThroughput[] = [];
  for (const kind of ['plain', 'stateful'] as const) {
    const mock = await startMockProcess(kind);
    try {
      const name = kind === 'plain' ? 'plain Prism mock' : 'stateful emulator';
      const login = (): Promise<Response> =>
        fetch(`${mock.url}/identity/v2/auth/login?apikey=${mock.app.apiKey}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(USER),
        });
      const first = (await expectOk(await login(), name)) as { access_token: string };
      const profile = (): Promise<Response> =>
        fetch(`${mock.url}/identity/v2/auth/account?apikey=${mock.app.apiKey}`, {
          headers: { authorization: `Bearer ${first.access_token}` },
        });
      await expectOk(await profile(), name);
      rows.push({ mock: name, operation: 'login by email', ...(await load(login, settings, name)) });
      rows.push({ mock: name, operation: 'profile by access token', ...(await load(profile, settings, name)) });
    } finally {
      mock.child.disconnect();
      await new Promise((resolve) => mock.child.once('exit', resolve));
    }
  }
  return rows;
}

/** Runs `settings.calls` requests, `settings.concurrency` at a time, after a warm-up; every answer must be a 200. */
async function load(
  send: () => Promise<Response>,
  settings: MockLoadSettings,
  name: string,
): Promise<Omit<MockThroughput, 'mock' | 'operation'>> {
  const run = async (calls: number): Promise<{ latencies: number[]; seconds: number }> => {
    const latencies: number[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < calls) {
        next++;
        const start = performance.now();
        await expectOk(await send(), name);
        latencies.push(performance.now() - start);
      }
    };
    const start = performance.now();
    await Promise.all(Array.from({ length: settings.concurrency }, worker));
    return { latencies, seconds: (performance.now() - start) / 1000 };
  };
  await run(settings.warmupCalls);
  const { latencies, seconds } = await run(settings.calls);
  latencies.sort((a, b) => a - b);
  return {
    calls: settings.calls,
    concurrency: settings.concurrency,
    requestsPerSecond: settings.calls / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}

async function expectOk(response: Response, name: string): Promise<unknown> {
  const body = (await response.json()) as unknown;
  if (response.status !== 200) throw new Error(`${name} answered ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

function startMockProcess(kind: 'plain' | 'stateful'): Promise<RunningMock> {
  const child = fork(join(__dirname, 'mock-process.ts'), [kind], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve({ ...(message as Omit<RunningMock, 'child'>), child }));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the ${kind} mock exited with ${code} before listening`)));
  });
}
