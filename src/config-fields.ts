/**
 * How each config field is checked and resolved. Small pure functions; each throws a
 * {@link LoginRadiusValidationError} naming the field, never repeating a secret's value.
 */
import type { ClientConfig } from './config';
import { DEFAULT_BASE_URL } from './defaults';
import { LoginRadiusValidationError } from './errors';
import type { ClientHooks } from './hooks';
import { loggingHooks, type LogLevel } from './logger';
import { DEFAULT_SIGNATURE_VALID_MINUTES } from './signing';
import { fetchTransport, type Transport } from './transport';

// Printable ASCII without spaces: what LoginRadius keys, secrets and header values can safely be.
const TOKEN_CHARS = /^[\x21-\x7e]+$/;

export function resolveTransport(config: ClientConfig): Transport {
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

export function resolveHooks(config: ClientConfig): readonly ClientHooks[] {
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

export function signingWindow(option: ClientConfig['requestSigning'], hasSecret: boolean): number | undefined {
  if (option === undefined || option === false) return undefined;
  if (!hasSecret) throw invalid('requestSigning', 'requestSigning needs apiSecret: the signature is made with the secret');
  if (option === true) return DEFAULT_SIGNATURE_VALID_MINUTES;
  if (option === null || typeof option !== 'object') throw invalid('requestSigning', 'requestSigning must be true or { validForMinutes }');
  return positiveNumber(option.validForMinutes, 'requestSigning.validForMinutes', DEFAULT_SIGNATURE_VALID_MINUTES);
}

export function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[], fallback: T): T {
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

export function requireToken(value: unknown, field: string, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalid(field, `${field} must be a non-empty string (${what})`);
  }
  if (!TOKEN_CHARS.test(value)) {
    throw invalid(field, `${field} contains spaces or control characters; check how ${what} was loaded`);
  }
  return value;
}

export function parseBaseUrl(value: unknown): string {
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

export function invalid(parameter: string, message: string): LoginRadiusValidationError {
  return new LoginRadiusValidationError(`Invalid client config: ${message}`, { parameter });
}
