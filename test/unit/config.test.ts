import { afterEach, describe, expect, test, vi } from 'vitest';
import { createClient, DEFAULT_BASE_URL, LoginRadiusValidationError, type ClientConfig } from '../../src/index';

const SECRET = 'super-secret-value-42';

describe('createClient rejects a malformed config before any call', () => {
  test.for<[string, unknown, string]>([
    ['no config', undefined, 'config'],
    ['empty API key', { apiKey: '' }, 'apiKey'],
    ['blank API key', { apiKey: '   ' }, 'apiKey'],
    ['API key with a newline', { apiKey: 'abc\n' }, 'apiKey'],
    ['non-string API key', { apiKey: 42 }, 'apiKey'],
    ['empty API secret', { apiKey: 'k', apiSecret: '' }, 'apiSecret'],
    ['base URL that is not a URL', { apiKey: 'k', baseUrl: 'api.loginradius.com' }, 'baseUrl'],
    ['base URL with another scheme', { apiKey: 'k', baseUrl: 'ftp://api.loginradius.com' }, 'baseUrl'],
    ['base URL with a query', { apiKey: 'k', baseUrl: 'https://api.loginradius.com/?x=1' }, 'baseUrl'],
    ['base URL with credentials', { apiKey: 'k', baseUrl: 'https://user:pw@api.loginradius.com' }, 'baseUrl'],
    ['zero timeout', { apiKey: 'k', timeoutMs: 0 }, 'timeoutMs'],
    ['negative retries', { apiKey: 'k', maxRetries: -1 }, 'maxRetries'],
    ['fractional retries', { apiKey: 'k', maxRetries: 1.5 }, 'maxRetries'],
    ['origin IP with CR/LF', { apiKey: 'k', originIp: '1.2.3.4\r\nX-Evil: 1' }, 'originIp'],
    ['misspelled option', { apiKey: 'k', apikey: 'k' }, 'apikey'],
    ['fetch that is not a function', { apiKey: 'k', fetch: 'nope' }, 'fetch'],
  ])('%s', ([, config, parameter]) => {
    let thrown: unknown;
    try {
      createClient(config as ClientConfig);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(LoginRadiusValidationError);
    expect(thrown).toMatchObject({ parameter });
  });

  test('the error for a bad secret never repeats the secret', () => {
    const badSecret = `${SECRET}\n`;
    expect(() => createClient({ apiKey: 'k', apiSecret: badSecret })).toThrow(LoginRadiusValidationError);
    try {
      createClient({ apiKey: 'k', apiSecret: badSecret });
    } catch (error) {
      expect(JSON.stringify(error) + String(error) + (error as Error).stack).not.toContain(SECRET);
    }
  });
});

describe('createClient accepts a valid config', () => {
  test('defaults the base URL and hides the secret from its settings', () => {
    const client = createClient({ apiKey: 'key', apiSecret: SECRET });
    expect(client.settings).toMatchObject({
      apiKey: 'key',
      baseUrl: DEFAULT_BASE_URL,
      hasApiSecret: true,
      timeoutMs: 30_000,
      maxRetries: 2,
    });
    expect(JSON.stringify(client)).not.toContain(SECRET);
  });

  test('trims a trailing slash from a custom domain', () => {
    expect(createClient({ apiKey: 'k', baseUrl: 'https://auth.example.com/' }).settings.baseUrl).toBe('https://auth.example.com');
  });
});

describe('apiSecret in a browser', () => {
  afterEach(() => vi.unstubAllGlobals());

  test('is refused unless the caller opts in', () => {
    vi.stubGlobal('window', {});
    vi.stubGlobal('document', {});
    expect(() => createClient({ apiKey: 'k', apiSecret: SECRET })).toThrow(/browser/);
    expect(() => createClient({ apiKey: 'k' })).not.toThrow();
    expect(() => createClient({ apiKey: 'k', apiSecret: SECRET, dangerouslyAllowBrowser: true })).not.toThrow();
  });
});
