/**
 * Optional logging. Pass any console-like object as `logger` (`console`, pino, winston…) and a `logLevel`;
 * every line goes through the same redaction as hooks, so no secret, token or SOTT is ever logged.
 */
import type { ClientHooks } from './hooks';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'off';

/** The subset of `console` the client uses. */
export interface Logger {
  debug(message: string, details?: Record<string, unknown>): void;
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, off: 4 };

/** Turns a logger into hooks: requests at debug, responses at info, retried failures at warn, final ones at error. */
export function loggingHooks(logger: Logger, level: LogLevel): ClientHooks {
  const enabled = (at: LogLevel): boolean => RANK[at] >= RANK[level] && level !== 'off';
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
