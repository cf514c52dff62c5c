// The naming rule of spec/README.md: every function name (operationIds and variant names) spells acronyms as
// words, spells a few words one way, and says `ByAccessToken` when the credential is the user's access token.
// Renamed functions keep their old names as deprecated aliases, which are exempt.
import { describe, expect, test } from 'vitest';
import { credentialNeed } from '../../codegen/emit-operation';
import { functionNameProblems } from '../../codegen/names';
import * as api from '../../src/index';
import { callables } from '../support/spec';

describe('functionNameProblems', () => {
  test.for<[string, boolean, string[]]>([
    ['verifyEmailByOtp', false, []],
    ['verifyEmailByOTP', false, ['spell the acronym `OTP` as a word']],
    ['sendForgotPINSMSByPhone', false, ['spell the acronym `PINSMS` as a word']],
    [
      'getCustomObjectByRecordIDAndToken',
      true,
      ['spell the acronym `ID` as a word', "name the user's access token: `ByAccessToken`, not `ByToken`"],
    ],
    ['generateQRCode', false, ['spell the acronym `QR` as a word']],
    ['getOAuthClient', false, []],
    ['generateM2MToken', false, []],
    ['authInValidateAccessToken', true, ['write `invalidate`, not `inValidate`']],
    ['inValidatePinSessionToken', false, ['write `invalidate`, not `inValidate`']],
    ['webHookSubscribe', false, ['write `Webhook` (one word), not `WebHook`']],
    ['resetPinByUsernameAndOtp', false, ['write `UserName`, as LoginRadius spells the field and the other functions do']],
    ['unlockAccountByToken', true, ["name the user's access token: `ByAccessToken`, not `ByToken`"]],
    ['unlockAccountByAccessToken', true, []],
    // Other tokens keep their own names; `ByToken` alone is only wrong for the user's access token.
    ['mfaVerifyTotpByMfaToken', false, []],
    ['deleteAccountByDeleteToken', false, []],
  ])('%s', ([name, takesAccessToken, problems]) => expect(functionNameProblems(name!, takesAccessToken!)).toEqual(problems));
});

describe('every function of the spec', () => {
  test.for(callables.map((c) => [c.name, c] as const))('%s follows the naming rule', ([, c]) => {
    expect(functionNameProblems(c.name, credentialNeed(c, 'accessToken') !== 'never')).toEqual([]);
  });

  test('every deprecated alias names a different spelling than the function it stands for', () => {
    for (const c of callables) for (const old of c.deprecatedNames) expect(old, c.name).not.toBe(c.name);
  });

  test.for(callables.flatMap((c) => c.deprecatedNames.map((old) => [old, c.name] as const)))(
    'the package entry exports %s as the very function %s',
    ([old, name]) => {
      const exports = api as unknown as Record<string, unknown>;
      expect(exports[old]).toBeTypeOf('function');
      expect(exports[old]).toBe(exports[name]);
    },
  );
});
