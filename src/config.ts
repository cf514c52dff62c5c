/**
 * The client's configuration: what users pass to `createClient`, and the validated form the runtime reads.
 * This module owns config validation: every problem is a {@link LoginRadiusValidationError} that names the
 * field and never repeats a secret's value.
 */
import { DEFAULT_BASE_URL, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from './defaults';
import { LoginRadiusValidationError } from './errors';
import type { ClientHooks } from './observe/hooks';
import { loggingHooks, type Logger, type LoggerStyle, type LogLevel } from './observe/logger';
import { byteLimit, flag, retryCount, timeoutMs, token, type Fail } from './call/option-checks';
import { DEFAULT_SIGNATURE_VALID_MINUTES, MAX_SIGNATURE_VALID_MINUTES } from './auth/signing';
import { fetchTransport, type Transport } from './call/transport';
import type { M2MCredential } from './auth/m2m';
import { defaultUserAgent } from './call/user-agent';

export { DEFAULT_BASE_URL, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from './defaults';

/** Options for {@link createClient}. Only `apiKey` is required. */
export interface ClientConfig {
  /** The LoginRadius API key of your app (public; sent as the `apikey` query parameter). */
  apiKey: string;
  /**
   * The LoginRadius API secret. Server-side only: it grants full management access to your users. It is
   * sent in the `X-LoginRadius-ApiSecret` header (never in a URL) to operations that need it.
   */
  apiSecret?: string;
  /** The API host, default `https://api.loginradius.com`. Put your LoginRadius custom domain (or a mock) here. */
  baseUrl?: string;
  /**
   * The Management API (M2M) credential, for the `/v2/manage` operations: `{ clientId, clientSecret, audience }`
   * of an M2M app (the client then obtains tokens on your hub domain, see `hub`, and renews them before they
   * expire), or `{ token }` with a token you obtained (or a function that returns the current one). Tokens are
   * sent only as a Bearer header, never in a URL; the client secret and tokens are redacted like the API secret.
   */
  m2m?: M2MCredential;
  /**
   * Your app's hub domain, which serves the OAuth endpoints (such as the M2M token endpoint): the app name
   * (`'acme'` for `https://acme.hub.loginradius.com`) or the https URL of your custom domain.
   */
  hub?: string;
  /**
   * Ask LoginRadius not to fire webhooks for the events these calls cause (sends `X-PreventWebhook: true`, as
   * the official Node SDK's `PreventWebhook` does). Useful for bulk imports and admin scripts; a call's own
   * `preventWebhook` option overrides it. Default false.
   */
  preventWebhook?: boolean;
  /** The end user's IP address, forwarded as `X-Origin-IP` so LoginRadius's rate limits and risk rules see it. */
  originIp?: string;
  /**
   * The `User-Agent` header. Default: the package and runtime (`loginradius-client/0.1.0 node/20.11.1`) on
   * servers, nothing in browsers (they send their own). A string replaces it (`'my-app/2.3 ' + …` to add your
   * app's name); `false` sends none. A call's `headers` can still set it.
   */
  userAgent?: string | false;
  /** A `fetch` implementation to use instead of the global one (for tests or proxies). */
  fetch?: typeof globalThis.fetch;
  /**
   * A lower-level transport instead of `fetch`, e.g. `createNodeTransport()` from `loginradius-client/node`,
   * which skips building `Request`/`Response` objects. Give `fetch` or `transport`, not both.
   */
  transport?: Transport;
  /** Time limit per attempt in milliseconds, reading the body included. Default 30 000; at most 2^31 − 1. */
  timeoutMs?: number;
  /** How many times a failed call may be retried when that is safe. Default 2; 0 turns retries off. */
  maxRetries?: number;
  /**
   * The largest answer the client reads, in bytes, counted as received and again after decompression.
   * Default 8 MiB, far above any LoginRadius body; a bigger answer fails with `LoginRadiusResponseTooLargeError`.
   */
  maxResponseBytes?: number;
  /**
   * Allow `apiSecret` in a browser-like runtime. Anyone who can open the page can read the secret and
   * manage every account of your app, so only set this for trusted, internal tools.
   */
  dangerouslyAllowBrowser?: boolean;
  /**
   * Allow sending the API secret over plain `http://` to a host that is not this machine (a mock in another
   * container, say). Without it, an `http://` `baseUrl` with `apiSecret` must be a loopback address.
   */
  dangerouslyAllowInsecureHttp?: boolean;
  /**
   * Sign requests that need the API secret instead of sending the secret: each such request carries
   * `X-Request-Expires` and an HMAC-SHA256 `digest` of its URL and body. `true` uses a 20-minute validity
   * window; pass `{ validForMinutes }` (at most 1440) to change it. Enable "API request signing" in the
   * LoginRadius dashboard.
   */
  requestSigning?: boolean | { readonly validForMinutes?: number };
  /** Hooks called once per attempt with redacted request descriptions (logging, metrics, tracing). */
  hooks?: ClientHooks | readonly ClientHooks[];
  /** A console-like logger; lines are redacted like hook descriptions. Nothing is logged without one. */
  logger?: Logger;
  /**
   * Where SOTT windows start: `local` (this machine's clock, the default) or `server` (LoginRadius's clock,
   * read once per 10 minutes from the server-info endpoint; use it when this machine's clock may be off).
   */
  sottClock?: 'local' | 'server';
  /** The argument order of the logger: `console` (message, details; console, winston), or `pino` (details, message; pino, bunyan). */
  loggerStyle?: LoggerStyle;
  /** The least severe level logged: `debug` (requests), `info` (responses, the default), `warn` (retries), `error`. */
  logLevel?: LogLevel;
}

/** A validated config with defaults applied. */
export interface ResolvedConfig {
  readonly apiKey: string;
  readonly apiSecret: string | undefined;
  /** The M2M credential, when `m2m` is configured. */
  readonly m2m: M2MCredential | undefined;
  /** The origin of the app's hub domain, when `hub` is configured. */
  readonly hubUrl: string | undefined;
  readonly baseUrl: string;
  /** True when the caller chose `baseUrl`: it then overrides hosts that single operations declare. */
  readonly baseUrlIsCustom: boolean;
  readonly originIp: string | undefined;
  /** The `User-Agent` sent with every call, or `undefined` for none. */
  readonly userAgent: string | undefined;
  readonly preventWebhook: boolean;
  /** How each attempt is sent. */
  readonly transport: Transport;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly maxResponseBytes: number;
  /** Minutes a request signature stays valid, or `undefined` when signing is off. */
  readonly signatureValidMinutes: number | undefined;
  /** The caller's hooks, then the logger's. */
  readonly hooks: readonly ClientHooks[];
  readonly sottClock: 'local' | 'server';
}

const KNOWN_KEYS: ReadonlySet<string> = new Set<keyof ClientConfig>([
  'apiKey',
  'apiSecret',
  'm2m',
  'hub',
  'baseUrl',
  'originIp',
  'userAgent',
  'preventWebhook',
  'fetch',
  'transport',
  'timeoutMs',
  'maxRetries',
  'maxResponseBytes',
  'dangerouslyAllowBrowser',
  'dangerouslyAllowInsecureHttp',
  'requestSigning',
  'hooks',
  'logger',
  'logLevel',
  'loggerStyle',
  'sottClock',
]);

/** What a derived client may change (`client.withOptions`): per-request context and limits, not credentials. */
export interface ClientOverrides {
  readonly originIp?: string;
  readonly timeoutMs?: number;
  readonly maxRetries?: number;
  readonly maxResponseBytes?: number;
  readonly preventWebhook?: boolean;
}

const OVERRIDE_KEYS: ReadonlySet<string> = new Set<keyof ClientOverrides>([
  'originIp',
  'timeoutMs',
  'maxRetries',
  'maxResponseBytes',
  'preventWebhook',
]);

/** The one way the config reports a problem. */
const fail: Fail = (parameter, message) => {
  throw new LoginRadiusValidationError(`Invalid client config: ${message}`, { parameter });
};

/** Checks a {@link ClientConfig} and fills in defaults. */
export function resolveConfig(config: ClientConfig): ResolvedConfig {
  if (config === null || typeof config !== 'object') fail('config', 'createClient() needs a config object such as { apiKey }');
  knownKeys(config, KNOWN_KEYS, 'config option', '');
  const apiKey = requireToken(config.apiKey, 'apiKey', 'the LoginRadius API key');
  const apiSecret = config.apiSecret === undefined ? undefined : requireToken(config.apiSecret, 'apiSecret', 'the LoginRadius API secret');
  if (apiSecret !== undefined && isBrowserLike() && config.dangerouslyAllowBrowser !== true) {
    fail(
      'apiSecret',
      'apiSecret must not be used in a browser: anyone who loads the page can read it and manage every account of your app. ' +
        'Call secret-requiring operations from your server, or pass dangerouslyAllowBrowser: true for a trusted internal tool.',
    );
  }
  const m2m = config.m2m === undefined ? undefined : resolveM2M(config.m2m, config.dangerouslyAllowBrowser === true);
  const baseUrl = config.baseUrl === undefined ? DEFAULT_BASE_URL : parseBaseUrl(config.baseUrl);
  if (
    (apiSecret !== undefined || (m2m !== undefined && 'clientSecret' in m2m)) &&
    !isSafeForSecrets(baseUrl) &&
    config.dangerouslyAllowInsecureHttp !== true
  ) {
    fail(
      'baseUrl',
      'baseUrl uses plain http:// to a host that is not this machine, so the API secret or M2M client secret would cross the network unencrypted. ' +
        'Use https://, or pass dangerouslyAllowInsecureHttp: true for a mock on a private network.',
    );
  }
  return {
    apiKey,
    apiSecret,
    m2m,
    hubUrl: config.hub === undefined ? undefined : parseHub(config.hub),
    baseUrl,
    baseUrlIsCustom: config.baseUrl !== undefined,
    originIp: config.originIp === undefined ? undefined : requireToken(config.originIp, 'originIp', 'the end user IP address'),
    userAgent: resolveUserAgent(config.userAgent),
    preventWebhook: flag(config.preventWebhook, 'preventWebhook', false, fail),
    transport: resolveTransport(config),
    timeoutMs: timeoutMs(config.timeoutMs, 'timeoutMs', DEFAULT_TIMEOUT_MS, fail),
    maxRetries: retryCount(config.maxRetries, 'maxRetries', DEFAULT_MAX_RETRIES, fail),
    maxResponseBytes: byteLimit(config.maxResponseBytes, 'maxResponseBytes', DEFAULT_MAX_RESPONSE_BYTES, fail),
    signatureValidMinutes: signingWindow(config.requestSigning, apiSecret !== undefined),
    hooks: resolveHooks(config),
    sottClock: oneOf(config.sottClock, 'sottClock', ['local', 'server'] as const, 'local'),
  };
}

/** The configured `User-Agent`: printable ASCII (a header value), the runtime's default, or none for `false`. */
function resolveUserAgent(value: unknown): string | undefined {
  if (value === undefined) return defaultUserAgent();
  if (value === false) return undefined;
  if (typeof value !== 'string' || !/^[\x20-\x7e]{1,256}$/.test(value) || value.trim() === '')
    fail('userAgent', 'userAgent must be false or a non-empty string of at most 256 printable ASCII characters');
  return (value as string).trim();
}

function resolveM2M(value: unknown, allowBrowser: boolean): M2MCredential {
  if (value === null || typeof value !== 'object') fail('m2m', 'm2m must be an object: { clientId, clientSecret, audience } or { token }');
  const given = value as Record<string, unknown>;
  if ('token' in given) {
    knownKeys(given, new Set(['token']), 'm2m option', 'm2m.');
    if (typeof given.token === 'function') return { token: given.token as () => string | Promise<string> };
    return { token: requireToken(given.token, 'm2m.token', 'the Management API (M2M) token') };
  }
  knownKeys(given, new Set(['clientId', 'clientSecret', 'audience']), 'm2m option', 'm2m.');
  const clientId = requireToken(given.clientId, 'm2m.clientId', 'the M2M app client id');
  const clientSecret = requireToken(given.clientSecret, 'm2m.clientSecret', 'the M2M app client secret');
  if (typeof given.audience !== 'string' || given.audience.trim() === '')
    fail('m2m.audience', 'm2m.audience must be a non-empty string (the API identifier the token is for)');
  if (isBrowserLike() && !allowBrowser) {
    fail(
      'm2m.clientSecret',
      'an M2M client secret must not be used in a browser: anyone who loads the page can read it and manage your app. ' +
        'Call the Management API from your server, or pass dangerouslyAllowBrowser: true for a trusted internal tool.',
    );
  }
  return { clientId, clientSecret, audience: given.audience as string };
}

/** An app name (`acme` → `https://acme.hub.loginradius.com`) or a custom domain's https URL. */
function parseHub(value: unknown): string {
  if (typeof value === 'string' && /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i.test(value))
    return `https://${value.toLowerCase()}.hub.loginradius.com`;
  const url = parseBaseUrl(value, 'hub', 'hub must be your app name (such as acme) or the https URL of your custom domain');
  if (!url.startsWith('https://')) fail('hub', 'hub must use https://');
  return url;
}

/** A client's config with `overrides` applied, checked like the config itself. */
export function resolveOverrides(base: ResolvedConfig, overrides: ClientOverrides): ResolvedConfig {
  if (overrides === null || typeof overrides !== 'object') fail('overrides', 'withOptions() needs an object such as { originIp }');
  knownKeys(overrides, OVERRIDE_KEYS, 'withOptions option', '');
  return {
    ...base,
    originIp: overrides.originIp === undefined ? base.originIp : requireToken(overrides.originIp, 'originIp', 'the end user IP address'),
    timeoutMs: timeoutMs(overrides.timeoutMs, 'timeoutMs', base.timeoutMs, fail),
    maxRetries: retryCount(overrides.maxRetries, 'maxRetries', base.maxRetries, fail),
    maxResponseBytes: byteLimit(overrides.maxResponseBytes, 'maxResponseBytes', base.maxResponseBytes, fail),
    preventWebhook: flag(overrides.preventWebhook, 'preventWebhook', base.preventWebhook, fail),
  };
}

function knownKeys(value: object, known: ReadonlySet<string>, what: string, prefix: string): void {
  for (const key of Object.keys(value)) {
    if (!known.has(key)) fail(`${prefix}${key}`, `unknown ${what} "${prefix}${key}" (known: ${[...known].join(', ')})`);
  }
}

function resolveTransport(config: ClientConfig): Transport {
  if (config.transport !== undefined) {
    if (config.fetch !== undefined) fail('transport', 'give either fetch or transport, not both');
    if (typeof config.transport !== 'function') fail('transport', 'transport must be a function (see createNodeTransport)');
    return config.transport;
  }
  if (config.fetch !== undefined && typeof config.fetch !== 'function') fail('fetch', 'fetch must be a function');
  if (config.fetch === undefined && typeof globalThis.fetch !== 'function')
    fail('fetch', 'no fetch implementation: pass config.fetch (this runtime has no global fetch)');
  // The global fetch is looked up per call, so a fetch installed (or instrumented) later is honoured.
  return fetchTransport(config.fetch ?? ((input, init) => globalThis.fetch(input, init)));
}

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'off'];
const HOOK_KEYS: ReadonlySet<string> = new Set<keyof ClientHooks>(['onRequest', 'onResponse', 'onError']);

function resolveHooks(config: ClientConfig): readonly ClientHooks[] {
  const given = config.hooks === undefined ? [] : Array.isArray(config.hooks) ? config.hooks : [config.hooks as ClientHooks];
  given.forEach((hooks, index) => {
    const field = Array.isArray(config.hooks) ? `hooks[${index}]` : 'hooks';
    if (hooks === null || typeof hooks !== 'object')
      fail(field, `${field} must be an object (or an array of objects) with onRequest, onResponse or onError`);
    knownKeys(hooks, HOOK_KEYS, 'hook', `${field}.`);
    for (const [name, hook] of Object.entries(hooks)) {
      if (hook !== undefined && typeof hook !== 'function') fail(`${field}.${name}`, `${field}.${name} must be a function`);
    }
  });
  if (config.logLevel !== undefined && !LOG_LEVELS.includes(config.logLevel))
    fail('logLevel', `logLevel must be one of ${LOG_LEVELS.join(', ')}`);
  if (config.logger === undefined) return Object.freeze([...given]);
  const logger = config.logger;
  if (
    logger === null ||
    typeof logger !== 'object' ||
    (['debug', 'info', 'warn', 'error'] as const).some((m) => typeof logger[m] !== 'function')
  ) {
    fail('logger', 'logger must have debug, info, warn and error methods (console works)');
  }
  const style = oneOf(config.loggerStyle, 'loggerStyle', ['console', 'pino'] as const, 'console');
  return Object.freeze([...given, loggingHooks(logger, config.logLevel ?? 'info', style)]);
}

function signingWindow(option: ClientConfig['requestSigning'], hasSecret: boolean): number | undefined {
  if (option === undefined || option === false) return undefined;
  if (!hasSecret) fail('requestSigning', 'requestSigning needs apiSecret: the signature is made with the secret');
  if (option === true) return DEFAULT_SIGNATURE_VALID_MINUTES;
  if (option === null || typeof option !== 'object') fail('requestSigning', 'requestSigning must be true or { validForMinutes }');
  knownKeys(option, new Set(['validForMinutes']), 'requestSigning option', 'requestSigning.');
  const minutes = option.validForMinutes;
  if (minutes === undefined) return DEFAULT_SIGNATURE_VALID_MINUTES;
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes <= 0 || minutes > MAX_SIGNATURE_VALID_MINUTES) {
    fail(
      'requestSigning.validForMinutes',
      `requestSigning.validForMinutes must be a positive number of minutes, at most ${MAX_SIGNATURE_VALID_MINUTES}`,
    );
  }
  return minutes;
}

function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) fail(field, `${field} must be one of ${allowed.join(', ')}`);
  return value as T;
}

/** True in a browser page, where anything in memory is readable by whoever loads the page. */
function isBrowserLike(): boolean {
  const g = globalThis as { window?: unknown; document?: unknown };
  return typeof g.window !== 'undefined' && typeof g.document !== 'undefined';
}

function requireToken(value: unknown, field: string, what: string): string {
  return token(value, field, what, fail);
}

function parseBaseUrl(
  value: unknown,
  field = 'baseUrl',
  problem = `baseUrl must be an absolute http(s) URL such as ${DEFAULT_BASE_URL}`,
): string {
  let url: URL | undefined;
  try {
    url = new URL(String(value));
  } catch {
    fail(field, problem);
  }
  if (typeof value !== 'string' || (url!.protocol !== 'https:' && url!.protocol !== 'http:')) fail(field, problem);
  if (url!.username || url!.password || url!.search || url!.hash)
    fail(field, `${field} must not contain credentials, a query string or a fragment`);
  return url!.href.replace(/\/+$/, '');
}

/** https, or http to this machine (a local mock): where the API secret may go. */
function isSafeForSecrets(baseUrl: string): boolean {
  const url = new URL(baseUrl);
  if (url.protocol === 'https:') return true;
  const host = url.hostname;
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}
