/**
 * The errors this client throws. Every one extends {@link LoginRadiusError}, so one `instanceof` check
 * catches them all, and each subclass narrows to what went wrong:
 *
 * - {@link LoginRadiusApiError}: LoginRadius answered with an error (with subclasses per HTTP status).
 * - {@link LoginRadiusValidationError}: bad input caught before anything was sent.
 * - {@link LoginRadiusConnectionError}: no usable answer came back (network failure, refused connection).
 * - {@link LoginRadiusTimeoutError}: the call took longer than `timeoutMs`.
 * - {@link LoginRadiusAbortError}: the caller's `AbortSignal` cancelled the call.
 * - {@link LoginRadiusResponseTooLargeError}: the answer was bigger than `maxResponseBytes`.
 *
 * Messages name the operation and, for bad input, the parameter. They never contain a credential (the API
 * secret, an access token, a SOTT, an OTP, a password): request URLs they mention are redacted, texts that
 * echo the request are scrubbed, and a transport's own error is replaced by a sanitised copy.
 *
 * `instanceof` works across copies of this package (its CommonJS and ESM builds loaded side by side, two
 * installed versions): each class recognises errors by a registered brand, not only by prototype.
 */

import { ERROR_CODE_NAMES, ERROR_CODE_STATUSES, type LoginRadiusErrorCode } from '../generated/error-codes';
import { requestIdOf } from './call/response-info';

// A registry symbol, so every copy of the package shares it.
const KINDS: unique symbol = Symbol.for('loginradius-client.error-kinds') as never;
const KIND: unique symbol = Symbol.for('loginradius-client.error-kind') as never;

/** The base class of every error thrown by this client. */
export class LoginRadiusError extends Error {
  static readonly [KIND]: string = 'LoginRadiusError';

  /** The operation (function name) that failed, when the error belongs to a call. */
  readonly operation: string | undefined;

  constructor(message: string, options: { operation?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    const kinds: string[] = [];
    for (let c = new.target as unknown as Record<symbol, unknown> | null; c && typeof c[KIND] === 'string'; c = Object.getPrototypeOf(c)) {
      if (Object.hasOwn(c, KIND)) kinds.push(c[KIND] as string);
    }
    Object.defineProperty(this, KINDS, { value: Object.freeze(kinds) });
    // A subclass of the caller's own keeps its own name.
    this.name = Object.hasOwn(new.target, KIND) ? kinds[0]! : new.target.name;
    this.operation = options.operation;
  }

  /** True for instances of this class from any copy of the package (the CommonJS and ESM builds alike). */
  static [Symbol.hasInstance](value: unknown): boolean {
    // `this` is the class `instanceof` asked about (a subclass inherits this method), so it is meant here.
    // biome-ignore lint/complexity/noThisInStatic: the receiver is the subclass being tested against
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    const kinds = value !== null && typeof value === 'object' ? (value as Record<symbol, unknown>)[KINDS] : undefined;
    // biome-ignore lint/complexity/noThisInStatic: the receiver is the subclass being tested against
    return Array.isArray(kinds) && kinds.includes((this as unknown as Record<symbol, unknown>)[KIND]);
  }
}

/** Bad input caught before sending: a missing required parameter, an unsafe path value, a malformed config. Nothing was sent. */
export class LoginRadiusValidationError extends LoginRadiusError {
  static override readonly [KIND] = 'LoginRadiusValidationError';
  /** The parameter or config field at fault (e.g. `query.Email`, `apiKey`). */
  readonly parameter: string | undefined;

  constructor(message: string, options: { operation?: string; parameter?: string } = {}) {
    super(message, options);
    this.parameter = options.parameter;
  }
}

/**
 * The error body LoginRadius sends, as far as it was present: its five documented members, plus `Errors` (the
 * fields that failed validation, with ErrorCode 1134) and `Data` (tokens LoginRadius still issues with some
 * errors, e.g. 1194 under the strict privacy-policy mode). Anything else it sends is kept under its own name.
 */
export interface LoginRadiusErrorBody {
  readonly ErrorCode?: number | string;
  readonly Description?: string;
  readonly Message?: string;
  readonly IsProviderError?: boolean;
  readonly ProviderErrorResponse?: string | null;
  readonly Errors?: readonly { readonly FieldName?: string; readonly ErrorMessage?: string }[];
  readonly Data?: unknown;
  readonly [key: string]: unknown;
}

/** What an {@link LoginRadiusApiError} is built from. */
export interface ApiErrorDetails {
  operation: string;
  status: number;
  headers: Headers;
  /** The parsed JSON body (credentials scrubbed), or `undefined` when the body was empty or not a JSON object. */
  body: unknown;
  /** A short, redacted excerpt of a body that was not a JSON object. */
  bodyExcerpt?: string;
  /** How long the server asked to wait before retrying (`Retry-After`), when it said. */
  retryAfterMs?: number | undefined;
}

/**
 * LoginRadius (or a proxy in front of it) answered, and the answer is an error: a non-2xx status, or an
 * HTTP 200 whose JSON body carries a non-zero `ErrorCode` (LoginRadius does that on some endpoints).
 */
export class LoginRadiusApiError extends LoginRadiusError {
  static override readonly [KIND]: string = 'LoginRadiusApiError';
  /**
   * The status that classifies the error: the HTTP status, or, when LoginRadius answered HTTP 200 with an
   * `ErrorCode`, that code's documented status (so the class and the status agree). See `httpStatus`.
   */
  readonly status: number;
  /** The HTTP status that came back (200 for an error LoginRadius sends in a 200 answer). */
  readonly httpStatus: number;
  /** The name of LoginRadius's `ErrorCode` (`'EMAIL_NOT_VERIFIED'`, …) when the code is documented; see docs/ERRORS.md. */
  readonly code: LoginRadiusErrorCode | undefined;
  /** LoginRadius's `ErrorCode`, when the body carried a numeric one (a numeric string is converted; anything else stays only in `body`). */
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
  /**
   * The parsed error body (credentials scrubbed), or `undefined` when it was empty, not JSON, or JSON that is not
   * an object (then `bodyExcerpt` has it).
   */
  readonly body: LoginRadiusErrorBody | undefined;
  /** A short excerpt of a body that was not JSON (an HTML page from a proxy, say). */
  readonly bodyExcerpt: string | undefined;
  /**
   * How long the server asked to wait before retrying (its `Retry-After`, in ms), when it said. A call that
   * gives up because the wait is longer than the client waits inside a call carries it here.
   */
  readonly retryAfterMs: number | undefined;

  constructor(details: ApiErrorDetails) {
    const lr = asErrorBody(details.body);
    super(describeApiError(details, lr), { operation: details.operation });
    this.errorCode = normalizeErrorCode(lr?.ErrorCode);
    this.code = errorCodeName(this.errorCode);
    this.httpStatus = details.status;
    this.status = classifyingStatus(details.status, this.errorCode);
    this.description = typeof lr?.Description === 'string' ? lr.Description : undefined;
    this.isProviderError = lr?.IsProviderError === true;
    this.providerErrorResponse = typeof lr?.ProviderErrorResponse === 'string' ? lr.ProviderErrorResponse : null;
    this.headers = details.headers;
    this.requestId = requestIdOf(details.headers);
    this.body = lr;
    this.bodyExcerpt = details.bodyExcerpt;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** HTTP 400: LoginRadius rejected a parameter or the body. */
export class LoginRadiusBadRequestError extends LoginRadiusApiError {
  static override readonly [KIND] = 'LoginRadiusBadRequestError';
  declare readonly status: 400;
}
/** HTTP 401: a credential is missing or wrong (often the API secret). */
export class LoginRadiusAuthenticationError extends LoginRadiusApiError {
  static override readonly [KIND] = 'LoginRadiusAuthenticationError';
  declare readonly status: 401;
}
/** HTTP 403: refused (invalid or expired access token, unauthorized API key, a business rule). */
export class LoginRadiusPermissionDeniedError extends LoginRadiusApiError {
  static override readonly [KIND] = 'LoginRadiusPermissionDeniedError';
  declare readonly status: 403;
}
/** HTTP 404: the resource does not exist. */
export class LoginRadiusNotFoundError extends LoginRadiusApiError {
  static override readonly [KIND] = 'LoginRadiusNotFoundError';
  declare readonly status: 404;
}
/** HTTP 429: rate limited. `retryAfterMs` says how long the server asked to wait, when it said. */
export class LoginRadiusRateLimitError extends LoginRadiusApiError {
  static override readonly [KIND] = 'LoginRadiusRateLimitError';
  declare readonly status: 429;
}
/** HTTP 5xx: LoginRadius or a proxy failed. */
export class LoginRadiusServerError extends LoginRadiusApiError {
  static override readonly [KIND] = 'LoginRadiusServerError';
}

/** Builds the most specific {@link LoginRadiusApiError} subclass for a status (or a 200's documented ErrorCode). */
export function createApiError(details: ApiErrorDetails): LoginRadiusApiError {
  const status = classifyingStatus(details.status, normalizeErrorCode(asErrorBody(details.body)?.ErrorCode));
  if (status === 400) return new LoginRadiusBadRequestError(details);
  if (status === 401) return new LoginRadiusAuthenticationError(details);
  if (status === 403) return new LoginRadiusPermissionDeniedError(details);
  if (status === 404) return new LoginRadiusNotFoundError(details);
  if (status === 429) return new LoginRadiusRateLimitError(details);
  if (status >= 500) return new LoginRadiusServerError(details);
  return new LoginRadiusApiError(details);
}

/**
 * Nothing usable came back: the connection failed or was reset, the body could not be read, or the server
 * answered with a redirect (never followed: it would carry the credentials to another URL). `cause` is a
 * sanitised copy of the transport's error (its name, `code`, `errno`, `syscall`, scrubbed message).
 */
export class LoginRadiusConnectionError extends LoginRadiusError {
  static override readonly [KIND] = 'LoginRadiusConnectionError';
}

/** The call did not finish within its `timeoutMs` (reading the body included). */
export class LoginRadiusTimeoutError extends LoginRadiusError {
  static override readonly [KIND] = 'LoginRadiusTimeoutError';
  /** The time limit of each attempt. */
  readonly timeoutMs: number;
  /** How many attempts were made, this one included (more than 1 when the call was retried). */
  readonly attempts: number;

  constructor(message: string, options: { operation?: string; timeoutMs: number; attempts?: number }) {
    super(message, options);
    this.timeoutMs = options.timeoutMs;
    this.attempts = options.attempts ?? 1;
  }
}

/** The caller's `AbortSignal` cancelled the call. */
export class LoginRadiusAbortError extends LoginRadiusError {
  static override readonly [KIND] = 'LoginRadiusAbortError';
}

/**
 * The answer was larger than `maxResponseBytes` (counted on the bytes received and again after
 * decompression), so reading stopped. Transports throw it when their limit is reached; the client then
 * reports it with the operation's name.
 */
export class LoginRadiusResponseTooLargeError extends LoginRadiusError {
  static override readonly [KIND] = 'LoginRadiusResponseTooLargeError';
  readonly maxResponseBytes: number;

  constructor(message: string, options: { operation?: string; maxResponseBytes: number }) {
    super(message, options);
    this.maxResponseBytes = options.maxResponseBytes;
  }
}

/** LoginRadius's `ErrorCode` as a number: numeric strings converted, anything else `undefined`. */
export function normalizeErrorCode(code: unknown): number | undefined {
  if (typeof code === 'number') return Number.isFinite(code) ? code : undefined;
  if (typeof code === 'string' && /^-?\d{1,15}$/.test(code.trim())) return Number(code.trim());
  return undefined;
}

function asErrorBody(body: unknown): LoginRadiusErrorBody | undefined {
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as LoginRadiusErrorBody) : undefined;
}

function describeApiError(details: ApiErrorDetails, lr: LoginRadiusErrorBody | undefined): string {
  const head = `${details.operation} failed with HTTP ${details.status}`;
  const errorCode = normalizeErrorCode(lr?.ErrorCode);
  const description = [lr?.Description, lr?.Message].find((text): text is string => typeof text === 'string');
  if (errorCode !== undefined || description !== undefined) {
    const code = errorCode === undefined ? '' : ` (ErrorCode ${errorCode})`;
    return `${head}${code}: ${description ?? 'no description'}`;
  }
  if (details.bodyExcerpt !== undefined) {
    return details.bodyExcerpt === ''
      ? `${head} and an empty body`
      : `${head} and a body that is not an error object: ${details.bodyExcerpt}`;
  }
  const problems = validationProblems(lr?.validation);
  return problems ? `${head}: ${problems}` : head;
}

/**
 * A request validator's findings (the mock's `application/problem+json` `validation` array, `{ location, message }`
 * each), shortened: the first three, 100 characters each. The body was already scrubbed of the call's credentials.
 */
function validationProblems(validation: unknown): string | undefined {
  if (!Array.isArray(validation) || validation.length === 0) return undefined;
  const lines = validation
    .slice(0, 3)
    .map((v: { location?: unknown; message?: unknown }) =>
      `${Array.isArray(v?.location) ? v.location.join('.') : 'request'} ${String(v?.message ?? 'is invalid')}`.slice(0, 100),
    );
  return lines.join('; ') + (validation.length > 3 ? ` (and ${validation.length - 3} more)` : '');
}

/** The name of a documented LoginRadius `ErrorCode`, or `undefined`. */
export function errorCodeName(errorCode: number | undefined): LoginRadiusErrorCode | undefined {
  return errorCode === undefined ? undefined : (ERROR_CODE_NAMES as Readonly<Record<number, LoginRadiusErrorCode>>)[errorCode];
}

/** The documented HTTP status of a LoginRadius `ErrorCode` (most are 403), or `undefined` for an undocumented one. */
function documentedStatus(errorCode: number): number | undefined {
  if (errorCodeName(errorCode) === undefined) return undefined;
  for (const [status, codes] of Object.entries(ERROR_CODE_STATUSES)) if (codes.includes(errorCode)) return Number(status);
  return 403;
}

/** An error in a 2xx answer is classified by its code's documented status; any other by the HTTP status. */
function classifyingStatus(httpStatus: number, errorCode: number | undefined): number {
  if (httpStatus < 200 || httpStatus >= 300 || errorCode === undefined) return httpStatus;
  return documentedStatus(errorCode) ?? httpStatus;
}

/**
 * True when `error` is an error this client threw; with a `code`, only when it is a LoginRadius API error with
 * that `ErrorCode` name (`isLoginRadiusError(error, 'EMAIL_NOT_VERIFIED')`). Narrows the type either way.
 */
export function isLoginRadiusError(error: unknown): error is LoginRadiusError;
export function isLoginRadiusError<C extends LoginRadiusErrorCode>(
  error: unknown,
  code: C,
): error is LoginRadiusApiError & { readonly code: C };
export function isLoginRadiusError(error: unknown, code?: LoginRadiusErrorCode): boolean {
  if (code === undefined) return error instanceof LoginRadiusError;
  return error instanceof LoginRadiusApiError && error.code === code;
}
