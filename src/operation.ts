import type { SottOptions } from './auth/sott';

/**
 * The data a generated operation function hands to the client: everything the runtime needs to build,
 * authenticate, validate and retry the request. Generated code holds no logic of its own.
 */

/**
 * A way of sending a credential, named as in the spec's `securitySchemes`. `socialApiKey` and
 * `socialApiSecret` are the query forms (`key`, `secret`) that LoginRadius documents for its
 * `/api/v2/access_token*` endpoints only; `requestSignature` and `requestExpires` are the two headers of a
 * signed request, which replace `apiSecret`.
 */
export type SecurityScheme =
  | 'apiKey'
  | 'socialApiKey'
  | 'apiKeyHeader'
  | 'apiSecret'
  | 'socialApiSecret'
  | 'requestSignature'
  | 'requestExpires'
  | 'accessToken'
  | 'sott'
  | 'm2mToken'
  | 'accessTokenInQuery'
  | 'restHookApiKey'
  | 'restHookApiSecret';

/** The JSON type of a query parameter, checked at runtime before sending. */
export type ParamType = 'string' | 'boolean' | 'integer' | 'number' | 'array' | 'object';

/** One query parameter an operation accepts. */
export interface QueryParam {
  readonly type: ParamType;
  readonly required?: true;
}

/**
 * The top level of a request body, as the generator reads it from the spec, so a call can be checked before
 * it is sent: a field code mapped to the space-separated names of the fields it describes. A code is `!` when
 * the fields are required, then the JSON types they take (`s` string, `i` integer, `n` number, `b` boolean,
 * `a` array, `o` object, `z` null; none: any value), then, for fields limited to listed values, `=` and the
 * values joined by `|`: `{ '!s': 'email password', sz: 'FirstName LastName', 's=day|month': 'unit' }`. The
 * name `*` stands for every other field; without it other fields are refused (`additionalProperties: false`).
 * Grouped by code and terse because each operation bundles its own; the messages live once, in the runtime.
 */
export type BodyShape = Readonly<Record<string, string>>;

/** Describes one callable operation (an OpenAPI operation, or one official-SDK variant of it). */
export interface OperationDescriptor {
  /** The function name, used in errors and hooks (e.g. `loginByEmail`). */
  readonly id: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The path template, e.g. `/identity/v2/manage/account/{uid}`. */
  readonly path: string;
  /** Alternative sets of credentials; the first set the call can satisfy is used. */
  readonly security: readonly (readonly SecurityScheme[])[];
  /** The path parameters, in template order. */
  readonly pathParams?: readonly string[];
  /** The query parameters the operation accepts, by exact name. */
  readonly query?: Readonly<Record<string, QueryParam>>;
  /** Whether a body is required, optional, or (when absent) not accepted. */
  readonly body?: 'required' | 'optional';
  /**
   * `form` when LoginRadius documents the body as `application/x-www-form-urlencoded` (the OAuth and OpenID
   * Connect token endpoints, as RFC 6749 has them): the client sends the same typed object form-encoded.
   */
  readonly bodyEncoding?: 'form';
  /** The body's top level ({@link BodyShape}), or the alternatives of a `oneOf` body, one of which it must fit. */
  readonly bodyShape?: BodyShape | readonly BodyShape[];
  /**
   * Checks a body against `bodyShape`, returning the field at fault and the problem. Carried by the operation,
   * like `generateSott`, so only the operations that take a body bundle the check.
   */
  readonly checkBody?: (shape: BodyShape | readonly BodyShape[], body: object) => readonly [field: string, message: string] | undefined;
  /** True when repeating the call has no side effect, so timeouts and 5xx may be retried. */
  readonly idempotent?: true;
  /** A host that serves this operation instead of the default API host (a custom `baseUrl` still wins). */
  readonly server?: string;
  /**
   * Query parameters and body fields (matched by name at any depth) that carry credentials: tokens, OTPs,
   * passwords, security answers. Their values are redacted from URLs, logs, hook descriptions and errors.
   */
  readonly sensitive?: readonly string[];
  /** True when LoginRadius answers success with an empty body: the call then resolves to `undefined`. */
  readonly noContent?: true;
  /** True when LoginRadius answers success with text (an HTML page, an XML document): the call resolves to it. */
  readonly textResponse?: true;
  /**
   * For operations that need a SOTT: the generator factory the client uses when the call brings none. Carried
   * by the operation so the SOTT code is bundled only with the operations that need it.
   */
  readonly generateSott?: (apiKey: string, apiSecret: string) => (options?: SottOptions) => Promise<string>;
}

/** The untyped shape of every operation's params; generated functions narrow it per operation. */
export interface OperationParams {
  readonly path?: Readonly<Record<string, string | number>>;
  readonly query?: Readonly<Record<string, unknown>>;
  readonly body?: unknown;
  /** The signed-in user's access token, for operations that act on the user's behalf. */
  readonly accessToken?: string;
  /** A Secure One-Time Token, for registration operations. */
  readonly sott?: string;
}

/** Per-call options, the last argument of every operation function. */
export interface RequestOptions {
  /** Cancels the call (and any pending retry wait). */
  readonly signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call. */
  readonly timeoutMs?: number;
  /** Overrides the client's `maxRetries` for this call. */
  readonly maxRetries?: number;
  /** Extra headers for this call (credentials and connection headers such as `Host` cannot be set here). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Overrides the client's `maxResponseBytes` for this call. */
  readonly maxResponseBytes?: number;
  /** Overrides the client's `preventWebhook`: true asks LoginRadius to fire no webhook for this call's events. */
  readonly preventWebhook?: boolean;
  /** The end user's IP address for this call (`X-Origin-IP`), e.g. `req.ip` of the request being served. */
  readonly originIp?: string;
}

// Type helpers the generated functions use to read request and response types out of openapi-typescript's
// `operations` map, so every type is derived from the spec rather than restated.

/** The query parameters object of an operation. */
export type QueryOf<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** The path parameters object of an operation. */
export type PathOf<Op> = Op extends { parameters: { path?: infer P } } ? NonNullable<P> : never;

/** The JSON request body of an operation. */
export type JsonBodyOf<Op> = Op extends { requestBody?: infer B }
  ? NonNullable<B> extends { content: { 'application/json': infer J } }
    ? J
    : never
  : never;

/** The JSON body of an operation's 200 response. */
export type JsonResultOf<Op> = Op extends { responses: { 200: { content: { 'application/json': infer R } } } }
  ? R
  : Op extends { responses: { 200: { content?: never } } }
    ? undefined
    : never;
