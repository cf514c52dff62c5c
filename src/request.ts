/**
 * Turns a validated call into the request to send: the host, path, query, headers and the exact body text,
 * with credentials placed where the operation's security says.
 */
import { createFinalURL, createQuerySerializer, defaultPathSerializer } from 'openapi-fetch';
import type { ResolvedConfig } from './config';
import { CREDENTIAL_PLACEMENT, placeCredentials } from './credentials';
import { LoginRadiusValidationError } from './errors';
import type { OperationDescriptor, OperationParams, RequestOptions } from './operation';

export interface PreparedRequest {
  readonly method: OperationDescriptor['method'];
  /** The absolute URL, built once per call: every attempt (and its signature) uses exactly this. */
  readonly url: string;
  /** The URL without its query string, for messages. */
  readonly endpoint: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The exact body text that is sent (and signed). */
  readonly body: string | undefined;
  /** True when the request carries the API secret and the client signs instead of sending it. */
  readonly sign: boolean;
}

/** Headers that carry credentials or a signature: per-call options and hooks may not set them. */
export const PROTECTED_HEADERS: ReadonlySet<string> = new Set(
  Object.values(CREDENTIAL_PLACEMENT)
    .filter((p) => p.in === 'header')
    .map((p) => p.name.toLowerCase()),
);

// openapi-fetch's serialisers: path values percent-encoded, query as form style (arrays repeated, objects as deepObject).
const serializeQuery = createQuerySerializer();

export function prepareRequest(config: ResolvedConfig, op: OperationDescriptor, params: OperationParams, options: RequestOptions): PreparedRequest {
  const available = { apiKey: config.apiKey, apiSecret: config.apiSecret, accessToken: params.accessToken, sott: params.sott };
  const credentials = placeCredentials(op, available, config.signatureValidMinutes !== undefined);
  const extraHeaders = options.headers ?? {};
  for (const name of Object.keys(extraHeaders)) {
    if (PROTECTED_HEADERS.has(name.toLowerCase())) {
      throw new LoginRadiusValidationError(`${op.id}: credentials cannot be set through options.headers (${name})`, { operation: op.id, parameter: `headers.${name}` });
    }
  }
  // An operation LoginRadius serves from another host uses it, unless the caller chose a custom domain.
  const baseUrl = op.server !== undefined && !config.baseUrlIsCustom ? op.server : config.baseUrl;
  const body = params.body === undefined ? undefined : JSON.stringify(params.body);
  return {
    method: op.method,
    url: createFinalURL(op.path, {
      baseUrl,
      params: { path: params.path, query: { ...params.query, ...credentials.query } },
      querySerializer: serializeQuery,
      pathSerializer: defaultPathSerializer,
    }),
    endpoint: `${baseUrl}${op.path}`,
    headers: {
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...extraHeaders,
      ...(config.originIp ? { 'X-Origin-IP': config.originIp } : {}),
      ...credentials.headers,
    },
    body,
    sign: credentials.sign,
  };
}
