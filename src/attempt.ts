/**
 * One attempt of a call: sign the prepared request if needed, run the hooks, send it through the transport
 * (which reads the whole body), and classify any failure for the retry decision.
 */
import type { ResolvedConfig } from './config';
import { LoginRadiusAbortError, LoginRadiusConnectionError, LoginRadiusTimeoutError, type LoginRadiusError } from './errors';
import { describeRequest, type RequestDescription } from './hooks';
import type { OperationDescriptor } from './operation';
import { redactUrl } from './redact';
import { PROTECTED_HEADERS, type PreparedRequest } from './request';
import { readResponse } from './response';
import { classifyFetchFailure, type AttemptOutcome } from './retry';
import { createCallSignal, type CallSignal } from './signals';
import type { RequestSigner } from './signer';
import type { TransportResponse } from './transport';

export type AttemptResult =
  | { readonly ok: true; readonly data: unknown }
  | {
      readonly ok: false;
      readonly error: LoginRadiusError;
      readonly outcome: AttemptOutcome;
      readonly retryAfter: string | null;
      /** The request as sent (redacted), for the `onError` hook; absent when no hook needs it. */
      readonly request: RequestDescription | undefined;
    };

export interface AttemptInput {
  readonly config: ResolvedConfig;
  readonly op: OperationDescriptor;
  readonly request: PreparedRequest;
  readonly attempt: number;
  readonly timeoutMs: number;
  readonly callerSignal: AbortSignal | undefined;
  readonly scrub: (text: string) => string;
  /** Signs one attempt over the exact URL and body sent; present when the request is signed. */
  readonly sign: RequestSigner | undefined;
}

export async function attemptOnce(input: AttemptInput): Promise<AttemptResult> {
  const { config, op, request } = input;
  // Hooks run outside the failure handling below: an exception in a hook is the caller's, not a network fault.
  const headers = await attemptHeaders(input);
  const described = config.hooks.length ? describeRequest(request.method, request.url, headers) : undefined;
  const signal = createCallSignal(input.timeoutMs, input.callerSignal);
  try {
    const started = described ? performance.now() : 0;
    let response: TransportResponse;
    try {
      response = await config.transport({ method: request.method, url: request.url, headers, body: request.body, signal: signal.signal });
    } catch (cause) {
      return failure(input, signal, cause, described);
    }
    if (described) {
      const durationMs = performance.now() - started;
      for (const hook of config.hooks) {
        await hook.onResponse?.({ operation: op.id, attempt: input.attempt, request: described, status: response.status, headers: response.headers, durationMs });
      }
    }
    const read = readResponse(op.id, response.status, response.headers, response.text, input.scrub);
    if (read.ok) return read;
    return { ok: false, error: read.error, outcome: { kind: 'response', status: response.status }, retryAfter: response.headers.get('retry-after'), request: described };
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
  const description = describeRequest(request.method, request.url, headers);
  for (const hook of config.hooks) {
    const added = await hook.onRequest?.({ operation: op.id, attempt: input.attempt, request: description });
    for (const [name, value] of Object.entries(added?.headers ?? {})) {
      // A hook may add tracing headers, never replace a credential or the signature.
      if (!PROTECTED_HEADERS.has(name.toLowerCase())) headers[name] = value;
    }
  }
  return headers;
}

/** Turns a failed fetch or body read into the error to report and the outcome the retry rules judge. */
function failure(input: AttemptInput, signal: CallSignal, cause: unknown, request: RequestDescription | undefined): AttemptResult {
  const { op, timeoutMs } = input;
  if (signal.timedOut()) {
    const error = new LoginRadiusTimeoutError(`${op.id} timed out after ${timeoutMs} ms`, { operation: op.id, timeoutMs });
    return { ok: false, error, outcome: { kind: 'timeout' }, retryAfter: null, request };
  }
  if (signal.aborted()) {
    throw new LoginRadiusAbortError(`${op.id} was aborted`, { operation: op.id, cause: input.callerSignal?.reason });
  }
  const where = redactUrl(input.request.endpoint);
  const error = new LoginRadiusConnectionError(`${op.id}: could not reach ${where} (${describeCause(cause)})`, { operation: op.id, cause });
  return { ok: false, error, outcome: classifyFetchFailure(cause), retryAfter: null, request };
}

function describeCause(cause: unknown): string {
  const inner = (cause as { cause?: { code?: unknown } })?.cause;
  if (inner && typeof inner.code === 'string') return inner.code;
  return cause instanceof Error ? cause.message : 'network error';
}
