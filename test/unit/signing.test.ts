// Golden vectors computed here with node:crypto, independently of src/auth/signing.ts.
import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { formatExpiry, signingMessage, signRequest } from '../../src/auth/signing';

const SECRET = 'test-api-secret';
const NOW = new Date('2025-03-05T13:04:09Z');

function expected(expires: string, url: string, body?: string): string {
  const message = `${expires}:${encodeURIComponent(decodeURIComponent(url)).toLowerCase()}${body ? `:${body}` : ''}`;
  return `SHA-256=${createHmac('sha256', SECRET).update(message, 'utf8').digest('base64')}`;
}

describe('signRequest', () => {
  test.for<[string, string, string | undefined]>([
    [
      'a GET with a query',
      'https://api.loginradius.com/identity/v2/manage/account?apikey=test-api-key&email=a%2Bb%40example.com',
      undefined,
    ],
    ['a PUT with a body', 'https://api.loginradius.com/identity/v2/manage/account/uid123?apikey=test-api-key', '{"FirstName":"x"}'],
    ['unicode in the URL and body', 'https://api.loginradius.com/identity/v2/manage/role/R%C3%B4le?apikey=k', '{"name":"Zoë ✓"}'],
    ['a custom domain', 'https://auth.example.com/identity/v2/manage/account/sott?apikey=k&timeDifference=10', undefined],
  ])('%s', async ([, url, body]) => {
    const headers = await signRequest({ method: 'GET', url, body, apiSecret: SECRET, now: NOW });
    expect(headers['X-Request-Expires']).toBe('2025-03-05 13:24:09');
    expect(headers.digest).toBe(expected('2025-03-05 13:24:09', url, body));
  });

  test('the expiry window is configurable and zero-padded in UTC', async () => {
    const headers = await signRequest({
      method: 'GET',
      url: 'https://x.io/a',
      apiSecret: SECRET,
      now: new Date('2026-01-02T03:04:05Z'),
      validForMinutes: 1,
    });
    expect(headers['X-Request-Expires']).toBe('2026-01-02 03:05:05');
  });

  test('the message lower-cases the re-encoded URL and appends the body', () => {
    expect(signingMessage('E', 'https://A.io/P?x=1', '{}')).toBe('E:https%3a%2f%2fa.io%2fp%3fx%3d1:{}');
    expect(formatExpiry(new Date('2025-12-31T23:59:59Z'))).toBe('2025-12-31 23:59:59');
  });
});
