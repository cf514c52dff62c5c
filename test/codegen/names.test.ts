import { describe, expect, test } from 'vitest';
import { describeSecurity, groupModuleName, typePrefix } from '../../codegen/names';
import { propertyKey, tsLiteral } from '../../codegen/ts-literal';

describe('groupModuleName', () => {
  test.for([
    ['paths/authentication.yaml', 'authentication'],
    ['paths/multi-factor-authentication.yaml', 'multi-factor-authentication'],
    ['paths/passwordless-login.yaml', 'passwordless-login'],
    ['paths/webhook.yaml', 'webhook'],
  ])('%s → %s', ([file, module]) => expect(groupModuleName(file!)).toBe(module));

  test('a file outside paths/ or not in kebab case is refused', () => {
    expect(() => groupModuleName('paths/WebHook.yaml')).toThrow(/kebab case/);
    expect(() => groupModuleName('webhook.yaml')).toThrow(/paths/);
  });
});

describe('typePrefix', () => {
  test.for([
    ['loginByEmail', 'LoginByEmail'],
    ['mfaLoginByEmail', 'MfaLoginByEmail'],
  ])('%s → %s', ([name, prefix]) => expect(typePrefix(name!)).toBe(prefix));
});

describe('describeSecurity', () => {
  test.for<[string[][], string]>([
    [[], 'none'],
    [[['apiKey']], 'API key'],
    [[['apiKey', 'apiSecret']], 'API key + API secret'],
    [[['apiKey'], ['apiKey', 'accessToken']], "API key, or API key + user's access token"],
    [
      [
        ['apiKey', 'apiSecret'],
        ['apiKey', 'requestSignature', 'requestExpires'],
      ],
      'API key + API secret (or a request signature)',
    ],
  ])('%j → %s', ([security, text]) => expect(describeSecurity(security)).toBe(text));
});

describe('tsLiteral', () => {
  test.for<[unknown, string]>([
    ["it's", "'it\\'s'"],
    [{ a: 1, 'b-c': true, d: undefined }, "{ a: 1, 'b-c': true }"],
    [[['apiKey', 'accessToken']], "[['apiKey', 'accessToken']]"],
    [{}, '{}'],
    [null, 'null'],
  ])('%j', ([value, text]) => expect(tsLiteral(value)).toBe(text));

  test('quotes keys only when needed', () => {
    expect(propertyKey('g-recaptcha-response')).toBe("'g-recaptcha-response'");
    expect(propertyKey('EmailTemplate')).toBe('EmailTemplate');
  });
});
