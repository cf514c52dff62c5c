/**
 * The stand-in LoginRadius for the per-call benchmark: a keep-alive `node:http` server on loopback that
 * answers every request with the same small LoginRadius-shaped profile. It runs in its own process so that
 * `process.cpuUsage()` in the benchmark process counts the client's work only.
 *
 * Run as a child with an IPC channel: it sends `{ port }` once listening and exits when the channel closes.
 */
import { createServer, type Server } from 'node:http';
import { fork } from 'node:child_process';

/** What the server answers: a trimmed `GET /identity/v2/manage/account/{uid}` profile. */
export const PROFILE = {
  Uid: 'b8e3c6f0a51f4c0d9a4e4c7c2b7c9d11',
  ID: '4c0d9a4e4c7c2b7c9d11b8e3c6f0a51f',
  Email: [{ Type: 'Primary', Value: 'ada@example.com' }],
  FirstName: 'Ada',
  LastName: 'Lovelace',
  EmailVerified: true,
  IsActive: true,
  LastLoginDate: '2026-11-20T09:14:03.233Z',
};

const BODY = Buffer.from(JSON.stringify(PROFILE));

/** Starts the server in this process (used by the child, and by anything that wants one in-process). */
export function startServer(port = 0): Promise<Server> {
  const server = createServer((request, response) => {
    // Drain any request body before answering so the connection can be reused.
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': BODY.byteLength });
      response.end(BODY);
    });
  });
  // Longer than any pause between rounds, so every contender keeps its connection.
  server.keepAliveTimeout = 120_000;
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

/** A server running in a child process; `stop()` ends it. */
export interface ServerProcess {
  readonly origin: string;
  stop(): void;
}

/** Starts the server in a child process and resolves with its origin (`http://127.0.0.1:<port>`). */
export function startServerProcess(): Promise<ServerProcess> {
  const child = fork(__filename, ['--child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`benchmark server exited early (${code})`)));
    child.once('message', (message) => {
      const { port } = message as { port: number };
      resolve({ origin: `http://127.0.0.1:${port}`, stop: () => child.disconnect() });
    });
  });
}

if (require.main === module && process.argv.includes('--child')) {
  void startServer().then((server) => {
    const address = server.address();
    process.send!({ port: typeof address === 'object' && address ? address.port : 0 });
    process.once('disconnect', () => process.exit(0));
  });
}
