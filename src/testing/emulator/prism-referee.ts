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
 */
import { createRequire } from 'node:module';
import { prismManifest } from '../prism-location';
import type { Emulator } from './emulator';
import type { EmulatedRequest } from './http';

/** Prism listening on a loopback port, refereeing for the emulator. */
export interface PrismReferee {
  /** Prism's own URL (the front server relays to it). */
  readonly url: URL;
  close(): Promise<void>;
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

/** Starts Prism in proxy mode in front of `emulator`, on a free loopback port. */
export async function startPrismReferee(options: {
  readonly specFile: string;
  readonly emulator: Emulator;
  readonly dynamic?: boolean;
}): Promise<PrismReferee> {
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
  return { url: prismUrl, close: () => prismServer.close() };
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
