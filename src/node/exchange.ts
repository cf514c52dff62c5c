/**
 * One HTTP exchange over `node:http`/`node:https`: send the request with its whole body, buffer the answer,
 * and settle once, on the answer, a network failure (`TypeError('fetch failed')` with the socket error as
 * `cause`) or an abort (the signal's reason; the request is destroyed). Redirects are answers like any other.
 */
import type { ClientRequest, IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import type { Route } from './agents';
import { fetchFailed } from './fetch-error';

/** What an exchange sends, apart from the URL. */
export interface Outgoing {
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The whole body (sent with its `Content-Length`), or `undefined` when there is none. */
  readonly body: string | Uint8Array | undefined;
  readonly signal: AbortSignal | null | undefined;
}

/** Turns the finished answer into what the caller resolves with; a throw fails the exchange. */
export type ReadAnswer<O extends Outgoing, T> = (outgoing: O, message: IncomingMessage, body: Buffer) => T;

/**
 * Sends `outgoing` to `url` and resolves with `read(outgoing, message, body)` once the body has arrived.
 * `outgoing` stays reachable until the exchange settles (a `Request` behind its signal must not be
 * collected early: its signal follows the caller's only while it lives).
 */
export function exchange<O extends Outgoing, T>(route: Route, url: URL, outgoing: O, read: ReadAnswer<O, T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (outgoing.signal?.aborted) return reject(outgoing.signal.reason);
    let settled = false;
    let request: ClientRequest | undefined;
    // True for the first outcome only: whichever comes first (answer, failure, abort) decides.
    const finish = (): boolean => {
      if (settled) return false;
      settled = true;
      outgoing.signal?.removeEventListener('abort', onAbort);
      return true;
    };
    const fail = (error: unknown): void => {
      if (finish()) reject(error);
    };
    const onAbort = (): void => {
      fail(outgoing.signal!.reason);
      request?.destroy();
    };
    const onAnswer = (message: IncomingMessage): void => {
      const chunks: Buffer[] = [];
      message.on('data', (chunk: Buffer) => chunks.push(chunk));
      message.on('error', (error) => fail(fetchFailed(error)));
      message.on('end', () => {
        if (settled) return;
        let value: T;
        try {
          value = read(outgoing, message, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
        } catch (error) {
          return fail(fetchFailed(error));
        }
        if (finish()) resolve(value);
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
    if (body !== undefined) request.setHeader('content-length', typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
    outgoing.signal?.addEventListener('abort', onAbort, { once: true });
    request.end(body);
  });
}
