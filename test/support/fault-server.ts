// A local HTTP server on loopback that misbehaves on purpose, one behaviour per path, and counts the
// requests each path received. Real sockets, no mocked fetch.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault = (req: IncomingMessage, res: ServerResponse, hit: number) => void;

export interface FaultServer {
  readonly url: string;
  /** How many requests reached each path. */
  hits(path: string): number;
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

/** The behaviours the reliability tests use, by path. */
const FAULTS: Record<string, Fault> = {
  '/ok': (_req, res) => json(res, 200, { IsPosted: true }),
  '/429-then-ok': (_req, res, hit) =>
    hit === 1
      ? json(res, 429, { ErrorCode: 429, Description: 'Too many requests' }, { 'retry-after': '0' })
      : json(res, 200, { IsPosted: true }),
  '/429-no-header': (_req, res) => json(res, 429, {}),
  '/429-long-retry-after': (_req, res) => json(res, 429, {}, { 'retry-after': '30' }),
  '/500': (_req, res) => json(res, 500, { ErrorCode: 950, Description: 'Operation failed due to an unknown error.' }),
  '/502-html': (_req, res) => {
    res.writeHead(502, { 'content-type': 'text/html' });
    res.end('<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>');
  },
  '/503': (_req, res) => json(res, 503, {}),
  '/403-empty': (_req, res) => {
    res.writeHead(403);
    res.end();
  },
  '/200-error-code': (_req, res) =>
    json(res, 200, {
      ErrorCode: 906,
      Description: 'Access token has expired.',
      Message: 'Expired',
      IsProviderError: false,
      ProviderErrorResponse: null,
    }),
  '/200-html': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html>maintenance</html>');
  },
  '/hang-before-headers': () => undefined,
  '/hang-mid-body': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
    res.write('{"IsPosted":');
  },
  '/reset': (req) => req.socket.destroy(),
  '/redirect': (_req, res) => {
    res.writeHead(302, { location: '/echo' });
    res.end();
  },
  '/echo': (req, res) => json(res, 200, { method: req.method, url: req.url, headers: req.headers }),
};

export async function startFaultServer(faults: Record<string, Fault> = FAULTS): Promise<FaultServer> {
  const counts = new Map<string, number>();
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const hit = (counts.get(path) ?? 0) + 1;
    counts.set(path, hit);
    const fault = faults[path];
    if (fault) fault(req, res, hit);
    else json(res, 404, { ErrorCode: 404, Description: `no fault at ${path}` });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits: (path) => counts.get(path) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
