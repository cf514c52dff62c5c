/**
 * Prism as the contract referee in front of the emulator. Prism (its libraries, in this process) runs in
 * proxy mode with `--errors`: every request is validated against the spec before the emulator sees it, and
 * every emulated answer is validated against the operation's responses (a violation becomes Prism's 500).
 *
 * Prism's own forwarder is replaced by one that calls the emulator directly, for two reasons:
 * - an invalid request must get exactly the answer the plain mock gives (the spec's 400/401 example), while
 *   Prism's proxy answers a generic 422: so an invalid request is handed back to Prism's mocker;
 * - an operation the emulator does not model gets the documented example, as from the plain mock.
 * Both use Prism's documented fallback: a forwarder failing with UPSTREAM_NOT_IMPLEMENTED (501) makes Prism
 * answer as a mock, with the request's own validation results.
 *
 * A small HTTP server in front routes `/__emulator/…` (the control surface, not in the spec) to the emulator
 * and pipes everything else to Prism.
 */
import { Agent, createServer, type IncomingMessage, request as httpRequest, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { prismManifest } from '../prism-location';
import { CONTROL_PREFIX, type Emulator } from './emulator';
import type { EmulatedRequest, EmulatedResponse } from './http';

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

/** The parts of Prism's libraries used here (they ship without types this package could depend on). */
interface PrismLibraries {
  readonly http: {
    getHttpOperationsFromSpec(file: string): Promise<unknown[]>;
    ProblemJsonError: { fromTemplate(template: { type: string; title: string; status: number }): Error };
  };
  readonly server: {
    createServer(
      operations: unknown[],
      options: { cors: boolean; config: unknown; components: unknown },
    ): { listen(port: number, host: string): Promise<string>; close(): Promise<void> };
  };
  readonly core: { createLogger(name: string, options: { level: string }): unknown };
}

interface PrismValidation {
  readonly severity: number;
}

interface PrismInput {
  readonly method: string;
  readonly url: { readonly path: string; readonly query?: Record<string, string | string[]> };
  readonly headers?: Record<string, string | string[]>;
  readonly body?: unknown;
}

type Either<L, R> = { readonly _tag: 'Left'; readonly left: L } | { readonly _tag: 'Right'; readonly right: R };

/** Prism's DiagnosticSeverity.Error: warnings never stop a request. */
const SEVERITY_ERROR = 0;

/** Loads Prism's libraries from where its CLI is installed (they are its dependencies, not ours). */
function loadPrism(): PrismLibraries {
  const load = createRequire(prismManifest());
  return {
    http: load('@stoplight/prism-http') as PrismLibraries['http'],
    server: load('@stoplight/prism-http-server') as PrismLibraries['server'],
    core: load('@stoplight/prism-core') as PrismLibraries['core'],
  };
}

/** Starts Prism (proxying to the emulator) and the front server; resolves once both listen. */
export async function startPrismFront(options: PrismFrontOptions): Promise<PrismFront> {
  const prism = loadPrism();
  const operations = await prism.http.getHttpOperationsFromSpec(options.specFile);
  const notModelled = (): Either<Error, never> => ({
    _tag: 'Left',
    left: prism.http.ProblemJsonError.fromTemplate({
      type: 'UPSTREAM_NOT_IMPLEMENTED',
      title: 'The emulator does not model this request',
      status: 501,
    }),
  });
  const forward =
    (
      context: { data: PrismInput; validations: PrismValidation[] },
      _upstream: string,
      _proxy: unknown,
      resource?: { iid?: string; path: string },
    ) =>
    () =>
    async (): Promise<Either<Error, unknown>> => {
      if (resource?.iid === undefined || context.validations.some((v) => v.severity === SEVERITY_ERROR)) return notModelled();
      const answer = options.emulator.answer({ operationId: resource.iid, pathTemplate: resource.path }, toEmulatedRequest(context.data));
      if (answer === undefined) return notModelled();
      return { _tag: 'Right', right: { statusCode: answer.status, headers: { 'content-type': 'application/json' }, body: answer.body } };
    };
  const prismServer = prism.server.createServer(operations, {
    cors: true,
    config: {
      isProxy: true,
      // Never contacted: the forwarder above calls the emulator directly.
      upstream: new URL('http://127.0.0.1/'),
      upstreamProxy: undefined,
      validateRequest: true,
      validateResponse: true,
      checkSecurity: true,
      errors: true,
      mock: { dynamic: options.dynamic ?? false },
    },
    components: { logger: prism.core.createLogger('EMULATOR', { level: 'silent' }), forward },
  });
  const prismUrl = new URL(await prismServer.listen(0, '127.0.0.1'));
  const agent = new Agent({ keepAlive: true });
  const front = createServer((req, res) => {
    if (options.log) res.once('finish', () => options.log?.write(`${req.method} ${req.url?.split('?')[0]} → ${res.statusCode}\n`));
    if (req.url?.startsWith(CONTROL_PREFIX)) void answerControl(options.emulator, req, res);
    else pipeTo(prismUrl, agent, req, res);
  });
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
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
        await prismServer.close();
      })();
      return stopped;
    },
  };
}

function toEmulatedRequest(input: PrismInput): EmulatedRequest {
  return {
    method: input.method.toUpperCase(),
    path: input.url.path,
    query: input.url.query ?? {},
    headers: input.headers ?? {},
    body: input.body,
  };
}

/** Relays a request to Prism unchanged and its answer back. */
function pipeTo(target: URL, agent: Agent, req: IncomingMessage, res: ServerResponse): void {
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
  req.pipe(upstream);
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
  res.writeHead(answer.status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(answer.body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.once('end', () => resolve(text));
    req.once('error', reject);
  });
}
