import createFetchClient from 'openapi-fetch';
import { resolveConfig, positiveNumber, retryCount, type ClientConfig, type ResolvedConfig } from './config';
import { CREDENTIAL_PLACEMENT, placeCredentials } from './credentials';
import { LoginRadiusAbortError, LoginRadiusConnectionError, LoginRadiusError, LoginRadiusTimeoutError, LoginRadiusValidationError } from './errors';
import type { OperationDescriptor, OperationParams, RequestOptions } from './operation';
import { redactUrl, scrubSecrets } from './redact';
import { readResponse } from './response';
import { classifyFetchFailure, isRetryable, retryDelayMs, type AttemptOutcome } from './retry';
import { createCallSignal, sleep } from './signals';
import { signRequest } from './signing';
import { createSottGenerator } from './sott';
import { validateParams } from './validate';

/** What a client reveals about its configuration: everything except the API secret. */
export interface ClientSettings {
  readonly apiKey: string;
  readonly baseUrl: string;
  readonly hasApiSecret: boolean;
  readonly originIp: string | undefined;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly requestSigning: boolean;
}

/**
 * A configured LoginRadius client. Pass it as the first argument of any operation function
 * (`loginByEmail(client, …)`); it holds the credentials and the transport, the functions hold the API.
 */
export interface LoginRadiusClient {
  /** The client's settings, without the API secret. */
  readonly settings: ClientSettings;
  /**
   * Runs one operation. This is the low-level entry point the generated functions use; call those
   * instead, they are typed.
   */
  call<T>(operation: OperationDescriptor, params: unknown, options?: RequestOptions): Promise<T>;
}

// Headers that carry credentials or a signature: per-call options may not set them.
const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set([
  ...Object.values(CREDENTIAL_PLACEMENT)
    .filter((p) => p.in === 'header')
    .map((p) => p.name.toLowerCase()),
  'digest',
  'x-request-expires',
]);

/**
 * Creates a client. Throws {@link LoginRadiusValidationError} at once for an invalid config (empty API key,
 * a base URL that is not http(s), an unknown option), so mistakes surface at start-up rather than at the
 * first sign-in. Each client keeps its own config: two clients never share credentials.
 */
export function createClient(config: ClientConfig): LoginRadiusClient {
  const resolved = resolveConfig(config);
  const http = createFetchClient<Record<string, never>>({ fetch: (request: Request) => resolved.fetch(request) });
  const settings: ClientSettings = Object.freeze({
    apiKey: resolved.apiKey,
    baseUrl: resolved.baseUrl,
    hasApiSecret: resolved.apiSecret !== undefined,
    originIp: resolved.originIp,
    timeoutMs: resolved.timeoutMs,
    maxRetries: resolved.maxRetries,
    requestSigning: resolved.signatureValidMinutes !== undefined,
  });
  // Derived once per client (PBKDF2 is the slow part of a SOTT), never shared between clients.
  const sott = resolved.apiSecret === undefined ? undefined : createSottGenerator(resolved.apiKey, resolved.apiSecret);
  const context: CallContext = { config: resolved, http, sott };
  return Object.freeze({
    settings,
    call: <T>(operation: OperationDescriptor, params: unknown, options?: RequestOptions) => callOperation<T>(context, operation, params, options ?? {}),
  });
}

interface CallContext {
  readonly config: ResolvedConfig;
  readonly http: FetchClient;
  readonly sott: (() => Promise<string>) | undefined;
}

type FetchClient = ReturnType<typeof createFetchClient<Record<string, never>>>;

async function callOperation<T>(context: CallContext, op: OperationDescriptor, rawParams: unknown, options: RequestOptions): Promise<T> {
  const { config, http } = context;
  const params = await withSott(context, op, validateParams(op, rawParams));
  const timeoutMs = positiveNumber(options.timeoutMs, 'timeoutMs', config.timeoutMs);
  const maxRetries = retryCount(options.maxRetries, 'maxRetries', config.maxRetries);
  const request = buildRequest(config, op, params, options);
  const scrub = (text: string): string => scrubSecrets(text, [config.apiSecret, params.accessToken, params.sott]);

  for (let attempt = 0; ; attempt++) {
    const result = await attemptOnce(config, http, op, request, timeoutMs, options.signal, scrub);
    if (result.ok) return result.data as T;
    const canRetry = attempt < maxRetries && isRetryable(op, result.outcome);
    if (!canRetry) throw result.error;
    const delay = retryDelayMs(attempt + 1, result.retryAfter);
    try {
      await sleep(delay, options.signal ?? new AbortController().signal);
    } catch (reason) {
      throw new LoginRadiusAbortError(`${op.id} was aborted while waiting to retry`, { operation: op.id, cause: reason });
    }
  }
}

/** A registration call without a SOTT gets one generated here when the client has the API secret. */
async function withSott(context: CallContext, op: OperationDescriptor, params: OperationParams): Promise<OperationParams> {
  const needsSott = op.security.length > 0 && op.security.every((set) => set.includes('sott'));
  if (!needsSott || params.sott !== undefined || !context.sott) return params;
  return { ...params, sott: await context.sott() };
}

interface PreparedRequest {
  readonly method: OperationDescriptor['method'];
  readonly path: string;
  readonly baseUrl: string;
  readonly pathParams: Readonly<Record<string, string | number>> | undefined;
  readonly query: Readonly<Record<string, unknown>>;
  readonly headers: Readonly<Record<string, string>>;
  /** The exact body bytes (as text) that are sent. */
  readonly body: string | undefined;
  /** True when the request carries the API secret and the client signs instead of sending it. */
  readonly sign: boolean;
}

function buildRequest(config: ResolvedConfig, op: OperationDescriptor, params: OperationParams, options: RequestOptions): PreparedRequest {
  const credentials = placeCredentials(op, {
    apiKey: config.apiKey,
    apiSecret: config.apiSecret,
    accessToken: params.accessToken,
    sott: params.sott,
  });
  const sign = config.signatureValidMinutes !== undefined && credentials.schemes.includes('apiSecret');
  const credentialHeaders: Record<string, string> = { ...credentials.headers };
  if (sign) delete credentialHeaders[CREDENTIAL_PLACEMENT.apiSecret.name];
  const extraHeaders = options.headers ?? {};
  for (const name of Object.keys(extraHeaders)) {
    if (CREDENTIAL_HEADERS.has(name.toLowerCase())) {
      throw new LoginRadiusValidationError(`${op.id}: credentials cannot be set through options.headers (${name})`, { operation: op.id, parameter: `headers.${name}` });
    }
  }
  return {
    method: op.method,
    path: op.path,
    // An operation LoginRadius serves from another host uses it, unless the caller chose a custom domain.
    baseUrl: op.server !== undefined && !config.baseUrlIsCustom ? op.server : config.baseUrl,
    pathParams: params.path,
    query: { ...params.query, ...credentials.query },
    headers: {
      Accept: 'application/json',
      ...extraHeaders,
      ...(config.originIp ? { 'X-Origin-IP': config.originIp } : {}),
      ...credentialHeaders,
    },
    body: params.body === undefined ? undefined : JSON.stringify(params.body),
    sign,
  };
}

type AttemptResult =
  | { readonly ok: true; readonly data: unknown }
  | { readonly ok: false; readonly error: LoginRadiusError; readonly outcome: AttemptOutcome; readonly retryAfter: string | null };

async function attemptOnce(
  config: ResolvedConfig,
  http: FetchClient,
  op: OperationDescriptor,
  request: PreparedRequest,
  timeoutMs: number,
  callerSignal: AbortSignal | undefined,
  scrub: (text: string) => string,
): Promise<AttemptResult> {
  const signal = createCallSignal(timeoutMs, callerSignal);
  try {
    const { data, error, response } = await http.request(request.method as 'get', request.path as never, {
      baseUrl: request.baseUrl,
      params: { path: request.pathParams, query: request.query },
      headers: request.headers,
      body: request.body as never,
      // The body is serialised once, above, so the bytes sent are the bytes a signature covers.
      bodySerializer: (body: unknown) => body as string,
      parseAs: 'text',
      signal: signal.signal,
      // Signed per attempt, after serialisation, over the exact URL and body sent.
      ...(request.sign ? { fetch: (req: Request) => signAndSend(config, req, request.body) } : {}),
    } as never);
    const text = response.ok ? ((data as string | undefined) ?? '') : typeof error === 'string' ? error : error === undefined ? '' : JSON.stringify(error);
    const read = readResponse(op.id, response.status, response.headers, text, scrub);
    if (read.ok) return read;
    return { ok: false, error: read.error, outcome: { kind: 'response', status: response.status }, retryAfter: response.headers.get('retry-after') };
  } catch (cause) {
    if (signal.timedOut()) {
      const error = new LoginRadiusTimeoutError(`${op.id} timed out after ${timeoutMs} ms`, { operation: op.id, timeoutMs });
      return { ok: false, error, outcome: { kind: 'timeout' }, retryAfter: null };
    }
    if (signal.aborted()) {
      throw new LoginRadiusAbortError(`${op.id} was aborted`, { operation: op.id, cause: callerSignalReason(callerSignal) });
    }
    const outcome = classifyFetchFailure(cause);
    const where = redactUrl(`${request.baseUrl}${request.path}`);
    const error = new LoginRadiusConnectionError(`${op.id}: could not reach ${where} (${describeCause(cause)})`, { operation: op.id, cause });
    return { ok: false, error, outcome, retryAfter: null };
  } finally {
    signal.dispose();
  }
}

async function signAndSend(config: ResolvedConfig, request: Request, body: string | undefined): Promise<Response> {
  const headers = await signRequest({ method: request.method, url: request.url, body, apiSecret: config.apiSecret!, validForMinutes: config.signatureValidMinutes });
  request.headers.set('X-Request-Expires', headers['X-Request-Expires']);
  request.headers.set('digest', headers.digest);
  return config.fetch(request);
}

function callerSignalReason(signal: AbortSignal | undefined): unknown {
  return signal?.reason;
}

function describeCause(cause: unknown): string {
  const inner = (cause as { cause?: { code?: unknown; message?: unknown } })?.cause;
  if (inner && typeof inner.code === 'string') return inner.code;
  return cause instanceof Error ? cause.message : 'network error';
}
