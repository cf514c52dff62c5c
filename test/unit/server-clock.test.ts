import { createDecipheriv, pbkdf2Sync } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import * as api from '../../src/index';
import { createSottGenerator } from '../../src/auth/sott';
import { createServerClock, parseServerTime, SERVER_INFO_OPERATION } from '../../src/auth/server-clock';
import { callables } from '../support/spec';

describe('the server clock for SOTTs', () => {
  test('its server-info call matches the spec operation', () => {
    const spec = callables.find((c) => c.name === 'getServerInfo')!;
    expect(SERVER_INFO_OPERATION).toMatchObject({
      method: spec.method,
      path: spec.path,
      security: spec.security,
      idempotent: spec.idempotent,
    });
    expect(Object.keys(SERVER_INFO_OPERATION.query!)).toEqual(spec.query.map((q) => q.name));
  });

  test('parses LoginRadius times as UTC', () => {
    expect(parseServerTime('2026-11-23 09:15:53')).toBe(Date.parse('2026-11-23T09:15:53Z'));
    expect(parseServerTime('yesterday')).toBeUndefined();
  });

  test('measures the offset against the middle of the round trip and caches it for 10 minutes', async () => {
    let local = Date.parse('2026-11-23T09:00:00Z');
    let reads = 0;
    const clock = createServerClock(
      async () => {
        reads++;
        local += 2000; // a 2 s round trip
        return '2026-11-23 10:00:01';
      },
      () => local,
    );
    expect((await clock()).toISOString()).toBe('2026-11-23T10:00:02.000Z');
    local += 5 * 60_000;
    expect((await clock()).toISOString()).toBe('2026-11-23T10:05:02.000Z');
    expect(reads).toBe(1);
    local += 6 * 60_000;
    await clock();
    expect(reads).toBe(2);
  });

  test('a client with sottClock: server starts the SOTT window at LoginRadius time', async () => {
    const requests: string[] = [];
    const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const request = new Request(input, init);
      requests.push(`${request.method} ${new URL(request.url).pathname} ${request.headers.get('x-loginradius-sott') ?? ''}`);
      const body = request.url.includes('/serverinfo') ? { CurrentTime: '2031-01-02 03:04:05' } : { IsPosted: true };
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    };
    const lr = api.createClient({ apiKey: 'k', apiSecret: 'clock-secret', fetch: fetchImpl as typeof fetch, sottClock: 'server' });
    await lr.call(
      {
        id: 'register',
        method: 'POST',
        path: '/identity/v2/auth/register',
        security: [['apiKey', 'sott']],
        body: 'required',
        generateSott: createSottGenerator,
      },
      { body: {} },
    );
    expect(requests[0]).toBe('GET /identity/v2/serverinfo ');
    const sott = requests[1]!.split(' ')[2]!;
    const key = pbkdf2Sync('clock-secret', Buffer.alloc(8), 10_000, 32, 'sha1');
    const decipher = createDecipheriv('aes-256-cbc', key, Buffer.from('tu89geji340t89u2'));
    const plaintext = Buffer.concat([decipher.update(Buffer.from(sott.split('*')[0]!, 'base64')), decipher.final()]).toString();
    expect(plaintext.split('#')[0]).toMatch(/^2031\/1\/2 3:04:\d\d$/);
  });

  test('an unknown clock is a config error', () => {
    expect(() => api.createClient({ apiKey: 'k', sottClock: 'ntp' as never })).toThrow(api.LoginRadiusValidationError);
  });
});
