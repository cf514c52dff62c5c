/**
 * The errors this client throws. Every one extends {@link LoginRadiusError}, so one `instanceof` check
 * catches them all, and each subclass narrows to what went wrong:
 *
 * - {@link LoginRadiusApiError}: LoginRadius answered with an error (with subclasses per HTTP status).
 * - {@link LoginRadiusValidationError}: bad input caught before anything was sent.
 * - {@link LoginRadiusConnectionError}: no usable answer came back (network failure, refused connection).
 * - {@link LoginRadiusTimeoutError}: the call took longer than `timeoutMs`.
 * - {@link LoginRadiusAbortError}: the caller's `AbortSignal` cancelled the call.
 *
 * Messages name the operation and, for bad input, the parameter. They never contain the API secret, an
 * access token or a SOTT; request URLs they mention have credentials redacted.
 */

/** The base class of every error thrown by this client. */
export class LoginRadiusError extends Error {
  /** The operation (function name) that failed, when the error belongs to a call. */
  readonly operation: string | undefined;

  constructor(message: string, options: { operation?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.operation = options.operation;
  }
}

/** Bad input caught before sending: a missing required parameter, an unsafe path value, a malformed config. Nothing was sent. */
export class LoginRadiusValidationError extends LoginRadiusError {
  /** The parameter or config field at fault (e.g. `query.Email`, `apiKey`). */
  readonly parameter: string | undefined;

  constructor(message: string, options: { operation?: string; parameter?: string } = {}) {
    super(message, options);
    this.parameter = options.parameter;
  }
}

/** The error body LoginRadius sends (`ErrorCode`, `Description`, …), as far as it was present. */
export interface LoginRadiusErrorBody {
  ErrorCode?: number;
  Description?: string;
  Message?: string;
  IsProviderError?: boolean;
  ProviderErrorResponse?: string | null;
  [key: string]: unknown;
}

/** What an {@link LoginRadiusApiError} is built from. */
export interface ApiErrorDetails {
  operation: string;
  status: number;
  headers: Headers;
  /** The parsed JSON body, or `undefined` when the body was empty or not JSON. */
  body: unknown;
  /** A short, redacted excerpt of a body that was not JSON. */
  bodyExcerpt?: string;
}

const REQUEST_ID_HEADERS = ['x-request-id', 'x-correlation-id', 'x-amzn-requestid', 'cf-ray'] as const;

/**
 * LoginRadius (or a proxy in front of it) answered, and the answer is an error: a non-2xx status, or an
 * HTTP 200 whose JSON body carries a non-zero `ErrorCode` (LoginRadius does that on some endpoints).
 */
export class LoginRadiusApiError extends LoginRadiusError {
  /** The HTTP status. */
  readonly status: number;
  /** LoginRadius's `ErrorCode`, when the body carried one. */
  readonly errorCode: number | undefined;
  /** LoginRadius's `Description`, when the body carried one. */
  readonly description: string | undefined;
  /** True when a social identity provider, not LoginRadius, rejected the call. */
  readonly isProviderError: boolean;
  /** The provider's own error text when `isProviderError` is true. */
  readonly providerErrorResponse: string | null;
  /** The response headers. */
  readonly headers: Headers;
  /** A request id from the response headers, when one is present. */
  readonly requestId: string | undefined;
  /** The parsed response body (or `undefined` if it was empty or not JSON). */
  readonly body: unknown;
  /** A short excerpt of a body that was not JSON (an HTML page from a proxy, say). */
  readonly bodyExcerpt: string | undefined;

  constructor(details: ApiErrorDetails) {
    const lr = asErrorBody(details.body);
    super(describeApiError(details, lr), { operation: details.operation });
    this.status = details.status;
    this.errorCode = lr?.ErrorCode;
    this.description = lr?.Description;
    this.isProviderError = lr?.IsProviderError === true;
    this.providerErrorResponse = lr?.ProviderErrorResponse ?? null;
    this.headers = details.headers;
    this.requestId = REQUEST_ID_HEADERS.map((name) => details.headers.get(name)).find((v) => v) ?? undefined;
    this.body = details.body;
    this.bodyExcerpt = details.bodyExcerpt;
  }
}

/** HTTP 400: LoginRadius rejected a parameter or the body. */
export class LoginRadiusBadRequestError extends LoginRadiusApiError {}
/** HTTP 401: a credential is missing or wrong (often the API secret). */
export class LoginRadiusAuthenticationError extends LoginRadiusApiError {}
/** HTTP 403: refused (invalid or expired access token, unauthorized API key, a business rule). */
export class LoginRadiusPermissionDeniedError extends LoginRadiusApiError {}
/** HTTP 404: the resource does not exist. */
export class LoginRadiusNotFoundError extends LoginRadiusApiError {}
/** HTTP 429: rate limited. */
export class LoginRadiusRateLimitError extends LoginRadiusApiError {}
/** HTTP 5xx: LoginRadius or a proxy failed. */
export class LoginRadiusServerError extends LoginRadiusApiError {}

/** Builds the most specific {@link LoginRadiusApiError} subclass for a status. */
export function createApiError(details: ApiErrorDetails): LoginRadiusApiError {
  const { status } = details;
  if (status === 400) return new LoginRadiusBadRequestError(details);
  if (status === 401) return new LoginRadiusAuthenticationError(details);
  if (status === 403) return new LoginRadiusPermissionDeniedError(details);
  if (status === 404) return new LoginRadiusNotFoundError(details);
  if (status === 429) return new LoginRadiusRateLimitError(details);
  if (status >= 500) return new LoginRadiusServerError(details);
  return new LoginRadiusApiError(details);
}

/** Nothing usable came back: the connection failed, was reset, or the body could not be read. */
export class LoginRadiusConnectionError extends LoginRadiusError {}

/** The call did not finish within its `timeoutMs` (reading the body included). */
export class LoginRadiusTimeoutError extends LoginRadiusError {
  readonly timeoutMs: number;

  constructor(message: string, options: { operation?: string; timeoutMs: number }) {
    super(message, options);
    this.timeoutMs = options.timeoutMs;
  }
}

/** The caller's `AbortSignal` cancelled the call. */
export class LoginRadiusAbortError extends LoginRadiusError {}

function asErrorBody(body: unknown): LoginRadiusErrorBody | undefined {
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as LoginRadiusErrorBody) : undefined;
}

function describeApiError(details: ApiErrorDetails, lr: LoginRadiusErrorBody | undefined): string {
  const head = `${details.operation} failed with HTTP ${details.status}`;
  if (lr?.ErrorCode !== undefined || lr?.Description !== undefined) {
    const code = lr.ErrorCode === undefined ? '' : ` (ErrorCode ${lr.ErrorCode})`;
    return `${head}${code}: ${lr.Description ?? lr.Message ?? 'no description'}`;
  }
  if (details.bodyExcerpt !== undefined) {
    return details.bodyExcerpt === '' ? `${head} and an empty body` : `${head} and a non-JSON body: ${details.bodyExcerpt}`;
  }
  return head;
}
