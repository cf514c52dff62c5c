/**
 * Normalises `fetch(input, init)` arguments into what `node:http` needs.
 *
 * Two paths give the same result. The common call, a URL with `init` holding a standard method, a plain
 * headers object and a text or bytes body (or none), is read directly: building a `Request` only to take
 * it apart again costs more than the rest of the transport (its signal alone sets up a listener, a weak
 * reference and a finalizer). Everything else (a `Request` input, `Headers`, form data, blobs, streams)
 * goes through the `Request` constructor, so it follows the Fetch standard exactly.
 */
import type { Outgoing } from './exchange';

/** One fetch call, ready for {@link exchange}. */
export interface OutgoingRequest extends Outgoing {
  readonly url: URL;
  /** Lower-case names. */
  readonly headers: Record<string, string>;
  /**
   * The `Request` whose signal this is, when the call went through one: that signal only follows
   * `init.signal` while the `Request` object is alive, so it must not be dropped before the call settles.
   */
  readonly request?: Request;
}

// Methods the Fetch standard leaves as written when already upper-case; any other spelling takes the Request path.
const PLAIN_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Reads the URL, method, headers, body and signal of one fetch call. */
export async function toOutgoingRequest(input: Request | string | URL, init?: RequestInit): Promise<OutgoingRequest> {
  if (init !== undefined && !(input instanceof Request) && isPlainInit(init)) return fromPlainInit(input, init);
  const request = input instanceof Request && init === undefined ? input : new Request(input, init);
  // Buffered, so it goes out with a Content-Length: LoginRadius bodies are small JSON documents.
  const body = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer());
  const headers: Record<string, string> = {};
  for (const [name, value] of request.headers) headers[name] = value;
  return { url: new URL(request.url), method: request.method, headers, body, signal: request.signal, request };
}

function isPlainInit(init: RequestInit): boolean {
  const { method, headers, body } = init;
  return (
    (method === undefined || PLAIN_METHODS.has(method)) &&
    (headers === undefined || (typeof headers === 'object' && Object.getPrototypeOf(headers) === Object.prototype)) &&
    (body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array)
  );
}

function fromPlainInit(input: string | URL, init: RequestInit): OutgoingRequest {
  const method = init.method ?? 'GET';
  if ((method === 'GET' || method === 'HEAD') && init.body != null) throw new TypeError(`Request with ${method} method cannot have body.`);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(init.headers as Record<string, string> | undefined ?? {})) {
    const key = name.toLowerCase();
    const text = String(value).trim();
    // Names that differ only in case are one header, as in a Headers object.
    headers[key] = key in headers ? `${headers[key]}, ${text}` : text;
  }
  const body = init.body ?? undefined;
  if (typeof body === 'string') headers['content-type'] ??= 'text/plain;charset=UTF-8';
  return { url: new URL(input), method, headers, body: body as string | Uint8Array | undefined, signal: init.signal };
}
