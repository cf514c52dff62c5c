/**
 * Optional logging. Pass a logger (`console`, winston, pino, bunyan…) and a `logLevel`; every line goes through
 * the same redaction as hooks, so no secret, token or SOTT is ever logged. `console` and winston take
 * `(message, details)`; pino and bunyan take `(details, message)`: say which with `loggerStyle`.
 */
import type { ClientHooks } from './hooks';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'off';

/** The argument order of the logger's methods: `console` (message, details), or `pino` (details, message). */
export type LoggerStyle = 'console' | 'pino';

/** One logging method, in either argument order (see `LoggerStyle`). */
export type LogMethod =
  | ((message: string, details?: Record<string, unknown>) => void)
  | ((details: Record<string, unknown>, message: string) => void);

/** The subset of `console` the client uses (or of pino's logger, with `loggerStyle: 'pino'`). */
export interface Logger {
  debug: LogMethod;
  info: LogMethod;
  warn: LogMethod;
  error: LogMethod;
}

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, off: 4 };

/** Turns a logger into hooks: requests at debug, responses at info, retried failures at warn, final ones at error. */
export function loggingHooks(target: Logger, level: LogLevel, style: LoggerStyle = 'console'): ClientHooks {
  const enabled = (at: LogLevel): boolean => RANK[at] >= RANK[level] && level !== 'off';
  const write =
    (method: Exclude<LogLevel, 'off'>) =>
    (message: string, details: Record<string, unknown>): void =>
      style === 'pino'
        ? (target[method] as (details: Record<string, unknown>, message: string) => void)(details, message)
        : (target[method] as (message: string, details?: Record<string, unknown>) => void)(message, details);
  const logger = { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
  return {
    onRequest: ({ operation, attempt, request }) => {
      if (enabled('debug'))
        logger.debug(`loginradius ${operation} → ${request.method} ${request.url}`, { attempt, headers: request.headers });
    },
    onResponse: ({ operation, attempt, request, status, durationMs }) => {
      if (enabled('info'))
        logger.info(`loginradius ${operation} ← ${status} in ${Math.round(durationMs)} ms`, {
          attempt,
          method: request.method,
          url: request.url,
        });
    },
    onError: ({ operation, attempt, error, willRetry }) => {
      const at: LogLevel = willRetry ? 'warn' : 'error';
      if (!enabled(at)) return;
      const message = `loginradius ${operation} attempt ${attempt} failed: ${error.message}${willRetry ? '; retrying' : ''}`;
      if (willRetry) logger.warn(message, { attempt, error: error.name });
      else logger.error(message, { attempt, error: error.name });
    },
  };
}
