/**
 * One attempt of a call: send the prepared request through openapi-fetch, sign it if needed, run the hooks,
 * read the response, and classify any failure for the retry decision.
 */
import type createFetchClient from 'openapi-fetch';
import type { ResolvedConfig } from './config';
import { LoginRadiusAbortError, LoginRadiusConnectionError, LoginRadiusTimeoutError, type LoginRadiusError } from './errors';
import { describeRequest, type RequestDescription } from './hooks';
import type { OperationDescriptor } from './operation';
import { redactUrl } from './redact';
import { PROTECTED_HEADERS, type PreparedRequest } from './request';
import { readResponse } from './response';
import { classifyFetchFailure, type AttemptOutcome } from './retry';
import { createCallSignal } from './signals';
import { signRequest } from './signing';

export type FetchClient = ReturnType<typeof createFetchClient<Record<string, never>>>;

export type AttemptResult =
  | { readonly ok: true; readonly data: unknown }
  | {
      readonly ok: false;
      readonly error: LoginRadiusError;
      readonly outcome: AttemptOutcome;
      readonly retryAfter: string | null;
      /** The request as sent (redacted), for the `onError` hook; absent if it was never built. */
      readonly request: RequestDescription | undefined;
    };

export interface AttemptInput {
  readonly config: ResolvedConfig;
  readonly http: FetchClient;
  readonly op: OperationDescriptor;
  readonly request: PreparedRequest;
  readonly attempt: number;
  readonly timeoutMs: number;
  readonly callerSignal: AbortSignal | undefined;
  readonly scrub: (text: string) => string;
}

export async function attemptOnce(input: AttemptInput): Promise<AttemptResult> {
  const { op, request, timeoutMs, callerSignal } = input;
  const signal = createCallSignal(timeoutMs, callerSignal);
  let sent: RequestDescription | undefined;
  const send = async (req: Request): Promise<Response> => {
    sent = await prepareToSend(input, req);
    return input.config.fetch(req);
  };
  try {
    const { data, error, response } = await input.http.request(request.method as 'get', request.path as never, {
      baseUrl: request.baseUrl,
      params: { path: request.pathParams, query: request.query },
      headers: request.headers,
      body: request.body as never,
      // The body is serialised once, up front, so the bytes sent are the bytes a signature covers.
      bodySerializer: (body: unknown) => body as string,
      parseAs: 'text',
      signal: signal.signal,
      fetch: input.config.hooks.length ? timed(input, send, () => sent) : send,
    } as never);
    const text = response.ok ? ((data as string | undefined) ?? '') : typeof error === 'string' ? error : error === undefined ? '' : JSON.stringify(error);
    const read = readResponse(op.id, response.status, response.headers, text, input.scrub);
    if (read.ok) return read;
    return { ok: false, error: read.error, outcome: { kind: 'response', status: response.status }, retryAfter: response.headers.get('retry-after'), request: sent };
  } catch (cause) {
    if (signal.timedOut()) {
      const error = new LoginRadiusTimeoutError(`${op.id} timed out after ${timeoutMs} ms`, { operation: op.id, timeoutMs });
      return { ok: false, error, outcome: { kind: 'timeout' }, retryAfter: null, request: sent };
    }
    if (signal.aborted()) {
      throw new LoginRadiusAbortError(`${op.id} was aborted`, { operation: op.id, cause: callerSignal?.reason });
    }
    const outcome = classifyFetchFailure(cause);
    const where = redactUrl(`${request.baseUrl}${request.path}`);
    const error = new LoginRadiusConnectionError(`${op.id}: could not reach ${where} (${describeCause(cause)})`, { operation: op.id, cause });
    return { ok: false, error, outcome, retryAfter: null, request: sent };
  } finally {
    signal.dispose();
  }
}

/** Signs the request (per attempt, over the exact URL and body) and lets `onRequest` hooks add headers. */
async function prepareToSend(input: AttemptInput, req: Request): Promise<RequestDescription | undefined> {
  const { config, request, op } = input;
  if (request.sign) {
    const signature = await signRequest({ method: req.method, url: req.url, body: request.body, apiSecret: config.apiSecret!, validForMinutes: config.signatureValidMinutes });
    req.headers.set('X-Request-Expires', signature['X-Request-Expires']);
    req.headers.set('digest', signature.digest);
  }
  if (!config.hooks.length) return undefined;
  const description = describeRequest(req);
  for (const hook of config.hooks) {
    const added = await hook.onRequest?.({ operation: op.id, attempt: input.attempt, request: description });
    for (const [name, value] of Object.entries(added?.headers ?? {})) {
      // A hook may add tracing headers, never replace a credential or the signature.
      if (!PROTECTED_HEADERS.has(name.toLowerCase())) req.headers.set(name, value);
    }
  }
  return describeRequest(req);
}

/** Wraps `send` to report each response (status and time to headers) to the `onResponse` hooks. */
function timed(input: AttemptInput, send: (req: Request) => Promise<Response>, sent: () => RequestDescription | undefined): (req: Request) => Promise<Response> {
  return async (req) => {
    const started = performance.now();
    const response = await send(req);
    const durationMs = performance.now() - started;
    for (const hook of input.config.hooks) {
      await hook.onResponse?.({ operation: input.op.id, attempt: input.attempt, request: sent() ?? describeRequest(req), status: response.status, headers: response.headers, durationMs });
    }
    return response;
  };
}

function describeCause(cause: unknown): string {
  const inner = (cause as { cause?: { code?: unknown } })?.cause;
  if (inner && typeof inner.code === 'string') return inner.code;
  return cause instanceof Error ? cause.message : 'network error';
}
