/**
 * Reading a `node:http` answer the way fetch does: its headers in order (repeated ones kept), its content
 * codings undone by streaming decoders, and its text as UTF-8.
 */
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Transform } from 'node:stream';

/** Appends `rawHeaders` (name, value, name, value, …) to `headers`, so Node never builds its own header object. */
export function appendHeaders(headers: Headers, raw: readonly string[]): void {
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
}

/** How the answer's body is framed: its `Content-Encoding` (repeats joined in order) and declared `Content-Length`. */
export interface BodyFraming {
  readonly encoding: string | undefined;
  readonly length: number | undefined;
}

/** Reads the body's framing from the raw header lines, so Node never builds its own header object. */
export function bodyFraming(raw: readonly string[]): BodyFraming {
  let encoding: string | undefined;
  let length: number | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    if (name.length === 16 && name.toLowerCase() === 'content-encoding')
      encoding = encoding === undefined ? raw[i + 1]! : `${encoding}, ${raw[i + 1]!}`;
    else if (name.length === 14 && name.toLowerCase() === 'content-length') length = Number(raw[i + 1]);
  }
  return { encoding, length };
}

/**
 * The streaming decoders that undo `encoding`, in the order the bytes must pass through them (the last
 * coding applied is undone first). Stacked codings (`gzip, gzip`) get one decoder each; `identity` and
 * codings this client does not know are passed through, as fetch does.
 */
export function decoderChain(encoding: string): Transform[] {
  const chain: Transform[] = [];
  const codings = encoding.split(',');
  for (let i = codings.length - 1; i >= 0; i--) {
    const decoder = decoderFor(codings[i]!.trim().toLowerCase());
    if (decoder) chain.push(decoder);
  }
  return chain;
}

function decoderFor(coding: string): Transform | undefined {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return undefined;
  }
}

/** The body as text, like `Response.text()`: UTF-8, malformed bytes replaced, a leading byte-order mark dropped. */
export function utf8Text(body: Buffer): string {
  const text = body.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
