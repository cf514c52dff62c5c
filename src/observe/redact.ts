/**
 * Redaction of credentials wherever a request is described (errors, logs, hooks' descriptions).
 *
 * Two mechanisms, because a credential can leak in two ways:
 * - by name: the headers the credential table places and the query parameters an operation marks
 *   `sensitive` have their values replaced in every description of the request;
 * - by value: any text that may echo the request (a transport's error message, a proxy's HTML page,
 *   LoginRadius's own `Description`) has every credential value of the call scrubbed out of it, in each
 *   encoding the value travelled in.
 */
import { CREDENTIAL_HEADERS, CREDENTIAL_QUERY } from '../auth/credentials';
import type { OperationDescriptor, OperationParams } from '../operation';

/** The text that replaces a redacted value. */
const REDACTED = '[redacted]';

// Query names LoginRadius uses for secrets and user tokens on some endpoint, redacted even where no operation
// says so (a URL described without its operation, a custom `baseUrl` that carries one).
const ALWAYS_SECRET_QUERY: readonly string[] = ['apisecret', 'access_token', 'refresh_token', 'sott', 'token', 'otp'];
const SECRET_QUERY: ReadonlySet<string> = new Set([...CREDENTIAL_QUERY, ...ALWAYS_SECRET_QUERY]);

/**
 * Returns the URL with the values of credential-carrying query parameters replaced by `[redacted]`: the
 * secret and token names every LoginRadius URL may carry, plus `sensitive` (an operation's own list).
 * Names match case-insensitively, as LoginRadius reads them.
 */
export function redactUrl(url: string, sensitive: readonly string[] = []): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.replace(/\?.*$/s, `?${REDACTED}`);
  }
  if (parsed.search === '') return parsed.href;
  const extra = sensitive.length ? new Set(sensitive.map((name) => name.toLowerCase())) : undefined;
  let changed = false;
  for (const name of new Set(parsed.searchParams.keys())) {
    const lower = name.toLowerCase();
    if (SECRET_QUERY.has(lower) || extra?.has(lower)) {
      parsed.searchParams.set(name, REDACTED);
      changed = true;
    }
  }
  return changed ? parsed.href.replaceAll(encodeURIComponent(REDACTED), REDACTED) : parsed.href;
}

/** Returns a plain object copy of the headers with credential values replaced by `[redacted]`. */
export function redactHeaders(headers: Headers | Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  for (const [name, value] of entries) {
    out[name] = CREDENTIAL_HEADERS.has(name.toLowerCase()) ? REDACTED : value;
  }
  return out;
}

/**
 * Removes every credential value of a call from a text. With `truncated` (the text is the head of a longer
 * one), a value cut in half at the end is removed too.
 */
export type Scrubber = (text: string, truncated?: boolean) => string;

// Shorter values are too likely to be ordinary text ("1234" in an error code) and too weak to be worth hiding.
const MIN_SCRUBBED_LENGTH = 4;

/**
 * A scrubber for the given values, in every form they may appear in a URL or a JSON echo: as given,
 * percent-encoded, form-encoded and JSON-escaped. The forms are computed on first use: errors are rare, calls
 * are not.
 */
export function createScrubber(values: () => readonly string[]): Scrubber {
  let forms: readonly string[] | undefined;
  return (text, truncated = false) => {
    forms ??= encodedForms(values());
    let out = text;
    for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
    return truncated ? withoutCutValue(out, forms) : out;
  };
}

/** Removes a trailing start of any value (a value the cut went through). */
function withoutCutValue(text: string, forms: readonly string[]): string {
  for (const form of forms) {
    for (let length = Math.min(form.length - 1, text.length); length > 0; length--) {
      if (text.endsWith(form.slice(0, length))) return `${text.slice(0, -length)}${REDACTED}`;
    }
  }
  return text;
}

function encodedForms(values: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const value of values) {
    if (value.length < MIN_SCRUBBED_LENGTH) continue;
    forms.add(value);
    forms.add(safely(() => encodeURIComponent(value)));
    forms.add(new URLSearchParams({ v: value }).toString().slice(2));
    forms.add(JSON.stringify(value).slice(1, -1));
  }
  forms.delete('');
  // Longest first, so a value that contains another is removed whole.
  return [...forms].sort((a, b) => b.length - a.length);
}

function safely(encode: () => string): string {
  try {
    return encode();
  } catch {
    return '';
  }
}

/**
 * Every credential value one call carries: the API secret, the M2M token, the access token, the SOTT and the values of the
 * operation's sensitive query parameters and body fields (any depth; every string under a sensitive field).
 */
export function callSecrets(op: OperationDescriptor, apiSecret: string | undefined, params: OperationParams, m2mToken?: string): string[] {
  const values: string[] = [];
  for (const value of [apiSecret, m2mToken, params.accessToken, params.sott]) if (value !== undefined) values.push(value);
  const sensitive = op.sensitive;
  if (!sensitive?.length) return values;
  const names = new Set(sensitive);
  for (const [name, value] of Object.entries(params.query ?? {})) if (names.has(name)) collectStrings(value, values, 0);
  collectSensitive(params.body, names, values, 0);
  return values;
}

// Deeper than any LoginRadius body; bounds the walk of a hostile or cyclic value.
const MAX_DEPTH = 32;

function collectSensitive(value: unknown, names: ReadonlySet<string>, out: string[], depth: number): void {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return;
  for (const [key, nested] of Object.entries(value)) {
    if (names.has(key)) collectStrings(nested, out, depth + 1);
    else collectSensitive(nested, names, out, depth + 1);
  }
}

function collectStrings(value: unknown, out: string[], depth: number): void {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number' || typeof value === 'bigint') out.push(String(value));
  else if (value !== null && typeof value === 'object' && depth <= MAX_DEPTH) {
    for (const nested of Object.values(value)) collectStrings(nested, out, depth + 1);
  }
}

/**
 * A copy of a parsed JSON value with every string (and key) scrubbed, for the error bodies an
 * {@link LoginRadiusApiError} keeps. Values nested deeper than any LoginRadius body are cut.
 */
export function scrubJson(value: unknown, scrub: Scrubber, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => scrubJson(item, scrub, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, nested] of Object.entries(value)) out[scrub(key)] = scrubJson(nested, scrub, depth + 1);
  return out;
}

/** Fields of a transport error worth keeping: what kind of failure it was, never what was sent. */
const KEPT_FIELDS = ['code', 'errno', 'syscall'] as const;
const MAX_CAUSE_DEPTH = 5;

/** The sanitised stand-in for a transport's error: same class name and codes, every string scrubbed. */
export class TransportFailure extends Error {
  declare readonly code?: string | number;
  declare readonly errno?: string | number;
  declare readonly syscall?: string;
}

/**
 * Replaces a transport's error (and its `cause` chain) with a {@link TransportFailure} that keeps its `name`,
 * `code`, `errno` and `syscall` and a scrubbed message and stack. Fetch implementations quote the request URL
 * (with any `secret=` or token in it) in their messages, in `cause.path` or deeper; none of that survives.
 */
export function sanitizeCause(cause: unknown, scrub: Scrubber, depth = 0): TransportFailure {
  const source = cause !== null && typeof cause === 'object' ? (cause as Record<string, unknown>) : undefined;
  const message = source ? (typeof source.message === 'string' ? source.message : '') : String(cause);
  const inner = depth < MAX_CAUSE_DEPTH && source?.cause !== undefined ? sanitizeCause(source.cause, scrub, depth + 1) : undefined;
  const failure = new TransportFailure(scrub(message), inner === undefined ? undefined : { cause: inner });
  const name = source && typeof source.name === 'string' ? source.name : 'Error';
  Object.defineProperty(failure, 'name', { value: scrub(name), configurable: true, writable: true });
  for (const field of KEPT_FIELDS) {
    const value = source?.[field];
    if (typeof value === 'string') Object.assign(failure, { [field]: scrub(value) });
    else if (typeof value === 'number') Object.assign(failure, { [field]: value });
  }
  const stack = source && typeof source.stack === 'string' ? source.stack : undefined;
  Object.defineProperty(failure, 'stack', { value: scrub(stack ?? `${name}: ${message}`), configurable: true, writable: true });
  return failure;
}
