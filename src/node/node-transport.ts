/**
 * The client's `Transport` straight over `node:http`/`node:https` with keep-alive agents. It writes the
 * prepared method, URL, headers and body as they are and hands back the status, headers and text: no
 * `Request`, `Response` or body stream is built, which on Node 20 costs more CPU per call than the
 * exchange itself.
 */
import type { IncomingMessage } from 'node:http';
import type { Transport, TransportResponse } from '../call/transport';
import { createRouter, type NodeTransportOptions } from './agents';
import { exchange } from './exchange';
import { appendHeaders, utf8Text } from './incoming-message';

/**
 * Creates a transport for `createClient({ apiKey, transport: createNodeTransport() })`. Each attempt goes out
 * with its body's `Content-Length` on a pooled keep-alive connection (at most `maxSockets` per origin, 64 by
 * default); the answer is read in full up to the call's `maxResponseBytes`, its content codings (gzip,
 * deflate, br, stacked) undone as a stream under the same limit, and its text decoded as UTF-8.
 *
 * Failures keep fetch's meaning, so timeouts, retries and errors work as with the default transport: a network
 * failure rejects with `TypeError('fetch failed')` whose `cause` is the socket error (`code` ECONNREFUSED,
 * ENOTFOUND, ECONNRESET, …), and an aborted signal (the call's timeout or the caller's) rejects with its reason
 * and destroys the request. Redirects are returned as answers, never followed, so credentials stay with the
 * host they were meant for. Each call of `createNodeTransport` has its own agents unless you pass some.
 */
export function createNodeTransport(options: NodeTransportOptions = {}): Transport {
  const route = createRouter(options);
  return (request) => {
    try {
      const url = new URL(request.url);
      return exchange(route(url.protocol), url, request, readAnswer);
    } catch (error) {
      return Promise.reject(error);
    }
  };
}

function readAnswer(message: IncomingMessage, body: Buffer): TransportResponse {
  const headers = new Headers();
  appendHeaders(headers, message.rawHeaders);
  return { status: message.statusCode ?? 0, headers, text: utf8Text(body) };
}
