import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { defaultUserAgent, runtimeName } from '../../src/call/user-agent';
import * as api from '../../src/index';
import { capturingFetch } from '../support/capturing-fetch';

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

describe('User-Agent', () => {
  test('names the package, its version and the runtime by default', async () => {
    const capture = capturingFetch({ body: { Uid: 'u' } });
    await api.getProfileByAccessToken(api.createClient({ apiKey: 'k', fetch: capture.fetch }), { accessToken: 't' });
    expect(capture.requests[0]!.headers.get('user-agent')).toBe(`loginradius-client/${version} node/${process.versions.node}`);
  });

  test('a configured string replaces it, false sends none, a call header wins whatever its case', async () => {
    const capture = capturingFetch({ body: { Uid: 'u' } });
    const custom = api.createClient({ apiKey: 'k', fetch: capture.fetch, userAgent: 'acme-portal/2.3' });
    const none = api.createClient({ apiKey: 'k', fetch: capture.fetch, userAgent: false });
    await api.getProfileByAccessToken(custom, { accessToken: 't' });
    await api.getProfileByAccessToken(none, { accessToken: 't' });
    await api.getProfileByAccessToken(custom, { accessToken: 't' }, { headers: { 'user-agent': 'per-call/1' } });
    expect(capture.requests.map((r) => r.headers.get('user-agent'))).toEqual(['acme-portal/2.3', null, 'per-call/1']);
  });

  test.each([[''], ['  '], ['line\nbreak'], ['é'], [42], [true], ['x'.repeat(257)]])('userAgent %j is refused', (userAgent) => {
    expect(() => api.createClient({ apiKey: 'k', userAgent: userAgent as never })).toThrow(api.LoginRadiusValidationError);
  });

  test.each([
    [{ Deno: { version: { deno: '2.1.4' } }, process: { versions: { node: '20.11.1' } } }, 'deno/2.1.4'],
    [{ Bun: { version: '1.1.30' }, process: { versions: { node: '22.6.0' } } }, 'bun/1.1.30'],
    [{ process: { versions: { node: '20.11.1' } } }, 'node/20.11.1'],
    [{ navigator: { userAgent: 'Cloudflare-Workers' } }, 'workerd'],
    [{ navigator: { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0' } }, undefined],
    [{}, undefined],
  ])('the runtime of %j is %s', (globals, expected) => {
    expect(runtimeName(globals)).toBe(expected);
  });

  test('a browser gets no User-Agent from the client (its own is sent, and a custom one would need a CORS preflight)', () => {
    expect(defaultUserAgent({ navigator: { userAgent: 'Mozilla/5.0 Chrome/131.0' } })).toBeUndefined();
  });
});
