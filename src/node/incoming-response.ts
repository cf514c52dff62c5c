/**
 * Turns a finished `node:http` answer (status line, raw headers, body bytes) into a standard `Response`.
 */
import type { IncomingMessage } from 'node:http';
import { appendHeaders } from './incoming-message';
import type { OutgoingRequest } from './outgoing-request';

// Statuses whose response must not have a body (the Response constructor refuses one).
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);

/** Builds the `Response` to `outgoing` once the whole body has arrived and been decoded. */
export function toResponse(outgoing: OutgoingRequest, message: IncomingMessage, body: Buffer): Response {
  const status = message.statusCode ?? 0;
  const headers = new Headers();
  appendHeaders(headers, message.rawHeaders);
  const hasBody = outgoing.method !== 'HEAD' && !NULL_BODY_STATUSES.has(status);
  // Socket buffers are backed by a plain ArrayBuffer, never a SharedArrayBuffer.
  const bytes = hasBody ? (body as Uint8Array<ArrayBuffer>) : null;
  const response = new Response(bytes, {
    status,
    statusText: message.statusMessage ?? '',
    headers,
  });
  // The built-in fetch reports the URL it fetched; code that logs `response.url` expects it.
  Object.defineProperty(response, 'url', { value: outgoing.url.href });
  return response;
}
