// No credential escapes in anything the client throws, logs or hands to a hook: not the API secret, the
// access token, the SOTT, nor any value the spec marks `x-lr-sensitive` (OTPs, passwords, provider tokens,
// security answers). Every generated function is called with a distinct marker in every such place, against
// transports that echo the whole request back in every way a real one might.
import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import * as api from '../../src/index';
import type { Callable } from '../../codegen/spec-model';
import { callables, exampleParams } from '../support/spec';

type OperationFunction = (client: api.LoginRadiusClient, params: unknown) => Promise<unknown>;
const fn = (name: string): OperationFunction => (api as unknown as Record<string, OperationFunction>)[name]!;

const API_SECRET = 'MARK-apisecret-71c3';
const M2M_TOKEN = 'MARK-m2mtoken-2e8b';
const ACCESS_TOKEN = 'MARK-accesstoken-5e2a';
const SOTT = 'MARK-sott-9b04';

/** Every string that can be reached from a value: own properties (enumerable or not, symbols too), causes, nested objects. */
function everythingIn(value: unknown): string {
  const parts: string[] = [];
  const seen = new Set<unknown>();
  const walk = (v: unknown, depth: number): void => {
    if (typeof v === 'string') return void parts.push(v);
    if (v === null || (typeof v !== 'object' && typeof v !== 'function') || seen.has(v) || depth > 12) return;
    seen.add(v);
    if (v instanceof Headers) return void parts.push(JSON.stringify([...v]));
    for (const key of Reflect.ownKeys(v)) {
      parts.push(String(key));
      try {
        walk((v as Record<PropertyKey, unknown>)[key], depth + 1);
      } catch {
        // A throwing getter reveals nothing.
      }
    }
  };
  walk(value, 0);
  parts.push(String(value), inspect(value, { depth: 12, showHidden: true }));
  try {
    parts.push(JSON.stringify(value));
  } catch {
    // Not serialisable: nothing to reveal that way.
  }
  if (value instanceof Error) parts.push(String(value.stack));
  return parts.join('\n');
}

/** The callable's example params with a distinct marker in every credential-bearing place it accepts. */
function markedParams(c: Callable): { params: Record<string, unknown>; markers: string[] } {
  const params = structuredClone(exampleParams(c));
  const markers = [API_SECRET, M2M_TOKEN];
  if (params.accessToken !== undefined) params.accessToken = ACCESS_TOKEN;
  if (params.sott !== undefined) params.sott = SOTT;
  if (params.accessToken !== undefined) markers.push(ACCESS_TOKEN);
  if (params.sott !== undefined) markers.push(SOTT);
  const sensitive = new Set(c.sensitive);
  let n = 0;
  const mark = (): string => {
    const marker = `MARK-${c.name}-${n++}-x9`;
    markers.push(marker);
    return marker;
  };
  const query = (params.query ?? {}) as Record<string, unknown>;
  for (const q of c.query) if (q.sensitive && q.type === 'string') query[q.name] = mark();
  if (Object.keys(query).length) params.query = query;
  const markBody = (value: unknown, depth: number): unknown => {
    if (Array.isArray(value)) return value.map((item) => markBody(item, depth + 1));
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, nested]) => [key, sensitive.has(key) ? markAll(nested) : markBody(nested, depth + 1)]),
    );
  };
  const markAll = (value: unknown): unknown => {
    if (typeof value === 'string') return mark();
    if (Array.isArray(value)) return value.map(markAll);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, markAll(v)]));
    return value;
  };
  if (params.body !== undefined) params.body = markBody(params.body, 0);
  return { params, markers };
}

/** Transports that give every detail of the request back: in an error's message, its causes, its fields, a body. */
const ECHOES: Record<string, (request: Request, text: string) => Promise<Response>> = {
  'a JSON error whose Description quotes the request': async (request, text) =>
    new Response(
      JSON.stringify({
        ErrorCode: 1001,
        Description: `bad: ${request.url} ${text} ${JSON.stringify([...request.headers])}`,
        Errors: [{ echo: text }],
      }),
      {
        status: 400,
        headers: { 'content-type': 'application/json' },
      },
    ),
  'an HTML page quoting the request': async (request, text) =>
    new Response(`<html><body>${request.url}\n${text}\n${JSON.stringify([...request.headers])}</body></html>`, { status: 502 }),
  'a thrown error quoting the URL in message, cause.path and cause.cause.message (node-fetch, Bun, Deno)': async (request, text) => {
    const deepest = Object.assign(new Error(`connect ECONNRESET ${request.url}`), { code: 'ECONNRESET', path: request.url, body: text });
    const middle = Object.assign(new Error(`request to ${request.url} failed`, { cause: deepest }), {
      path: request.url,
      headers: Object.fromEntries(request.headers),
    });
    const error = new TypeError(`error sending request for url (${request.url}): ${decodeURIComponent(request.url)}`, { cause: middle });
    Object.defineProperty(error, 'request', { value: { url: request.url, body: text }, enumerable: false });
    throw error;
  },
};

describe.each(Object.entries(ECHOES))('with %s', (_name, echo) => {
  test.for(callables.map((c) => [c.name, c] as const))('%s: no marker in the error, the logs or the hook events', async ([name, c]) => {
    const { params, markers } = markedParams(c);
    const seen: unknown[] = [];
    const lines: string[] = [];
    const log = (level: string) => (message: string, details?: Record<string, unknown>) =>
      void lines.push(`${level} ${message} ${JSON.stringify(details)}`);
    const fetchEcho = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const request = new Request(input, init);
      return echo(request, await request.clone().text());
    };
    const client = api.createClient({
      apiKey: 'key-1',
      apiSecret: API_SECRET,
      m2m: { token: M2M_TOKEN },
      hub: 'test-app',
      fetch: fetchEcho as typeof fetch,
      maxRetries: 0,
      logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
      logLevel: 'debug',
      hooks: { onRequest: (e) => void seen.push(e), onResponse: (e) => void seen.push(e), onError: (e) => void seen.push(e) },
    });
    const error = await fn(name)(client, params).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(api.LoginRadiusError);
    const text = [everythingIn(error), everythingIn(seen), lines.join('\n')].join('\n');
    for (const marker of markers) expect(text, `${name} leaked ${marker}`).not.toContain(marker);
    // The markers really were sent: the test would see a leak if there were one.
    expect(lines.length).toBeGreaterThan(0);
  });
});

test('the markers reach the wire (so the walk above can fail)', async () => {
  const c = callables.find((x) => x.name === 'resetPasswordByEmailOtp' || x.sensitive.includes('otp'))!;
  const { params, markers } = markedParams(c);
  let wire = '';
  const client = api.createClient({
    apiKey: 'k',
    apiSecret: API_SECRET,
    hub: 'test-app',
    maxRetries: 0,
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      wire = `${request.url} ${await request.text()} ${JSON.stringify([...request.headers])}`;
      return new Response('{}', { status: 200 });
    }) as typeof fetch,
  });
  await fn(c.name)(client, params);
  for (const marker of markers.filter((m) => (m !== API_SECRET || c.security[0]!.includes('apiSecret')) && m !== M2M_TOKEN))
    expect(wire).toContain(marker);
});

test('every operation with a credential-bearing query parameter or body field lists it', () => {
  // Names that always carry a credential wherever they appear; a new endpoint that forgets the mark fails here.
  const credentialName =
    /^(password|newpassword|oldpassword|otp|pin|newpin|oldpin|token|access_token|refresh_token|session_token|.*_access_token|.*authcode|.*token_secret|id_token|code|.*securityanswer|securityquestionanswer|resettoken|verificationtoken|deletetoken|consenttoken|pinauthtoken|secondfactorauthenticationtoken|secondfactorvalidationtoken|backupcode|authenticatorcode|candidatetoken|clientguid)$/i;
  for (const c of callables) {
    for (const q of c.query) if (credentialName.test(q.name)) expect(c.sensitive, `${c.name} query ${q.name}`).toContain(q.name);
    const body = JSON.stringify(c.body?.example ?? {});
    for (const [, key] of body.matchAll(/"([^"]+)":/g))
      if (credentialName.test(key!)) expect(c.sensitive, `${c.name} body ${key}`).toContain(key);
  }
});

describe('a transport error is replaced by a sanitised copy', () => {
  test('keeps name, code, errno and syscall; drops every other field; scrubs every string at every depth', async () => {
    const secretUrl = (url: string) => url;
    const client = api.createClient({
      apiKey: 'k',
      apiSecret: API_SECRET,
      maxRetries: 0,
      fetch: (async (input: RequestInfo | URL) => {
        const url = secretUrl(String(input));
        const socket = Object.assign(new Error(`connect ECONNREFUSED ${url}`), {
          code: 'ECONNREFUSED',
          errno: -111,
          syscall: 'connect',
          address: url,
          config: { url },
        });
        throw new TypeError('fetch failed', { cause: socket });
      }) as typeof fetch,
    });
    const error = (await api
      .exchangeAccessToken(client, exampleParams(callables.find((c) => c.name === 'exchangeAccessToken')!) as never)
      .catch((e: unknown) => e)) as api.LoginRadiusConnectionError;
    expect(error).toBeInstanceOf(api.LoginRadiusConnectionError);
    const cause = error.cause as Error & { cause: Error & Record<string, unknown> };
    expect(cause.name).toBe('TypeError');
    expect(cause.cause).toMatchObject({ name: 'Error', code: 'ECONNREFUSED', errno: -111, syscall: 'connect' });
    expect(cause.cause.address).toBeUndefined();
    expect(cause.cause.config).toBeUndefined();
    expect(cause.cause.message).toContain('connect ECONNREFUSED https://api.loginradius.com/api/v2/access_token');
    expect(everythingIn(error)).not.toContain(API_SECRET);
  });
});
