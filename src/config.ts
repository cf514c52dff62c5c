import { LoginRadiusValidationError } from './errors';
import type { ClientHooks } from './hooks';
import { fetchTransport, type Transport } from './transport';
import { loggingHooks, type Logger, type LogLevel } from './logger';
import { DEFAULT_SIGNATURE_VALID_MINUTES } from './signing';

/** The default LoginRadius API host. A custom domain replaces it through `baseUrl`. */
export const DEFAULT_BASE_URL = 'https://api.loginradius.com';
/** How long a call may take, reading the body included, unless configured otherwise. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** How many times a failed call is retried (when it is safe to retry), unless configured otherwise. */
export const DEFAULT_MAX_RETRIES = 2;

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
  /** The end user's IP address, forwarded as `X-Origin-IP` so LoginRadius's rate limits and risk rules see it. */
  originIp?: string;
  /** A `fetch` implementation to use instead of the global one (for tests, proxies or `createNodeFetch()`). */
  fetch?: typeof globalThis.fetch;
  /**
   * A lower-level transport instead of `fetch`, e.g. `createNodeTransport()` from `loginradius-client/node`,
   * which skips building `Request`/`Response` objects. Give `fetch` or `transport`, not both.
   */
  transport?: Transport;
  /** Time limit per call in milliseconds, reading the body included. Default 30 000. */
  timeoutMs?: number;
  /** How many times a failed call may be retried when that is safe. Default 2; 0 turns retries off. */
  maxRetries?: number;
  /**
   * Allow `apiSecret` in a browser-like runtime. Anyone who can open the page can read the secret and
   * manage every account of your app, so only set this for trusted, internal tools.
   */
  dangerouslyAllowBrowser?: boolean;
  /**
   * Sign requests that need the API secret instead of sending the secret: each such request carries
   * `X-Request-Expires` and an HMAC-SHA256 `digest` of its URL and body. `true` uses a 20-minute validity
   * window; pass `{ validForMinutes }` to change it. Enable "API request signing" in the LoginRadius dashboard.
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
  /** The least severe level logged: `debug` (requests), `info` (responses, the default), `warn` (retries), `error`. */
  logLevel?: LogLevel;
}

/** A validated config with defaults applied. */
export interface ResolvedConfig {
  readonly apiKey: string;
  readonly apiSecret: string | undefined;
  readonly baseUrl: string;
  /** True when the caller chose `baseUrl`: it then overrides hosts that single operations declare. */
  readonly baseUrlIsCustom: boolean;
  readonly originIp: string | undefined;
  /** How each attempt is sent. */
  readonly transport: Transport;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  /** Minutes a request signature stays valid, or `undefined` when signing is off. */
  readonly signatureValidMinutes: number | undefined;
  /** The caller's hooks, then the logger's. */
  readonly hooks: readonly ClientHooks[];
  readonly sottClock: 'local' | 'server';
}

const KNOWN_KEYS: ReadonlySet<string> = new Set<keyof ClientConfig>([
  'apiKey',
  'apiSecret',
  'baseUrl',
  'originIp',
  'fetch',
  'transport',
  'timeoutMs',
  'maxRetries',
  'dangerouslyAllowBrowser',
  'requestSigning',
  'hooks',
  'logger',
  'logLevel',
  'sottClock',
]);

// Printable ASCII without spaces: what LoginRadius keys, secrets and header values can safely be.
const TOKEN_CHARS = /^[\x21-\x7e]+$/;

/**
 * Checks a {@link ClientConfig} and fills in defaults. Throws {@link LoginRadiusValidationError} naming the
 * field at fault; the error never repeats the secret's value.
 */
export function resolveConfig(config: ClientConfig): ResolvedConfig {
  if (config === null || typeof config !== 'object') {
    throw invalid('config', 'createClient() needs a config object such as { apiKey }');
  }
  for (const key of Object.keys(config)) {
    if (!KNOWN_KEYS.has(key)) throw invalid(key, `unknown config option "${key}" (known: ${[...KNOWN_KEYS].join(', ')})`);
  }
  const apiKey = requireToken(config.apiKey, 'apiKey', 'the LoginRadius API key');
  const apiSecret = config.apiSecret === undefined ? undefined : requireToken(config.apiSecret, 'apiSecret', 'the LoginRadius API secret');
  if (apiSecret !== undefined && isBrowserLike() && config.dangerouslyAllowBrowser !== true) {
    throw invalid(
      'apiSecret',
      'apiSecret must not be used in a browser: anyone who loads the page can read it and manage every account of your app. ' +
        'Call secret-requiring operations from your server, or pass dangerouslyAllowBrowser: true for a trusted internal tool.',
    );
  }
  const baseUrl = config.baseUrl === undefined ? DEFAULT_BASE_URL : parseBaseUrl(config.baseUrl);
  const originIp = config.originIp === undefined ? undefined : requireToken(config.originIp, 'originIp', 'the end user IP address');
  const transport = resolveTransport(config);
  return {
    apiKey,
    apiSecret,
    baseUrl,
    baseUrlIsCustom: config.baseUrl !== undefined,
    originIp,
    transport,
    timeoutMs: positiveNumber(config.timeoutMs, 'timeoutMs', DEFAULT_TIMEOUT_MS),
    maxRetries: retryCount(config.maxRetries, 'maxRetries', DEFAULT_MAX_RETRIES),
    signatureValidMinutes: signingWindow(config.requestSigning, apiSecret !== undefined),
    hooks: resolveHooks(config),
    sottClock: oneOf(config.sottClock, 'sottClock', ['local', 'server'] as const, 'local'),
  };
}

function resolveTransport(config: ClientConfig): Transport {
  if (config.transport !== undefined) {
    if (config.fetch !== undefined) throw invalid('transport', 'give either fetch or transport, not both');
    if (typeof config.transport !== 'function') throw invalid('transport', 'transport must be a function (see createNodeTransport)');
    return config.transport;
  }
  const fetchImpl = config.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') throw invalid('fetch', 'no fetch implementation: pass config.fetch (this runtime has no global fetch)');
  // The global fetch is looked up per call, so a fetch installed (or instrumented) later is honoured.
  return fetchTransport(config.fetch ?? ((input, init) => globalThis.fetch(input, init)));
}

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'off'];

function resolveHooks(config: ClientConfig): readonly ClientHooks[] {
  const given = config.hooks === undefined ? [] : Array.isArray(config.hooks) ? config.hooks : [config.hooks as ClientHooks];
  for (const hooks of given) {
    if (hooks === null || typeof hooks !== 'object') throw invalid('hooks', 'hooks must be an object (or an array of objects) with onRequest, onResponse or onError');
  }
  if (config.logLevel !== undefined && !LOG_LEVELS.includes(config.logLevel)) throw invalid('logLevel', `logLevel must be one of ${LOG_LEVELS.join(', ')}`);
  if (config.logger === undefined) return Object.freeze([...given]);
  const logger = config.logger;
  if (logger === null || typeof logger !== 'object' || (['debug', 'info', 'warn', 'error'] as const).some((m) => typeof logger[m] !== 'function')) {
    throw invalid('logger', 'logger must have debug, info, warn and error methods (console works)');
  }
  return Object.freeze([...given, loggingHooks(logger, config.logLevel ?? 'info')]);
}

function signingWindow(option: ClientConfig['requestSigning'], hasSecret: boolean): number | undefined {
  if (option === undefined || option === false) return undefined;
  if (!hasSecret) throw invalid('requestSigning', 'requestSigning needs apiSecret: the signature is made with the secret');
  if (option === true) return DEFAULT_SIGNATURE_VALID_MINUTES;
  if (option === null || typeof option !== 'object') throw invalid('requestSigning', 'requestSigning must be true or { validForMinutes }');
  return positiveNumber(option.validForMinutes, 'requestSigning.validForMinutes', DEFAULT_SIGNATURE_VALID_MINUTES);
}

function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) throw invalid(field, `${field} must be one of ${allowed.join(', ')}`);
  return value as T;
}

/** Checks a per-call or per-client timeout. */
export function positiveNumber(value: unknown, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw invalid(field, `${field} must be a positive number`);
  }
  return value;
}

/** Checks a per-call or per-client retry count. */
export function retryCount(value: unknown, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 10) {
    throw invalid(field, `${field} must be an integer from 0 to 10`);
  }
  return value;
}

/** True in a browser page, where anything in memory is readable by whoever loads the page. */
export function isBrowserLike(): boolean {
  const g = globalThis as { window?: unknown; document?: unknown };
  return typeof g.window !== 'undefined' && typeof g.document !== 'undefined';
}

function requireToken(value: unknown, field: string, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalid(field, `${field} must be a non-empty string (${what})`);
  }
  if (!TOKEN_CHARS.test(value)) {
    throw invalid(field, `${field} contains spaces or control characters; check how ${what} was loaded`);
  }
  return value;
}

function parseBaseUrl(value: unknown): string {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw invalid('baseUrl', `baseUrl must be an absolute http(s) URL such as ${DEFAULT_BASE_URL}`);
  }
  if (typeof value !== 'string' || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw invalid('baseUrl', `baseUrl must be an absolute http(s) URL such as ${DEFAULT_BASE_URL}`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw invalid('baseUrl', 'baseUrl must not contain credentials, a query string or a fragment');
  }
  return url.href.replace(/\/+$/, '');
}

function invalid(parameter: string, message: string): LoginRadiusValidationError {
  return new LoginRadiusValidationError(`Invalid client config: ${message}`, { parameter });
}
