/**
 * Type helpers the generated functions use to read request and response types out of openapi-typescript's
 * `operations` map, so every type is derived from the spec rather than restated.
 */

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
export type JsonResultOf<Op> = Op extends { responses: { 200: { content: { 'application/json': infer R } } } } ? R : never;
