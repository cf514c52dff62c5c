/**
 * One attempt of a call, exactly one exchange: sign the prepared request if needed, run the hooks, send it
 * through the transport (which reads the whole body), and turn the answer or the failure into the result
 * the retry loop judges. Only the caller's abort and a hook's own exception are thrown from here.
 */
import type { ResolvedConfig } from '../config';
import {
  LoginRadiusAbortError,
  LoginRadiusConnectionError,
  type LoginRadiusError,
  LoginRadiusResponseTooLargeError,
  LoginRadiusTimeoutError,
} from '../errors';
import { describeRequest, runHook, type RequestDescription } from '../observe/hooks';
import type { OperationDescriptor } from '../operation';
import { extraHeaders } from './option-checks';
import { CREDENTIAL_HEADERS } from '../auth/credentials';
import { redactUrl, sanitizeCause, type Scrubber } from '../observe/redact';
import type { PreparedRequest } from './request';
import { readResponse } from './response';
import { requestIdOf, type ResponseObserver } from './response-info';
import { classifyFetchFailure, type AttemptResult } from './retry';
import { createCallSignal, type CallSignal } from './signals';
import type { RequestSigner } from '../auth/signing';
import type { TransportResponse } from './transport';
import { failFor } from './validate';

export interface AttemptInput {
  readonly config: ResolvedConfig;
  readonly op: OperationDescriptor;
  readonly request: PreparedRequest;
  readonly attempt: number;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly callerSignal: AbortSignal | undefined;
  /** Removes the call's credential values from any text that may echo the request. */
  readonly scrub: Scrubber;
  /** Signs one attempt over the exact URL and body sent; present when the request is signed. */
  readonly sign: RequestSigner | undefined;
  /** Told about a successful answer (`withResponse`). */
  readonly observeResponse?: ResponseObserver | undefined;
}

export async function attemptOnce(input: AttemptInput): Promise<AttemptResult> {
  const { config, op, request } = input;
  // Hooks run outside the failure handling below: an exception in a hook is the caller's, not a network fault.
  const headers = await attemptHeaders(input);
  const described = config.hooks.length ? describeRequest(request.method, request.url, headers, op.sensitive) : undefined;
  const signal = createCallSignal(input.timeoutMs, input.callerSignal);
  try {
    const started = described ? performance.now() : 0;
    let response: TransportResponse;
    try {
      response = await config.transport({
        method: request.method,
        url: request.url,
        headers,
        body: request.body,
        signal: signal.signal,
        maxResponseBytes: input.maxResponseBytes,
      });
    } catch (cause) {
      return failure(input, signal, cause, described);
    }
    if (described) {
      const durationMs = performance.now() - started;
      for (const hook of config.hooks) {
        await runHook(op.id, 'onResponse', () =>
          hook.onResponse?.({
            operation: op.id,
            attempt: input.attempt,
            request: described,
            status: response.status,
            headers: response.headers,
            durationMs,
          }),
        );
      }
    }
    const unusable = unusableAnswer(input, response);
    if (unusable) return { ok: false, error: unusable, outcome: { kind: 'unusable' }, retryAfterMs: undefined, request: described };
    const read = readResponse(op.id, response, input.scrub, Date.now(), op.noContent, op.textResponse);
    if (read.ok) {
      input.observeResponse?.({
        status: response.status,
        headers: response.headers,
        requestId: requestIdOf(response.headers),
        attempts: input.attempt,
      });
      return read;
    }
    return {
      ok: false,
      error: read.error,
      outcome: { kind: 'response', status: response.status },
      retryAfterMs: read.error.retryAfterMs,
      request: described,
    };
  } finally {
    signal.dispose();
  }
}

/** This attempt's headers: the prepared ones, the signature (fresh per attempt), and what `onRequest` hooks add. */
async function attemptHeaders(input: AttemptInput): Promise<Readonly<Record<string, string>>> {
  const { config, request, op } = input;
  // Nothing changes per attempt without signing or hooks: send the prepared headers as they are.
  if (!input.sign && !config.hooks.length) return request.headers;
  const headers: Record<string, string> = { ...request.headers };
  if (input.sign) Object.assign(headers, await input.sign(request.url, request.body));
  if (!config.hooks.length) return headers;
  const description = describeRequest(request.method, request.url, headers, op.sensitive);
  for (const hook of config.hooks) {
    const added = await runHook(op.id, 'onRequest', () =>
      hook.onRequest?.({ operation: op.id, attempt: input.attempt, request: description }),
    );
    const extra = added && typeof added === 'object' ? added.headers : undefined;
    // A hook may add tracing headers, never replace a credential or the signature: those are left out.
    const allowed =
      extra && typeof extra === 'object'
        ? Object.fromEntries(Object.entries(extra).filter(([name]) => !CREDENTIAL_HEADERS.has(name.toLowerCase())))
        : extra;
    Object.assign(headers, extraHeaders(allowed, 'hooks.onRequest headers', failFor(op)));
  }
  return headers;
}

/** A redirect (never followed) or a body the transport returned past the size limit: no use retrying. */
function unusableAnswer(input: AttemptInput, response: TransportResponse): LoginRadiusError | undefined {
  const { op, request } = input;
  const { status } = response;
  // Status 0 is a browser's opaque redirect.
  if (status === 0 || (status >= 300 && status < 400)) {
    return new LoginRadiusConnectionError(
      `${op.id}: ${redactUrl(request.endpoint)} answered with a redirect${status ? ` (HTTP ${status})` : ''}; ` +
        'redirects are not followed, so credentials never go to another URL (check baseUrl)',
      { operation: op.id },
    );
  }
  // UTF-16 code units never outnumber UTF-8 bytes: a custom transport that ignored the limit is caught here.
  if (response.text.length > input.maxResponseBytes) return tooLarge(op, input.maxResponseBytes);
  return undefined;
}

function tooLarge(op: OperationDescriptor, maxResponseBytes: number): LoginRadiusResponseTooLargeError {
  return new LoginRadiusResponseTooLargeError(`${op.id}: the response is larger than maxResponseBytes (${maxResponseBytes} bytes)`, {
    operation: op.id,
    maxResponseBytes,
  });
}

/** Turns a failed transport call into the error to report and the outcome the retry rules judge. */
function failure(input: AttemptInput, signal: CallSignal, cause: unknown, request: RequestDescription | undefined): AttemptResult {
  const { op, timeoutMs } = input;
  if (signal.timedOut()) {
    const attempts = input.attempt;
    const which = attempts > 1 ? ` on attempt ${attempts}` : '';
    const error = new LoginRadiusTimeoutError(`${op.id} timed out after ${timeoutMs} ms${which}`, {
      operation: op.id,
      timeoutMs,
      attempts,
    });
    return { ok: false, error, outcome: { kind: 'timeout' }, retryAfterMs: undefined, request };
  }
  if (signal.aborted()) {
    throw new LoginRadiusAbortError(`${op.id} was aborted`, { operation: op.id, cause: input.callerSignal?.reason });
  }
  if (cause instanceof LoginRadiusResponseTooLargeError) {
    return { ok: false, error: tooLarge(op, cause.maxResponseBytes), outcome: { kind: 'unusable' }, retryAfterMs: undefined, request };
  }
  // The transport's own error may quote the URL (with `secret=` or a token) anywhere: only a sanitised copy is kept.
  const safeCause = sanitizeCause(cause, input.scrub);
  const where = redactUrl(input.request.endpoint);
  const error = new LoginRadiusConnectionError(`${op.id}: could not reach ${where} (${describeCause(safeCause)})`, {
    operation: op.id,
    cause: safeCause,
  });
  return { ok: false, error, outcome: classifyFetchFailure(cause), retryAfterMs: undefined, request };
}

function describeCause(cause: Error): string {
  const inner = cause.cause as { code?: unknown } | undefined;
  if (inner && typeof inner.code === 'string') return inner.code;
  const code = (cause as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  return cause.message.slice(0, 200) || 'network error';
}
