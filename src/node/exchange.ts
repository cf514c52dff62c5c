/**
 * One HTTP exchange over `node:http`/`node:https`: send the request with its whole body, read the answer
 * (undoing its content codings as a stream, with a byte limit on what arrives and on what it decodes to),
 * and settle once, on the answer, a network failure (`TypeError('fetch failed')` with the socket error as
 * `cause`), an answer past the limit (`LoginRadiusResponseTooLargeError`) or an abort (the signal's reason;
 * the request and any decoder are destroyed). Redirects are answers like any other.
 */
import type { ClientRequest, IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import type { Transform } from 'node:stream';
import { FRAMING_HEADERS } from '../call/option-checks';
import { responseTooLarge } from '../call/transport';
import type { Route } from './agents';
import { fetchFailed } from './fetch-error';
import { bodyFraming, decoderChain } from './incoming-message';

/** What an exchange sends, apart from the URL. */
export interface Outgoing {
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The whole body (sent with its `Content-Length`), or `undefined` when there is none. */
  readonly body: string | undefined;
  readonly signal: AbortSignal;
  readonly maxResponseBytes: number;
}

/** Turns the finished answer (its body already decoded) into what the exchange resolves with; a throw fails it. */
export type ReadAnswer<T> = (message: IncomingMessage, body: Buffer) => T;

/**
 * Sends `outgoing` to `url` and resolves with `read(message, body)` once the body has arrived and been
 * decoded, reading at most `maxResponseBytes` before and after decoding.
 */
export function exchange<T>(route: Route, url: URL, outgoing: Outgoing, read: ReadAnswer<T>): Promise<T> {
  const { maxResponseBytes } = outgoing;
  return new Promise<T>((resolve, reject) => {
    if (outgoing.signal.aborted) return reject(outgoing.signal.reason);
    const framing = Object.keys(outgoing.headers).find((name) => FRAMING_HEADERS.has(name.toLowerCase()));
    // The transport frames the message itself; a caller's Transfer-Encoding or Host would contradict it.
    if (framing !== undefined) return reject(fetchFailed(new TypeError(`the ${framing} header is set by the transport, not by callers`)));
    let settled = false;
    let request: ClientRequest | undefined;
    let decoders: readonly Transform[] = [];
    let decoding = false;
    // True for the first outcome only: whichever comes first (answer, failure, abort) decides.
    const finish = (): boolean => {
      if (settled) return false;
      settled = true;
      outgoing.signal.removeEventListener('abort', onAbort);
      return true;
    };
    const fail = (error: unknown): void => {
      if (!finish()) return;
      reject(error);
      request?.destroy();
      for (const decoder of decoders) decoder.destroy();
    };
    const onAbort = (): void => fail(outgoing.signal.reason);
    const onAnswer = (message: IncomingMessage): void => {
      const chunks: Buffer[] = [];
      let received = 0;
      let decoded = 0;
      const done = (): void => {
        if (settled) return;
        let value: T;
        try {
          value = read(message, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, decoded));
        } catch (error) {
          fail(fetchFailed(error));
          return;
        }
        if (finish()) resolve(value);
      };
      const keep = (chunk: Buffer): void => {
        decoded += chunk.byteLength;
        if (decoded > maxResponseBytes) fail(responseTooLarge(maxResponseBytes));
        else chunks.push(chunk);
      };
      const { encoding, length } = bodyFraming(message.rawHeaders);
      // A declared length past the limit fails now, before any of it is read.
      if (length !== undefined && length > maxResponseBytes) {
        fail(responseTooLarge(maxResponseBytes));
        return;
      }
      message.on('error', (error) => fail(fetchFailed(error)));
      message.on('data', (chunk: Buffer) => {
        if (settled) return;
        received += chunk.byteLength;
        if (received > maxResponseBytes) return fail(responseTooLarge(maxResponseBytes));
        // Decoders start with the first byte: an empty body (a 204, a HEAD) with a coding decodes to nothing.
        if (encoding !== undefined && !decoding) {
          decoding = true;
          decoders = startDecoding(encoding, keep, done, fail);
        }
        if (decoders.length) decoders[0]!.write(chunk);
        else keep(chunk);
      });
      message.on('end', () => {
        if (decoders.length) decoders[0]!.end();
        else done();
      });
    };
    const { method, body } = outgoing;
    try {
      // Node copies the headers onto the request; they are only written on `end`.
      request = route.request(url, { method, headers: outgoing.headers as OutgoingHttpHeaders, agent: route.agent }, onAnswer);
    } catch (error) {
      // Node throws synchronously for headers it refuses (e.g. control characters in a value).
      return fail(fetchFailed(error));
    }
    request.on('error', (error) => fail(fetchFailed(error)));
    // Node announces an empty body itself only for methods it expects one with; a DELETE's body would go
    // out with no length at all, so every body gets its Content-Length here.
    if (body !== undefined) request.setHeader('content-length', Buffer.byteLength(body));
    outgoing.signal.addEventListener('abort', onAbort, { once: true });
    request.end(body);
  });
}

/**
 * Chains the decoders of `encoding` (last coding applied, first undone) and wires their output to `keep`
 * and their end to `done`. Each decoder works on the thread pool in small chunks, so a timeout or an abort
 * still ends the call while a large body decodes, and `keep` stops it at the limit.
 */
function startDecoding(
  encoding: string,
  keep: (chunk: Buffer) => void,
  done: () => void,
  fail: (error: unknown) => void,
): readonly Transform[] {
  const chain = decoderChain(encoding);
  chain.forEach((decoder, index) => {
    decoder.on('error', (error) => fail(fetchFailed(error)));
    const next = chain[index + 1];
    if (next) {
      decoder.on('data', (chunk: Buffer) => next.write(chunk));
      decoder.on('end', () => next.end());
    } else {
      decoder.on('data', keep);
      decoder.on('end', done);
    }
  });
  return chain;
}
