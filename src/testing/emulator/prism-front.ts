/**
 * The stateful mock's HTTP server: `/__emulator/…` (the control surface, not in the spec, so never shown to
 * Prism) goes to the emulator; everything else is relayed unchanged to Prism, which referees the emulator
 * (see prism-referee.ts).
 */
import { Agent, createServer, type IncomingMessage, request as httpRequest, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTROL_PREFIX, type Emulator } from './emulator';
import { type EmulatedResponse, single } from './http';
import { startPrismReferee } from './prism-referee';

/** A running emulator behind Prism. */
export interface PrismFront {
  readonly url: string;
  stop(): Promise<void>;
}

/** Options of {@link startPrismFront}. */
export interface PrismFrontOptions {
  readonly specFile: string;
  readonly emulator: Emulator;
  readonly port?: number;
  readonly host?: string;
  /** Generate the examples of unmodelled operations from the schemas (Prism's `--dynamic`). */
  readonly dynamic?: boolean;
  readonly log?: { write(text: string): unknown };
}

/** Starts Prism (refereeing the emulator) and the front server; resolves once both listen. */
export async function startPrismFront(options: PrismFrontOptions): Promise<PrismFront> {
  const referee = await startPrismReferee(options);
  const prismUrl = referee.url;
  const agent = new Agent({ keepAlive: true });
  const front = createServer((req, res) => {
    if (options.log) res.once('finish', () => options.log?.write(`${req.method} ${req.url?.split('?')[0]} → ${res.statusCode}\n`));
    if (req.url?.startsWith(CONTROL_PREFIX)) void answerControl(options.emulator, req, res);
    else if (req.headers.digest !== undefined) void checkSignatureThenPipe(options.emulator, prismUrl, agent, req, res);
    else pipeTo(prismUrl, agent, req, res);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      front.once('error', reject);
      front.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
    });
  } catch (error) {
    // A port already in use must not leave Prism running behind it.
    agent.destroy();
    await referee.close();
    throw error;
  }
  const { address, port } = front.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  let stopped: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    stop: () => {
      stopped ??= (async () => {
        await new Promise<void>((resolve) => {
          front.close(() => resolve());
          front.closeAllConnections();
        });
        agent.destroy();
        await referee.close();
      })();
      return stopped;
    },
  };
}

/**
 * A signed request is checked here, where the exact URL and body text the client signed are still at hand
 * (Prism only checks that the signature headers are present); a refused one never reaches Prism.
 */
async function checkSignatureThenPipe(
  emulator: Emulator,
  target: URL,
  agent: Agent,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const body = await readBytes(req);
  const refused = emulator.refuseSignature({
    url: `http://${req.headers.host}${req.url}`,
    body: body.toString('utf8'),
    digest: String(req.headers.digest),
    expires: single(req.headers['x-request-expires']),
  });
  if (refused !== undefined) return sendJson(res, refused);
  pipeTo(target, agent, req, res, body);
}

/** Relays a request to Prism unchanged (its body read already when given) and its answer back. */
function pipeTo(target: URL, agent: Agent, req: IncomingMessage, res: ServerResponse, body?: Buffer): void {
  const upstream = httpRequest(
    { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host }, agent },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.once('error', (error) => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(`the emulator could not reach Prism: ${error.message}`);
  });
  if (body === undefined) req.pipe(upstream);
  else upstream.end(body);
}

async function answerControl(emulator: Emulator, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let answer: EmulatedResponse;
  try {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const text = await readBody(req);
    answer = emulator.control({
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: text === '' ? undefined : JSON.parse(text),
    });
  } catch (error) {
    answer = { status: 400, body: { error: (error as Error).message } };
  }
  sendJson(res, answer);
}

function sendJson(res: ServerResponse, answer: EmulatedResponse): void {
  res.writeHead(answer.status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(answer.body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  return (await readBytes(req)).toString('utf8');
}

/** The body's exact bytes, so a relayed body is the one that was signed, byte for byte. */
function readBytes(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}
