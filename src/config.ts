/**
 * The client's configuration: what users pass to `createClient`, and the validated form the runtime reads.
 */
import { isBrowserLike, invalid, oneOf, parseBaseUrl, positiveNumber, requireToken, resolveHooks, resolveTransport, retryCount, signingWindow } from './config-fields';
import { DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from './defaults';
import type { ClientHooks } from './hooks';
import type { Logger, LogLevel } from './logger';
import type { Transport } from './transport';

export { DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from './defaults';

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

