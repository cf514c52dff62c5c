/**
 * Starts and stops a Prism mock of the LoginRadius API from generated/openapi.json (Node only). Shared by
 * the test setup, `npm run mock` and `npm run demo`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface MockServer {
  /** The base URL to pass to `createClient({ baseUrl })`. */
  readonly url: string;
  /** Stops Prism and waits for it to exit. */
  stop(): Promise<void>;
}

export interface MockOptions {
  readonly specFile?: string;
  /** 0 (the default) lets the OS pick a free port. */
  readonly port?: number;
  readonly host?: string;
  /** Request validation errors and response-example checks (`--errors`). Default true. */
  readonly errors?: boolean;
  /** Generate responses from the schemas instead of returning the examples. */
  readonly dynamic?: boolean;
  /** Forward Prism's request log to this stream. */
  readonly log?: NodeJS.WritableStream;
  readonly startTimeoutMs?: number;
}

const ROOT = join(__dirname, '..');

export function startMockServer(options: MockOptions = {}): Promise<MockServer> {
  const cliPackage = require.resolve('@stoplight/prism-cli/package.json');
  const bin = (JSON.parse(readFileSync(cliPackage, 'utf8')) as { bin: { prism: string } }).bin.prism;
  const args = [
    join(__dirname, 'prism-watchdog.cjs'),
    join(dirname(cliPackage), bin),
    'mock',
    options.specFile ?? join(ROOT, 'generated', 'openapi.json'),
    '--port',
    String(options.port ?? 0),
    '--host',
    options.host ?? '127.0.0.1',
  ];
  if (options.errors !== false) args.push('--errors');
  if (options.dynamic) args.push('--dynamic');
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  return waitUntilListening(child, options);
}

function waitUntilListening(child: ChildProcess, options: MockOptions): Promise<MockServer> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`Prism did not start within ${options.startTimeoutMs ?? 30_000} ms:\n${output}`)), options.startTimeoutMs ?? 30_000);
    const onData = (chunk: Buffer): void => {
      const text = chunk.toString();
      if (options.log) options.log.write(text);
      if (resolved) return;
      output += text;
      const match = /Prism is listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        resolved = true;
        clearTimeout(timer);
        resolve({ url: match[1]!.replace(/\/$/, ''), stop: () => stopChild(child) });
      }
    };
    let resolved = false;
    const fail = (error: Error): void => {
      if (resolved) return;
      resolved = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
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
