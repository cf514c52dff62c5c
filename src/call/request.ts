/**
 * Turns a validated call into the request to send: the host, path, query, headers and the exact body text,
 * with credentials placed where the operation's security says.
 */
import { createFinalURL, createQuerySerializer, defaultPathSerializer } from 'openapi-fetch';
import type { ResolvedConfig } from '../config';
import { placeCredentials, type AvailableCredentials } from '../auth/credentials';
import type { OperationDescriptor, OperationParams } from '../operation';
import { invalid } from './validate';

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

// openapi-fetch's serialisers: path values percent-encoded, query as form style (arrays repeated, objects as deepObject).
const serializeQuery = createQuerySerializer();

/** Builds the request of a validated call; `call` holds its own headers and origin IP (already checked). */
export function prepareRequest(
  config: ResolvedConfig,
  op: OperationDescriptor,
  params: OperationParams,
  call: { readonly headers?: Readonly<Record<string, string>> | undefined; readonly originIp?: string | undefined } = {},
  m2mToken?: string,
): PreparedRequest {
  const originIp = call.originIp ?? config.originIp;
  const credentials = placeCredentials(op, availableCredentials(config, params, m2mToken), config.signatureValidMinutes !== undefined);
  const baseUrl = hostOf(config, op);
  const body = serializeBody(op, params.body);
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
      // A text answer (an HTML page) is asked for as such; LoginRadius's errors still come as JSON.
      Accept: op.textResponse ? 'text/html, application/xml;q=0.9, application/json;q=0.8' : 'application/json',
      ...(body === undefined
        ? {}
        : { 'Content-Type': op.bodyEncoding === 'form' ? 'application/x-www-form-urlencoded' : 'application/json' }),
      ...(config.userAgent === undefined || setsHeader(call.headers, 'user-agent') ? {} : { 'User-Agent': config.userAgent }),
      ...call.headers,
      ...(originIp ? { 'X-Origin-IP': originIp } : {}),
      ...credentials.headers,
    },
    body,
    sign: credentials.sign,
  };
}

/** The credentials one call has: the client's keys and the call's own tokens. */
export function availableCredentials(config: ResolvedConfig, params: OperationParams, m2mToken?: string): AvailableCredentials {
  return { apiKey: config.apiKey, apiSecret: config.apiSecret, accessToken: params.accessToken, sott: params.sott, m2mToken };
}

/** The app's hub domain in a server template: `https://{tenant}.hub.loginradius.com`. */
const HUB_TEMPLATE = '{tenant}';

/**
 * The host a call goes to: an operation LoginRadius serves from another host uses it (the app's hub domain
 * from `config.hub` where the spec says `{tenant}`), unless the caller chose `baseUrl` (a custom domain, a
 * mock or a proxy), which serves everything.
 */
function hostOf(config: ResolvedConfig, op: OperationDescriptor): string {
  if (op.server === undefined || config.baseUrlIsCustom) return config.baseUrl;
  if (!op.server.includes(HUB_TEMPLATE)) return op.server;
  if (config.hubUrl === undefined)
    throw invalid(op, 'hub', "this operation is served by your app's hub domain: set config.hub to your app name or custom domain URL");
  return config.hubUrl;
}

/** The exact body text; a value JSON cannot represent (a BigInt, a cycle, a throwing `toJSON`) is bad input. */
function serializeBody(op: OperationDescriptor, body: unknown): string | undefined {
  if (body === undefined) return undefined;
  if (op.bodyEncoding === 'form') return formEncode(op, body);
  try {
    return JSON.stringify(body);
  } catch (error) {
    const reason = error instanceof Error ? error.name : 'an error';
    throw invalid(
      op,
      'body',
      `the request body cannot be serialised as JSON (${reason}: a BigInt, a circular reference or a failing toJSON)`,
    );
  }
}

/**
 * A flat body as `application/x-www-form-urlencoded`: strings, numbers and booleans as text, arrays as repeated
 * fields, `null` left out. A nested object has no form encoding, so it is bad input.
 */
function formEncode(op: OperationDescriptor, body: unknown): string {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw invalid(op, 'body', 'the request body must be an object');
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(body)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === null || item === undefined) continue;
      if (typeof item === 'object')
        throw invalid(op, `body.${name}`, `body.${name} cannot be form-encoded: give a string, number or boolean`);
      form.append(name, String(item));
    }
  }
  return form.toString();
}

/** Whether a call's own headers set a header (names compared case-insensitively, as HTTP does). */
function setsHeader(headers: Readonly<Record<string, string>> | undefined, lowerCaseName: string): boolean {
  return headers !== undefined && Object.keys(headers).some((name) => name.toLowerCase() === lowerCaseName);
}
