// A loopback HTTP server for the Node transport's tests: records what arrives (request line, raw headers,
// body bytes, which connection) and answers per path. Real sockets, nothing mocked.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

interface ReceivedRequest {
  readonly method: string;
  /** The request target exactly as sent: path and query. */
  readonly target: string;
  readonly headers: IncomingMessage['headers'];
  /** The header lines as sent: names in their own case, in order, repeats kept (name, value, name, value, …). */
  readonly rawHeaders: readonly string[];
  readonly body: Buffer;
  /** Which TCP connection carried it (1 for the first connection the server accepted, …). */
  readonly connection: number;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface RecordingServer {
  readonly origin: string;
  readonly received: ReceivedRequest[];
  /** How many TCP connections the server has accepted. */
  connections(): number;
  close(): Promise<void>;
}

export async function startRecordingServer(handlers: Record<string, Handler>): Promise<RecordingServer> {
  const received: ReceivedRequest[] = [];
  const ids = new WeakMap<Socket, number>();
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        method: req.method!,
        target: req.url!,
        headers: req.headers,
        rawHeaders: req.rawHeaders,
        body: Buffer.concat(chunks),
        connection: ids.get(req.socket)!,
      });
      const handler = handlers[new URL(req.url!, 'http://x').pathname];
      if (handler) handler(req, res);
      else {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end('{"ErrorCode":404}');
      }
    });
  });
  server.on('connection', (socket: Socket) => {
    ids.set(socket, ++accepted);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    connections: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Answers with a JSON body and any extra headers. */
export const json =
  (status: number, body: unknown, headers: Record<string, string | string[]> = {}): Handler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
