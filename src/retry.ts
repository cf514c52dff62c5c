import type { OperationDescriptor } from './operation';

/** What happened on one attempt, as far as retrying is concerned. */
export type AttemptOutcome =
  | { readonly kind: 'response'; readonly status: number }
  /** The request provably never reached the server (connection refused, DNS failure). */
  | { readonly kind: 'not-sent' }
  /** The connection failed after the request may have reached the server (reset, TLS, unknown). */
  | { readonly kind: 'connection' }
  | { readonly kind: 'timeout' };

/**
 * Decides whether an attempt may be repeated. LoginRadius has many calls that send an email or an SMS, and
 * no idempotency keys, so: a 429 or a request that provably never left is retried for every operation;
 * 5xx, timeouts and connection resets only for operations the spec marks idempotent.
 */
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
  }
}

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
/** A server asking for a longer wait than this is not worth waiting for inside one call. */
const MAX_RETRY_AFTER_MS = 60_000;

/**
 * The wait before retry number `retry` (1-based): the server's `Retry-After` (seconds or an HTTP date)
 * when present and sensible, else exponential backoff (0.5 s doubling, capped at 8 s) with jitter over the upper half.
 */
export function retryDelayMs(retry: number, retryAfter: string | null, now: number = Date.now(), random: () => number = Math.random): number {
  const asked = parseRetryAfter(retryAfter, now);
  if (asked !== undefined && asked <= MAX_RETRY_AFTER_MS) return asked;
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Parses a `Retry-After` header into milliseconds from `now`. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

// Error codes Node and Bun attach to a failed fetch when no connection was ever made.
const NOT_SENT_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ConnectionRefused']);

/** Classifies a fetch rejection: did the request provably never leave? */
export function classifyFetchFailure(error: unknown): AttemptOutcome {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NOT_SENT_CODES.has(code)) return { kind: 'not-sent' };
  }
  return { kind: 'connection' };
}
