/**
 * What a successful call can tell about its answer besides the data, for {@link withResponse}. The generated
 * functions resolve to the data alone; `withResponse` asks the client for this through a per-call option
 * keyed by a symbol, so the option never shows in `RequestOptions` and costs nothing when unused.
 */

/** The answer of a successful call: its status, headers and request id, and how many attempts it took. */
export interface ResponseInfo {
  /** The HTTP status (200 for every documented LoginRadius success). */
  readonly status: number;
  /** The response headers. */
  readonly headers: Headers;
  /** A request id from the response headers (`X-Request-Id` and the like), when one is present. */
  readonly requestId: string | undefined;
  /** How many attempts the call made, this one included (more than 1 when it was retried). */
  readonly attempts: number;
}

/** The per-call option `withResponse` sets; `Symbol.for` so two copies of the package still agree. */
export const RESPONSE_OBSERVER: unique symbol = Symbol.for('loginradius-client.responseObserver') as never;

/** Receives the {@link ResponseInfo} of the attempt that succeeded. */
export type ResponseObserver = (info: ResponseInfo) => void;

const REQUEST_ID_HEADERS = ['x-request-id', 'x-correlation-id', 'x-amzn-requestid', 'cf-ray'] as const;

/** The first request id header present, or `undefined`. */
export function requestIdOf(headers: Headers): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}
