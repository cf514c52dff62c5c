/**
 * The transport: how one attempt reaches LoginRadius. The default sends it with `fetch`; a lower-level
 * transport (such as `createNodeTransport()` from `loginradius-client/node`) can skip building `Request` and
 * `Response` objects, which costs more CPU per call on Node 20 than the HTTP exchange itself.
 */

/** One attempt, fully prepared: the exact URL, headers and body bytes to send. */
export interface TransportRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON body text, when the operation sends one. */
  readonly body: string | undefined;
  /** Aborts the attempt (the call's timeout or the caller's signal); the transport must stop and reject. */
  readonly signal: AbortSignal;
}

/** The answer, read in full. */
export interface TransportResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/**
 * Sends one attempt. Rejects on a network failure like `fetch` does (a `TypeError` whose `cause` carries the
 * socket error `code`, so the client can tell a request that never left), and with the signal's reason when
 * aborted. Must not follow redirects: following one would carry the credentials elsewhere.
 */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/** The default transport: any `fetch` (the runtime's, or one you pass as `config.fetch`). */
export function fetchTransport(fetchImpl: typeof globalThis.fetch): Transport {
  return async ({ method, url, headers, body, signal }) => {
    const response = await fetchImpl(url, { method, headers, body, signal, redirect: 'error' });
    // Read inside the transport so the call's signal (and timeout) also covers the body.
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
}
