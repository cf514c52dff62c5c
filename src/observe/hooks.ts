/**
 * Observability hooks: called once per attempt (a retried call calls them again), with the operation's
 * name and a description of the request in which every credential is redacted. For logging, metrics and
 * tracing; `onRequest` may add headers (a `traceparent`, say) but never credentials.
 */
import { LoginRadiusError } from '../errors';
import { redactHeaders, redactUrl } from './redact';

/** A request as hooks and logs see it: credentials replaced by `[redacted]`, header names in lower case. */
export interface RequestDescription {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface RequestEvent {
  /** The function name, e.g. `loginByEmail`. */
  readonly operation: string;
  /** 1 for the first attempt, 2 for the first retry, … */
  readonly attempt: number;
  readonly request: RequestDescription;
}

export interface ResponseEvent extends RequestEvent {
  readonly status: number;
  readonly headers: Headers;
  /** Time from sending to the whole response having been read, in milliseconds. */
  readonly durationMs: number;
}

export interface RequestErrorEvent extends RequestEvent {
  readonly error: LoginRadiusError;
  /** True when the client will retry after this failure. */
  readonly willRetry: boolean;
}

export interface ClientHooks {
  /** Before each attempt is sent. Return `{ headers }` to add (non-credential) headers to this attempt. */
  onRequest?(event: RequestEvent):
    | void
    | { readonly headers?: Readonly<Record<string, string>> }
    // biome-ignore lint/suspicious/noConfusingVoidType: `void` lets an async hook that returns nothing type-check
    | Promise<void | { readonly headers?: Readonly<Record<string, string>> }>;
  /** After each attempt's response has been read, whatever the status. */
  onResponse?(event: ResponseEvent): void | Promise<void>;
  /** After each failed attempt (an error status, a network failure, a timeout). */
  onError?(event: RequestErrorEvent): void | Promise<void>;
}

/**
 * Describes a request for hooks and logs, with credentials redacted: the credential headers, and the query
 * parameters that always carry secrets plus the operation's own `sensitive` ones.
 */
export function describeRequest(
  method: string,
  url: string,
  headers: Readonly<Record<string, string>>,
  sensitive?: readonly string[],
): RequestDescription {
  const lowerCased = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  return { method, url: redactUrl(url, sensitive), headers: redactHeaders(lowerCased) };
}

/** Runs one hook; an exception it throws becomes a {@link LoginRadiusError} with the hook's error as `cause`. */
export async function runHook<T>(operation: string, name: keyof ClientHooks, hook: () => T | Promise<T>): Promise<T> {
  try {
    return await hook();
  } catch (cause) {
    if (cause instanceof LoginRadiusError) throw cause;
    throw new LoginRadiusError(`${operation}: the ${name} hook threw`, { operation, cause });
  }
}
