/**
 * A `fetch` for Node built on `node:http`/`node:https` with keep-alive agents. On Node 20 the built-in
 * fetch (undici) costs about 2-2.5x the CPU of `node:http` per call; this one lets Node servers keep code
 * written against `fetch`. `createNodeTransport` goes further by skipping `Request` and `Response`.
 */
import { DEFAULT_MAX_RESPONSE_BYTES } from '../defaults';
import { byteLimit } from '../option-checks';
import { createRouter, failOption, type NodeFetchOptions } from './agents';
import { exchange } from './exchange';
import { toResponse } from './incoming-response';
import { toOutgoingRequest } from './outgoing-request';

/** The `fetch`-compatible function {@link createNodeFetch} returns. */
export type NodeFetch = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

/**
 * Creates a `fetch`-compatible function over `node:http`/`node:https` with its own keep-alive agents, for
 * `createClient({ apiKey, fetch: createNodeFetch() })`. It honours the request's (or `init`'s) `AbortSignal`,
 * sends the body with a `Content-Length`, resolves with a standard `Response` once the body has arrived
 * (decoded, and at most `maxResponseBytes`, 8 MiB by default, before and after decoding), and
 * on a network failure rejects like the built-in fetch: `TypeError('fetch failed')` with the socket error
 * (its `code`: ECONNREFUSED, ENOTFOUND, ECONNRESET, …) as `cause`.
 *
 * Redirects are returned, not followed: following one would send the API secret header to wherever it
 * points. Each call of `createNodeFetch` has its own agents, so two clients never share connections unless
 * you pass the same agents.
 */
export function createNodeFetch(options: NodeFetchOptions = {}): NodeFetch {
  const route = createRouter(options);
  const limit = byteLimit(options.maxResponseBytes, 'maxResponseBytes', DEFAULT_MAX_RESPONSE_BYTES, failOption);
  return async (input, init) => {
    const outgoing = await toOutgoingRequest(input, init);
    return exchange(route(outgoing.url.protocol), outgoing.url, outgoing, toResponse, limit);
  };
}
