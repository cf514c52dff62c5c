/**
 * Reading a finished `node:http` answer the way fetch does: its headers in order (repeated ones kept), its
 * body with the content coding undone, and its text as UTF-8.
 */
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

/**
 * Appends `rawHeaders` (name, value, name, value, …) to `headers` and returns the `Content-Encoding`
 * among them, read in the same pass so Node never builds its own header object.
 */
export function appendHeaders(headers: Headers, raw: readonly string[]): string | undefined {
  let encoding: string | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    const value = raw[i + 1]!;
    headers.append(name, value);
    if (name.length === 16 && name.toLowerCase() === 'content-encoding') encoding = encoding === undefined ? value : `${encoding}, ${value}`;
  }
  return encoding;
}

/** Undoes the content codings of `encoding` (last applied first), so callers always read the plain body. */
export function decodeBody(body: Buffer, encoding: string | undefined): Buffer {
  if (body.byteLength === 0 || encoding === undefined) return body;
  const codings = encoding.split(',');
  let decoded = body;
  for (let i = codings.length - 1; i >= 0; i--) decoded = undoCoding(decoded, codings[i]!.trim().toLowerCase());
  return decoded;
}

function undoCoding(body: Buffer, coding: string): Buffer {
  switch (coding) {
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

/** The body as text, like `Response.text()`: UTF-8, malformed bytes replaced, a leading byte-order mark dropped. */
export function utf8Text(body: Buffer): string {
  const text = body.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
