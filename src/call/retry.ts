/**
 * The retry loop and its rules. LoginRadius has many calls that send an email or an SMS, and no idempotency
 * keys, so: a 429 or a request that provably never left is retried for every operation; 5xx, timeouts and
 * connection resets only for operations the spec marks idempotent. A server's `Retry-After` is obeyed, never
 * undercut; one longer than the client waits inside a call ends the call at once.
 */
import { LoginRadiusAbortError, type LoginRadiusError } from '../errors';
import type { RequestErrorEvent, RequestDescription } from '../observe/hooks';
import type { OperationDescriptor } from '../operation';
import { sleep } from './signals';

/** What happened on one attempt, as far as retrying is concerned. */
export type AttemptOutcome =
  | { readonly kind: 'response'; readonly status: number }
  /** The request provably never reached the server (connection refused, DNS failure). */
  | { readonly kind: 'not-sent' }
  /** The connection failed after the request may have reached the server (reset, TLS, unknown). */
  | { readonly kind: 'connection' }
  | { readonly kind: 'timeout' }
  /** An answer that no retry can improve: a redirect, one larger than `maxResponseBytes`. */
  | { readonly kind: 'unusable' };

/** One attempt's result, as the loop sees it. */
export type AttemptResult =
  | { readonly ok: true; readonly data: unknown }
  | {
      readonly ok: false;
      readonly error: LoginRadiusError;
      readonly outcome: AttemptOutcome;
      /** The server's `Retry-After`, in ms, when it sent one. */
      readonly retryAfterMs: number | undefined;
      /** The request as sent (redacted), for the `onError` hook; absent when no hook needs it. */
      readonly request: RequestDescription | undefined;
    };

export interface RetryLoop {
  readonly op: OperationDescriptor;
  readonly maxRetries: number;
  readonly signal: AbortSignal | undefined;
  /** Called after each failed attempt, with whether it will be retried. */
  readonly onError: ((event: RequestErrorEvent) => Promise<void>) | undefined;
  /** Makes attempt number `n` (1-based). */
  readonly attempt: (n: number) => Promise<AttemptResult>;
}

/** Runs attempts until one succeeds or the rules say stop; then resolves with the data or throws the error. */
export async function runWithRetries<T>(loop: RetryLoop): Promise<T> {
  const { op } = loop;
  for (let attempt = 1; ; attempt++) {
    const result = await loop.attempt(attempt);
    if (result.ok) return result.data as T;
    const delayMs = attempt <= loop.maxRetries && isRetryable(op, result.outcome) ? retryDelayMs(attempt, result.retryAfterMs) : undefined;
    const willRetry = delayMs !== undefined;
    if (result.request && loop.onError)
      await loop.onError({ operation: op.id, attempt, request: result.request, error: result.error, willRetry });
    if (!willRetry) throw result.error;
    try {
      await sleep(delayMs, loop.signal);
    } catch (reason) {
      throw new LoginRadiusAbortError(`${op.id} was aborted while waiting to retry`, { operation: op.id, cause: reason });
    }
  }
}

/** Decides whether an attempt may be repeated, by what happened and whether the operation is idempotent. */
export function isRetryable(op: OperationDescriptor, outcome: AttemptOutcome): boolean {
  switch (outcome.kind) {
    case 'not-sent':
      return true;
    case 'response':
      if (outcome.status === 429) return true;
      return op.idempotent === true && (outcome.status >= 500 || outcome.status === 408);
    case 'connection':
    case 'timeout':
      return op.idempotent === true;
    case 'unusable':
      return false;
  }
}

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
/** A server asking for a longer wait than this is not waited for inside one call: the call fails at once. */
const MAX_RETRY_AFTER_MS = 60_000;

/**
 * The wait before retry number `retry` (1-based), or `undefined` to give up: exactly the server's
 * `Retry-After` when it sent one (up to {@link MAX_RETRY_AFTER_MS}), else exponential backoff (0.5 s
 * doubling, capped at 8 s) with jitter over the upper half.
 */
export function retryDelayMs(retry: number, retryAfterMs: number | undefined, random: () => number = Math.random): number | undefined {
  if (retryAfterMs !== undefined) return retryAfterMs <= MAX_RETRY_AFTER_MS ? retryAfterMs : undefined;
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

// An HTTP date (IMF-fixdate, RFC 850 or asctime): a weekday name first. Bare numbers are delay-seconds.
const HTTP_DATE = /^[A-Za-z]{3,9}, /;
// Stryker disable next-line Regex: a month shorter than three letters is not a date Date.parse reads either
const ASCTIME = /^[A-Za-z]{3} [A-Za-z]{3} /;

/**
 * Parses a `Retry-After` header into milliseconds from `now`: delay-seconds or an HTTP date. A negative,
 * malformed or unparsable value counts as absent (`undefined`); a date in the past means now (0).
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) {
    const ms = Math.round(Number(text) * 1000);
    return Number.isSafeInteger(ms) ? ms : undefined;
  }
  const asctime = ASCTIME.test(text);
  if (!HTTP_DATE.test(text) && !asctime) return undefined;
  // asctime dates carry no zone but are in GMT; Date.parse would read them in the local time zone.
  const date = Date.parse(asctime && !/GMT|UTC|[+-]\d{4}$/.test(text) ? `${text} GMT` : text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

// Error codes Node and Bun attach to a failed fetch when no connection was ever made.
const NOT_SENT_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ConnectionRefused',
]);
// Deno's fetch errors carry no code: it says so in words (`tcp connect error: Connection refused (os error 111)`,
// `dns error: failed to lookup address information`).
const NOT_SENT_MESSAGES =
  /connection refused|tcp connect error|dns error|failed to lookup address|name or service not known|os error 111\b/i;

/** Classifies a transport's rejection: did the request provably never leave? */
export function classifyFetchFailure(error: unknown): AttemptOutcome {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && NOT_SENT_CODES.has(code)) return { kind: 'not-sent' };
    if (typeof message === 'string' && NOT_SENT_MESSAGES.test(message.slice(0, 1000))) return { kind: 'not-sent' };
  }
  return { kind: 'connection' };
}
