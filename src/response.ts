import { createApiError, type LoginRadiusApiError } from './errors';

/** How much of a non-JSON body an error keeps: enough to recognise a proxy page, not enough to leak data. */
const EXCERPT_LENGTH = 200;

/** The outcome of reading one response: the data, or the error to throw. */
export type ReadResult = { readonly ok: true; readonly data: unknown } | { readonly ok: false; readonly error: LoginRadiusApiError };

/**
 * Turns a response status and body text into data or a typed error. LoginRadius signals errors with a
 * non-2xx status, or with HTTP 200 and a body carrying a non-zero `ErrorCode`; proxies in front of it may
 * answer with HTML or nothing at all. None of these crashes on JSON parsing.
 */
export function readResponse(operation: string, status: number, headers: Headers, text: string, scrub: (text: string) => string): ReadResult {
  const parsed = parseJson(text);
  const isSuccessStatus = status >= 200 && status < 300;
  if (parsed.ok && isSuccessStatus && !carriesErrorCode(parsed.value)) {
    return { ok: true, data: parsed.value };
  }
  return {
    ok: false,
    error: createApiError({
      operation,
      status,
      headers,
      body: parsed.ok ? parsed.value : undefined,
      bodyExcerpt: parsed.ok ? undefined : excerpt(scrub(text)),
    }),
  };
}

function carriesErrorCode(body: unknown): boolean {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return false;
  const code = (body as { ErrorCode?: unknown }).ErrorCode;
  return code !== undefined && code !== null && code !== 0;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH)}…` : flat;
}
