/**
 * The rejection a failed transport produces, shaped like the built-in fetch's: a `TypeError('fetch failed')`
 * whose `cause` is the socket error. The client's retry rules read `cause.code` (ECONNREFUSED, ENOTFOUND,
 * ECONNRESET, …) to tell a request that never left from one that may have reached LoginRadius.
 */
export function fetchFailed(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause });
}
