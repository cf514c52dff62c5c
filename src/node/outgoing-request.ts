/**
 * Normalises `fetch(input, init)` arguments into what `node:http` needs. A `Request` with no `init` (what the
 * client passes) is read as is; anything else goes through the `Request` constructor first, so method
 * names, header validation, body encoding and default content types follow the Fetch standard exactly.
 */

/** One request, ready for `http.request`. */
export interface OutgoingRequest {
  /**
   * The `Request` itself, kept for its `signal`. Hold on to it until the call settles: the signal of a
   * `Request` built with `init.signal` only follows that signal while the `Request` object is alive.
   */
  readonly request: Request;
  readonly url: URL;
  readonly method: string;
  readonly headers: Record<string, string>;
  /** The whole body, or `undefined` when there is none. */
  readonly body: Uint8Array | undefined;
}

// Methods whose empty body is still announced, as the built-in fetch does.
const METHODS_WITH_BODY: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH']);

/** Reads the URL, method, headers, body bytes and signal of one fetch call. */
export async function toOutgoingRequest(input: Request | string | URL, init?: RequestInit): Promise<OutgoingRequest> {
  const request = input instanceof Request && init === undefined ? input : new Request(input, init);
  // Buffered, so it goes out with a Content-Length: LoginRadius bodies are small JSON documents.
  const body = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer());
  const headers: Record<string, string> = {};
  for (const [name, value] of request.headers) headers[name] = value;
  if (body !== undefined) headers['content-length'] = String(body.byteLength);
  else if (METHODS_WITH_BODY.has(request.method)) headers['content-length'] = '0';
  return { request, url: new URL(request.url), method: request.method, headers, body };
}
