/**
 * Turns an answer into data or a typed error. LoginRadius signals errors with a non-2xx status, or with
 * HTTP 200 and a body carrying a non-zero `ErrorCode`; proxies in front of it may answer with HTML or
 * nothing at all. None of these crashes on JSON parsing, and no per-answer work is worse than linear in a
 * bounded prefix of the body.
 */
import { createApiError, normalizeErrorCode, type LoginRadiusApiError } from '../errors';
import { scrubJson, type Scrubber } from '../observe/redact';
import { parseRetryAfter } from './retry';
import type { TransportResponse } from './transport';

/** How much of a non-JSON body an error keeps: enough to recognise a proxy page, not enough to leak data. */
const EXCERPT_LENGTH = 200;
/** How much of a non-JSON body is looked at to make the excerpt (a 100 MB page costs the same as a 16 KiB one). */
const EXCERPT_SCAN = 16 * 1024;

/** The outcome of reading one response: the data, or the error to throw. */
export type ReadResult = { readonly ok: true; readonly data: unknown } | { readonly ok: false; readonly error: LoginRadiusApiError };

/**
 * Reads a response. An error keeps LoginRadius's body with every credential of the call scrubbed from it
 * (a `Description` may echo what was sent), or a short scrubbed excerpt when the body was not JSON.
 */
export function readResponse(
  operation: string,
  response: TransportResponse,
  scrub: Scrubber,
  now: number = Date.now(),
  noContent = false,
  textResponse = false,
): ReadResult {
  const { status, headers, text } = response;
  const isSuccessStatus = status >= 200 && status < 300;
  // Only an operation documented as answering with nothing may succeed with an empty body.
  if (noContent && isSuccessStatus && text.trim() === '') return { ok: true, data: undefined };
  // An operation documented as answering with a page or a document succeeds with its text (already size-bounded).
  if (textResponse && isSuccessStatus) return { ok: true, data: text };
  const parsed = parseJson(text);
  if (parsed.ok && isSuccessStatus && !carriesErrorCode(parsed.value)) {
    return { ok: true, data: parsed.value };
  }
  // Only an object can be LoginRadius's error body; anything else (an array, a bare string) is kept as an excerpt.
  const errorBody = parsed.ok && isJsonObject(parsed.value) ? scrubJson(parsed.value, scrub) : undefined;
  return {
    ok: false,
    error: createApiError({
      operation,
      status,
      headers,
      body: errorBody,
      bodyExcerpt: errorBody === undefined ? excerpt(text, scrub) : undefined,
      retryAfterMs: parseRetryAfter(headers.get('retry-after'), now),
    }),
  };
}

/** True for a JSON object whose `ErrorCode` says it is an error (anything present but 0 or empty). */
function carriesErrorCode(body: unknown): boolean {
  if (!isJsonObject(body)) return false;
  const code = body.ErrorCode;
  if (code === undefined || code === null || code === '') return false;
  return normalizeErrorCode(code) !== 0;
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Cut first, then scrub and flatten: the work is bounded by {@link EXCERPT_SCAN} whatever the body's size. */
function excerpt(text: string, scrub: Scrubber): string {
  const truncated = text.length > EXCERPT_SCAN;
  const head = scrub(truncated ? text.slice(0, EXCERPT_SCAN) : text, truncated);
  const flat = head.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH)}…` : flat;
}
