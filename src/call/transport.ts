/**
 * The transport: how one attempt reaches LoginRadius. The default sends it with `fetch`; a lower-level
 * transport (such as `createNodeTransport()` from `loginradius-client/node`) can skip building `Request` and
 * `Response` objects, which costs more CPU per call on Node 20 than the HTTP exchange itself.
 */
import { LoginRadiusResponseTooLargeError } from '../errors';

/** One attempt, fully prepared: the exact URL, headers and body bytes to send. */
export interface TransportRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON body text, when the operation sends one. */
  readonly body: string | undefined;
  /** Aborts the attempt (the call's timeout or the caller's signal); the transport must stop and reject. */
  readonly signal: AbortSignal;
  /**
   * The most bytes of answer to read, counted as received and again after decompression. Past it, stop
   * reading and reject with `responseTooLarge()` (exported by `loginradius-client`).
   */
  readonly maxResponseBytes: number;
}

/** The answer, read in full. */
export interface TransportResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/**
 * Sends one attempt. Rejects on a network failure like `fetch` does (a `TypeError` whose `cause` carries the
 * socket error `code`, so the client can tell a request that never left), with the signal's reason when
 * aborted, and with `responseTooLarge()` (exported by `loginradius-client`) past `maxResponseBytes`. Must not follow redirects: a 3xx is
 * returned as it is (following one would carry the credentials elsewhere; the client reports it).
 */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/** The error a transport rejects with when an answer exceeds `maxResponseBytes`. */
export function responseTooLarge(maxResponseBytes: number): LoginRadiusResponseTooLargeError {
  return new LoginRadiusResponseTooLargeError(`the response is larger than maxResponseBytes (${maxResponseBytes} bytes)`, {
    maxResponseBytes,
  });
}

/** The default transport: any `fetch` (the runtime's, or one you pass as `config.fetch`). */
export function fetchTransport(fetchImpl: typeof globalThis.fetch): Transport {
  return async ({ method, url, headers, body, signal, maxResponseBytes }) => {
    // `manual`: a redirect comes back as an answer (opaque in browsers) and is never followed.
    const response = await fetchImpl(url, { method, headers, body, signal, redirect: 'manual' });
    // Read inside the transport so the call's signal (and timeout) also covers the body.
    return { status: response.status, headers: response.headers, text: await readText(response, maxResponseBytes) };
  };
}

/**
 * The body as text, like `Response.text()`, but reading at most `limit` bytes: fetch has already undone
 * any content coding, so the count is of decoded bytes and a compressed bomb stops at the limit too.
 */
async function readText(response: Response, limit: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw responseTooLarge(limit);
  }
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel().catch(() => undefined);
      throw responseTooLarge(limit);
    }
    chunks.push(value);
  }
  return decodeUtf8(chunks, received);
}

function decodeUtf8(chunks: readonly Uint8Array[], length: number): string {
  if (chunks.length === 1) return new TextDecoder().decode(chunks[0]);
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
