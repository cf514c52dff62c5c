import { describe, expect, test } from 'vitest';
import { placeCredentials } from '../../src/credentials';
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
  ])('%s', ([, schemes, query, headers]) => {
    const placed = placeCredentials(op(schemes), available);
    expect(placed.query).toEqual(query);
    expect(placed.headers).toEqual(headers);
    expect(Object.values(placed.query)).not.toContain('the-secret');
  });
});

describe('choosing between alternatives', () => {
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
