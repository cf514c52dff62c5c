import { describe, expect, test } from 'vitest';
import { CREDENTIAL_PLACEMENT, placeCredentials } from '../../src/auth/credentials';
import { spec } from '../support/spec';
import { LoginRadiusValidationError, type OperationDescriptor, type SecurityScheme } from '../../src/index';

const available = { apiKey: 'the-key', apiSecret: 'the-secret', accessToken: 'the-token', sott: 'the-sott' };

function op(...security: SecurityScheme[][]): OperationDescriptor {
  return { id: 'someOperation', method: 'GET', path: '/x', security };
}

describe('each security scheme goes where the spec says', () => {
  test.for<[string, SecurityScheme[], Record<string, string>, Record<string, string>]>([
    ['API key', ['apiKey'], { apikey: 'the-key' }, {}],
    ['API key + secret', ['apiKey', 'apiSecret'], { apikey: 'the-key' }, { 'X-LoginRadius-ApiSecret': 'the-secret' }],
    ['API key + access token', ['apiKey', 'accessToken'], { apikey: 'the-key' }, { Authorization: 'Bearer the-token' }],
    ['API key + SOTT', ['apiKey', 'sott'], { apikey: 'the-key' }, { 'X-LoginRadius-Sott': 'the-sott' }],
    ['Social API key + secret (query only)', ['socialApiKey', 'socialApiSecret'], { key: 'the-key', secret: 'the-secret' }, {}],
  ])('%s', ([, schemes, query, headers]) => {
    const placed = placeCredentials(op(schemes), available);
    expect(placed.query).toEqual(query);
    expect(placed.headers).toEqual(headers);
    if (!schemes.includes('socialApiSecret')) expect(Object.values(placed.query)).not.toContain('the-secret');
  });
});

describe('the runtime places credentials exactly as the spec declares its security schemes', () => {
  test('every scheme of the spec, and no other', () => {
    const schemes = spec.components!.securitySchemes as Record<string, { type: string; in?: string; name?: string; scheme?: string }>;
    const declared = Object.fromEntries(
      Object.entries(schemes).map(([name, s]) => [
        name,
        s.type === 'http' ? { in: 'header', name: 'Authorization' } : { in: s.in, name: s.name },
      ]),
    );
    const runtime = Object.fromEntries(Object.entries(CREDENTIAL_PLACEMENT).map(([name, p]) => [name, { in: p.in, name: p.name }]));
    expect(runtime).toEqual(declared);
  });
});

describe('choosing between alternatives', () => {
  const signable = op(['apiKey', 'apiSecret'], ['apiKey', 'requestSignature', 'requestExpires']);

  test('without signing, the secret header; a signed alternative is never chosen', () => {
    expect(placeCredentials(signable, available)).toMatchObject({ headers: { 'X-LoginRadius-ApiSecret': 'the-secret' }, sign: false });
  });

  test('with signing, the signed alternative, with no secret placed (the transport signs)', () => {
    const placed = placeCredentials(signable, available, true);
    expect(placed).toMatchObject({ query: { apikey: 'the-key' }, headers: {}, sign: true });
  });

  test('with signing, an operation without a signed alternative still works', () => {
    expect(placeCredentials(op(['socialApiKey', 'socialApiSecret']), available, true)).toMatchObject({
      query: { key: 'the-key', secret: 'the-secret' },
      sign: false,
    });
  });

  test('uses the first set the call can satisfy', () => {
    const placed = placeCredentials(op(['apiKey', 'accessToken'], ['apiKey']), { apiKey: 'k' });
    expect(placed.schemes).toEqual(['apiKey']);
  });

  test('names the missing credential when no set can be satisfied', () => {
    expect(() => placeCredentials(op(['apiKey', 'apiSecret']), { apiKey: 'k' })).toThrow(LoginRadiusValidationError);
    expect(() => placeCredentials(op(['apiKey', 'apiSecret']), { apiKey: 'k' })).toThrow(/API secret/);
    expect(() => placeCredentials(op(['apiKey', 'accessToken']), { apiKey: 'k' })).toThrow(/access token/);
  });
});
