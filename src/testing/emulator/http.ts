/** The emulator's view of a request and its answer: already parsed, independent of the HTTP server. */

/** A request as the emulator sees it (after Prism has validated it). */
export interface EmulatedRequest {
  readonly method: string;
  /** The URL path, e.g. `/identity/v2/auth/login`. */
  readonly path: string;
  readonly query: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly body: unknown;
}

/** The emulator's answer: a status and a JSON body. */
export interface EmulatedResponse {
  readonly status: number;
  readonly body: unknown;
}

/** The first value of a query parameter or header, or undefined. */
export function single(value: string | readonly string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : value?.[0];
}

/** A 200 answer. */
export function ok(body: unknown): EmulatedResponse {
  return { status: 200, body };
}
