/**
 * Validation of one call, before anything is sent: its params against the operation, and its per-call
 * options. Every problem is a {@link LoginRadiusValidationError} whose message starts with the operation's name.
 */
import type { ResolvedConfig } from '../config';
import { CREDENTIAL_PLACEMENT } from '../auth/credentials';
import { LoginRadiusValidationError } from '../errors';
import type { OperationDescriptor, OperationParams, ParamType, RequestOptions } from '../operation';
import { RESPONSE_OBSERVER, type ResponseObserver } from './response-info';
import { caseHint } from './case-hint';
import { byteLimit, extraHeaders, flag, hasLoneSurrogate, retryCount, timeoutMs, token, TOKEN_CHARS, type Fail } from './option-checks';

const PARAM_KEYS: ReadonlySet<string> = new Set(['path', 'query', 'body', 'accessToken', 'sott']);
const OPTION_KEYS: ReadonlySet<string> = new Set<keyof RequestOptions>([
  'signal',
  'timeoutMs',
  'maxRetries',
  'headers',
  'maxResponseBytes',
  'preventWebhook',
  'originIp',
]);
// Control characters would let a value rewrite the request line or headers.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_CHARS = /[\x00-\x1f\x7f]/;

/** A call's options with the client's defaults applied. */
export interface CallOptions {
  readonly signal: AbortSignal | undefined;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly maxResponseBytes: number;
  /** The call's extra headers, with `X-PreventWebhook` when webhooks are to be suppressed. */
  readonly headers: Readonly<Record<string, string>> | undefined;
  /** The end user's IP address sent as `X-Origin-IP`: the call's, else the client's. */
  readonly originIp: string | undefined;
  /** Told about the successful answer, when the call came through `withResponse`. */
  readonly observeResponse: ResponseObserver | undefined;
}

/** Checks the per-call options like the config is checked, and fills in the client's values. */
export function validateOptions(op: OperationDescriptor, options: unknown, config: ResolvedConfig): CallOptions {
  if (options === undefined) options = {};
  const fail = failFor(op);
  if (options === null || typeof options !== 'object' || Array.isArray(options))
    fail('options', 'options must be an object such as { timeoutMs, signal }');
  const o = options as Record<string | symbol, unknown>;
  for (const key of Object.keys(o)) {
    if (!OPTION_KEYS.has(key)) fail(`options.${key}`, `unknown option "${key}" (known: ${[...OPTION_KEYS].join(', ')})`);
  }
  if (o.signal !== undefined && !isAbortSignal(o.signal)) fail('options.signal', 'options.signal must be an AbortSignal');
  return {
    signal: o.signal as AbortSignal | undefined,
    timeoutMs: timeoutMs(o.timeoutMs, 'options.timeoutMs', config.timeoutMs, fail),
    maxRetries: retryCount(o.maxRetries, 'options.maxRetries', config.maxRetries, fail),
    maxResponseBytes: byteLimit(o.maxResponseBytes, 'options.maxResponseBytes', config.maxResponseBytes, fail),
    headers: withPreventWebhook(
      extraHeaders(o.headers, 'options.headers', fail),
      flag(o.preventWebhook, 'options.preventWebhook', config.preventWebhook, fail),
    ),
    originIp: o.originIp === undefined ? config.originIp : token(o.originIp, 'options.originIp', 'the end user IP address', fail),
    observeResponse: typeof o[RESPONSE_OBSERVER] === 'function' ? (o[RESPONSE_OBSERVER] as ResponseObserver) : undefined,
  };
}

// LoginRadius reads the header on every endpoint that fires webhooks and ignores it elsewhere, as the Node SDK relies on.
function withPreventWebhook(
  headers: Readonly<Record<string, string>> | undefined,
  prevent: boolean,
): Readonly<Record<string, string>> | undefined {
  if (!prevent) return headers;
  const others = Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'x-preventwebhook');
  return { ...Object.fromEntries(others), 'X-PreventWebhook': 'true' };
}

function isAbortSignal(value: unknown): boolean {
  if (typeof AbortSignal !== 'undefined' && value instanceof AbortSignal) return true;
  // A signal from another realm (a test runner's, a polyfill's) still has the shape the client uses.
  const v = value as { aborted?: unknown; addEventListener?: unknown; removeEventListener?: unknown } | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.aborted === 'boolean' &&
    typeof v.addEventListener === 'function' &&
    typeof v.removeEventListener === 'function'
  );
}

/**
 * Checks a call's params against its operation before anything is sent: required path, query and body
 * parameters present, runtime-checkable types right (a body's top-level fields too, by the operation's `checkBody`), path values safe to put in a URL, no unknown keys
 * (query names are case-sensitive, so a wrongly cased name is caught here instead of silently ignored).
 */
export function validateParams(op: OperationDescriptor, params: unknown): OperationParams {
  if (params === undefined) params = {};
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    throw invalid(op, 'params', 'params must be an object such as { query, body }');
  }
  const p = params as Record<string, unknown>;
  for (const key of Object.keys(p)) {
    if (!PARAM_KEYS.has(key)) {
      throw invalid(op, key, `unknown param "${key}"; params take path, query, body, accessToken and sott`);
    }
  }
  validatePath(op, p.path);
  validateQuery(op, p.query);
  validateBody(op, p.body);
  for (const credential of ['accessToken', 'sott'] as const) {
    const value = p[credential];
    if (value === undefined) continue;
    if (!op.security.some((set) => set.some((scheme) => CREDENTIAL_PLACEMENT[scheme].credential === credential))) {
      throw invalid(
        op,
        credential,
        `this operation does not use ${credential === 'sott' ? 'a SOTT' : "the user's access token"}; remove params.${credential}`,
      );
    }
    // It travels in a header (or a query parameter): printable ASCII only, or it could not be sent as it is.
    if (typeof value !== 'string' || !TOKEN_CHARS.test(value)) {
      throw invalid(op, credential, `${credential} must be a non-empty string of printable ASCII characters without spaces`);
    }
  }
  return p as OperationParams;
}

function validatePath(op: OperationDescriptor, path: unknown): void {
  const names = op.pathParams ?? [];
  if (names.length === 0) {
    if (path !== undefined) throw invalid(op, 'path', 'this operation takes no path parameters');
    return;
  }
  if (path === null || typeof path !== 'object') {
    throw invalid(op, 'path', `missing path parameters: pass path: { ${names.join(', ')} }`);
  }
  const values = path as Record<string, unknown>;
  for (const key of Object.keys(values)) {
    if (!names.includes(key)) throw invalid(op, `path.${key}`, `unknown path parameter "${key}" (expected ${names.join(', ')})`);
  }
  for (const name of names) {
    const value = values[name];
    const field = `path.${name}`;
    if (value === undefined || value === null || value === '') throw invalid(op, field, `missing required path parameter ${name}`);
    if (typeof value === 'number' ? !Number.isFinite(value) : typeof value !== 'string') {
      throw invalid(op, field, `path parameter ${name} must be a string`);
    }
    const text = String(value);
    // A "/" or ".." would point the request at another endpoint, and a URL parser drops a "." segment
    // (`/role/./permission` becomes `/role/permission`): refuse rather than send somewhere else.
    if (text === '.' || text.includes('/') || text.includes('\\') || text.includes('..') || CONTROL_CHARS.test(text)) {
      throw invalid(op, field, `path parameter ${name} must not be "." or contain "/", "\\", ".." or control characters`);
    }
    if (hasLoneSurrogate(text)) throw invalid(op, field, `path parameter ${name} is not well-formed text (an unpaired surrogate)`);
  }
}

function validateQuery(op: OperationDescriptor, query: unknown): void {
  const spec = op.query ?? {};
  if (query !== undefined && (query === null || typeof query !== 'object' || Array.isArray(query))) {
    throw invalid(op, 'query', 'query must be an object of query parameters');
  }
  const values = (query ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(values)) {
    const param = spec[name];
    if (!param) {
      const known = Object.keys(spec);
      const detail = caseHint(name, known) || (known.length ? ` (known: ${known.join(', ')})` : ' (it takes none)');
      throw invalid(op, `query.${name}`, `unknown query parameter "${name}"${detail}`);
    }
    if (value !== undefined && value !== null && !hasType(value, param.type)) {
      throw invalid(op, `query.${name}`, `query parameter ${name} must be ${article(param.type)}, got ${describe(value)}`);
    }
    if (typeof value === 'string' && CONTROL_CHARS.test(value)) {
      throw invalid(op, `query.${name}`, `query parameter ${name} must not contain control characters`);
    }
    if (containsLoneSurrogate(value, 0))
      throw invalid(op, `query.${name}`, `query parameter ${name} is not well-formed text (an unpaired surrogate)`);
  }
  for (const [name, param] of Object.entries(spec)) {
    const value = values[name];
    if (param.required && (value === undefined || value === null || value === '')) {
      throw invalid(op, `query.${name}`, `missing required query parameter ${name}`);
    }
  }
}

function validateBody(op: OperationDescriptor, body: unknown): void {
  if (op.body === undefined) {
    if (body !== undefined) throw invalid(op, 'body', 'this operation takes no request body');
    return;
  }
  if (body === undefined || body === null) {
    if (op.body === 'required') throw invalid(op, 'body', 'missing required request body');
    return;
  }
  if (typeof body !== 'object') throw invalid(op, 'body', `the request body must be a JSON object, got ${describe(body)}`);
  const problem = op.bodyShape && op.checkBody?.(op.bodyShape, body);
  if (problem) throw invalid(op, `body.${problem[0]}`, problem[1]);
}

function containsLoneSurrogate(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return hasLoneSurrogate(value);
  if (value === null || typeof value !== 'object' || depth > 8) return false;
  return Object.entries(value).some(([key, nested]) => hasLoneSurrogate(key) || containsLoneSurrogate(nested, depth + 1));
}

function hasType(value: unknown, type: ParamType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && !Array.isArray(value);
  }
}

function article(type: ParamType): string {
  return type === 'integer' || type === 'array' || type === 'object' ? `an ${type}` : `a ${type}`;
}

function describe(value: unknown): string {
  return Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value;
}

/** The one way a call reports bad input: the operation's name, then the problem. */
export function invalid(op: OperationDescriptor, parameter: string, message: string): LoginRadiusValidationError {
  return new LoginRadiusValidationError(`${op.id}: ${message}`, { operation: op.id, parameter });
}

/** {@link invalid} as a {@link Fail} callback for the shared option checks. */
export function failFor(op: OperationDescriptor): Fail {
  return (field, message) => {
    throw invalid(op, field, message);
  };
}
