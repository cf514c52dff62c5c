/**
 * Turns a finished `node:http` response (status line, raw headers, body bytes) into a standard `Response`.
 */
import type { IncomingMessage } from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

// Statuses whose response must not have a body (the Response constructor refuses one).
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);

/** Builds the `Response` of a request to `url` once the whole body has arrived. */
export function toResponse(url: string, method: string, message: IncomingMessage, body: Buffer): Response {
  const status = message.statusCode ?? 0;
  const raw = message.rawHeaders;
  const headers = new Headers();
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  const hasBody = method !== 'HEAD' && !NULL_BODY_STATUSES.has(status);
  // Socket buffers are backed by a plain ArrayBuffer, never a SharedArrayBuffer.
  const bytes = hasBody ? (decode(body, message.headers['content-encoding']) as Uint8Array<ArrayBuffer>) : null;
  const response = new Response(bytes, {
    status,
    statusText: message.statusMessage ?? '',
    headers,
  });
  // The built-in fetch reports the URL it fetched; code that logs `response.url` expects it.
  Object.defineProperty(response, 'url', { value: url });
  return response;
}

/** Undoes a content coding the way fetch does, so callers always read the plain body. */
function decode(body: Buffer, encoding: string | undefined): Buffer {
  if (body.byteLength === 0 || encoding === undefined) return body;
  switch (encoding.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(body);
    case 'deflate':
      return inflateSync(body);
    case 'br':
      return brotliDecompressSync(body);
    default:
      return body;
  }
}
