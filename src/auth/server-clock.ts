/**
 * LoginRadius rejects a SOTT whose window does not contain its own clock, so a server with a skewed clock
 * generates SOTTs that fail. With `sottClock: 'server'` the client asks LoginRadius for its time (the
 * server-info endpoint the Python SDK's `getLRserverTime` uses), remembers the offset for a while, and
 * starts SOTT windows at LoginRadius's "now".
 */
import type { OperationDescriptor } from '../operation';

/** The server-info call (`getServerInfo` in generated/operations/configuration.ts; a test keeps the two equal). */
export const SERVER_INFO_OPERATION: OperationDescriptor = {
  id: 'getServerInfo',
  method: 'GET',
  path: '/identity/v2/serverinfo',
  security: [['apiKey']],
  query: { timeDifference: { type: 'integer' } },
  idempotent: true,
};

/** How long a measured offset is trusted before LoginRadius is asked again. */
const OFFSET_TTL_MS = 10 * 60_000;

/** Parses LoginRadius's `yyyy-MM-dd HH:mm:ss` (UTC) into epoch milliseconds. */
export function parseServerTime(text: string): number | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{1,2}):(\d{1,2})/.exec(text);
  if (!m) return undefined;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}

/**
 * A clock that follows LoginRadius's: `readServerTime` returns the server's `CurrentTime`; the offset is
 * measured against the middle of the round trip and cached per client.
 */
export function createServerClock(readServerTime: () => Promise<string>, localNow: () => number = Date.now): () => Promise<Date> {
  let cached: { offsetMs: number; measuredAt: number } | undefined;
  // One measurement in flight per client, however many registrations start at once.
  let measuring: Promise<void> | undefined;
  const measure = async (): Promise<void> => {
    const sent = localNow();
    const server = parseServerTime(await readServerTime());
    const received = localNow();
    cached = { offsetMs: server === undefined ? 0 : server - (sent + received) / 2, measuredAt: received };
  };
  return async () => {
    if (!cached || localNow() - cached.measuredAt > OFFSET_TTL_MS) {
      measuring ??= measure().finally(() => {
        measuring = undefined;
      });
      await measuring;
    }
    return new Date(localNow() + cached!.offsetMs);
  };
}
