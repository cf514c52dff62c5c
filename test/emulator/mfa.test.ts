// Multi-factor authentication with email and SMS OTPs on the stateful mock, through the real generated client:
// the challenge, each factor end to end, the refusals, and switching factors on and off.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  createClient,
  getProfileByAccessToken,
  LoginRadiusApiError,
  mfaConfigureByAccessToken,
  mfaEmailOtp,
  mfaEmailOtpByAccessToken,
  mfaLoginByEmail,
  mfaResendOtp,
  mfaResetEmailOtpAuthenticatorByUid,
  mfaResetSmsAuthByAccessToken,
  mfaResetSmsAuthenticatorByUid,
  mfaSendEmailOtpByMfaToken,
  mfaUpdatePhoneNumber,
  mfaUpdatePhoneNumberByAccessToken,
  mfaValidateEmailOtp,
  mfaValidateEmailOtpByAccessToken,
  mfaValidateOtpByPhone,
  mfaVerifyEmailOtpByMfaToken,
  mfaVerifyPhoneNumberByAccessToken,
  mfaVerifySmsOtpByMfaToken,
  type LoginRadiusClient,
} from '../../src/index';
import { MFA_LOGIN_LIFETIME_MS, maskEmail, maskPhone } from '../../src/testing/emulator/mfa';
import { OTP_LIFETIME_MS } from '../../src/testing/emulator/otps';
import { loadState } from '../../src/testing/emulator/persistence';
import { startMockLoginRadius, type StatefulMockLoginRadius } from '../../src/testing/index';

let mock: StatefulMockLoginRadius;
let lr: LoginRadiusClient;
let server: LoginRadiusClient;

beforeAll(async () => {
  mock = await startMockLoginRadius({ stateful: true, tokenLifetimeSeconds: 3600 });
  lr = createClient({ apiKey: mock.app.apiKey, baseUrl: mock.url });
  server = createClient({ ...mock.app, baseUrl: mock.url });
}, 60_000);
afterAll(() => mock?.stop());
beforeEach(() => mock.reset());

const jane = { email: 'jane.doe@example.com', password: 'correct-horse-battery-staple' };
const phone = '+14155550123';
/** Just past a lifetime. */
const justPast = (lifetimeMs: number): number => lifetimeMs + 60_000;

/** The LoginRadius error code name a call fails with. */
async function failure(call: Promise<unknown>): Promise<string | undefined> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LoginRadiusApiError);
  return (error as LoginRadiusApiError).code;
}

/** The latest code sent to `to` for `purpose`. */
async function lastCode(to: string, purpose: string): Promise<string> {
  const sent = (await mock.outbox(to)).filter((message) => message.purpose === purpose);
  expect(sent.length).toBeGreaterThan(0);
  return sent.at(-1)!.token;
}

/** Starts an MFA login and returns its second-factor token (failing if no challenge came). */
async function challenge(): Promise<string> {
  const answer = await mfaLoginByEmail(lr, { body: jane });
  expect(answer.Profile).toBeNull();
  return answer.SecondFactorAuthentication!.SecondFactorAuthenticationToken;
}

/** A code that is not `code`. */
const wrong = (code: string): string => (code === '000000' ? '111111' : '000000');

describe('the MFA login', () => {
  test('an account without a second factor gets a session straight away', async () => {
    await mock.seed([jane]);
    const session = await mfaLoginByEmail(lr, { body: jane });
    expect(session.SecondFactorAuthentication).toBeNull();
    expect(await getProfileByAccessToken(lr, { accessToken: session.access_token! })).toMatchObject({ Email: [{ Value: jane.email }] });
  });

  test('an account with both OTP factors is challenged, with a code texted and a code emailed', async () => {
    await mock.seed([{ ...jane, mfa: { email: true, phone } }]);
    const answer = await mfaLoginByEmail(lr, { body: jane });
    expect(answer).toMatchObject({
      SecondFactorAuthentication: {
        IsOTPAuthenticatorVerified: true,
        OTPPhoneNo: '+1415*****23',
        OTPStatus: { AccountSid: null },
        IsEmailOtpAuthenticatorVerified: true,
        Email: ['j******e@e*****e.com'],
        EmailOTPStatus: { Email: 'j******e@e*****e.com' },
      },
      Profile: null,
      access_token: '00000000-0000-0000-0000-000000000000',
    });
    expect(answer.SecondFactorAuthentication!.SecondFactorAuthenticationToken).toMatch(/^[0-9a-f-]{36}$/);
    expect((await mock.outbox(phone)).map((m) => [m.channel, m.purpose])).toEqual([['sms', 'mfa-login']]);
    expect((await mock.outbox(jane.email)).map((m) => [m.channel, m.purpose])).toEqual([['email', 'mfa-login']]);
    expect(await lastCode(phone, 'mfa-login')).toMatch(/^\d{6}$/);
  });

  test('a wrong password is refused before any challenge', async () => {
    await mock.seed([{ ...jane, mfa: { phone } }]);
    expect(await failure(mfaLoginByEmail(lr, { body: { ...jane, password: 'wrong' } }))).toBe('INVALID_CREDENTIALS');
    expect(await mock.outbox()).toEqual([]);
  });
});

describe('SMS OTP', () => {
  test('the texted code signs the user in, once', async () => {
    await mock.seed([{ ...jane, mfa: { phone } }]);
    const token = await challenge();
    const session = await mfaValidateOtpByPhone(lr, {
      query: { secondFactorAuthenticationToken: token },
      body: { otp: await lastCode(phone, 'mfa-login') },
    });
    expect(session.Profile).toMatchObject({ Uid: expect.any(String), NoOfLogins: 1 });
    expect(await getProfileByAccessToken(lr, { accessToken: session.access_token })).toMatchObject({ NoOfLogins: 1 });
    const again = mfaValidateOtpByPhone(lr, { query: { secondFactorAuthenticationToken: token }, body: { otp: '123456' } });
    expect(await failure(again)).toBe('SECOND_FACTOR_TOKEN_INVALID');
  });

  test('a wrong code is OTP_INVALID and leaves the right one usable (newer path)', async () => {
    await mock.seed([{ ...jane, mfa: { phone } }]);
    const token = await challenge();
    const code = await lastCode(phone, 'mfa-login');
    const query = { secondFactorAuthenticationToken: token };
    expect(await failure(mfaVerifySmsOtpByMfaToken(lr, { query, body: { otp: wrong(code) } }))).toBe('OTP_INVALID');
    expect((await mfaVerifySmsOtpByMfaToken(lr, { query, body: { otp: code } })).access_token).toBeTruthy();
  });

  test('a resend replaces the code', async () => {
    await mock.seed([{ ...jane, mfa: { phone } }]);
    const token = await challenge();
    const first = await lastCode(phone, 'mfa-login');
    await mfaResendOtp(lr, { query: { secondFactorAuthenticationToken: token } });
    const second = await lastCode(phone, 'mfa-login');
    const query = { secondFactorAuthenticationToken: token };
    if (first !== second) expect(await failure(mfaValidateOtpByPhone(lr, { query, body: { otp: first } }))).toBe('OTP_INVALID');
    expect((await mfaValidateOtpByPhone(lr, { query, body: { otp: second } })).Profile).toBeDefined();
  });

  test('an account with only email OTP can give a number during the login; it becomes its MFA phone', async () => {
    await mock.seed([{ ...jane, mfa: { email: true } }]);
    const query = { secondFactorAuthenticationToken: await challenge() };
    expect(await failure(mfaResendOtp(lr, { query }))).toBe('TWO_FACTOR_AUTHENTICATION_NOT_CONFIGURED_PROFILE');
    await mfaUpdatePhoneNumber(lr, { query, body: { phoneNo2FA: phone } });
    const session = await mfaValidateOtpByPhone(lr, { query, body: { otp: await lastCode(phone, 'mfa-login') } });
    expect(await mfaConfigureByAccessToken(lr, { accessToken: session.access_token })).toMatchObject({
      IsOTPAuthenticatorVerified: true,
      OTPPhoneNo: '+1415*****23',
      IsEmailOtpAuthenticatorVerified: true,
    });
  });
});

describe('email OTP', () => {
  test('the code emailed at login signs the user in', async () => {
    await mock.seed([{ ...jane, mfa: { email: true } }]);
    const query = { secondFactorAuthenticationToken: await challenge() };
    const session = await mfaValidateEmailOtp(lr, { query, body: { EmailId: jane.email, Otp: await lastCode(jane.email, 'mfa-login') } });
    expect(session.Profile).toMatchObject({ Email: [{ Value: jane.email }] });
  });

  test('a code asked for again by the newer path signs the user in; an address not the account’s is refused', async () => {
    await mock.seed([{ ...jane, mfa: { email: true } }]);
    const query = { secondFactorAuthenticationToken: await challenge() };
    expect(await failure(mfaEmailOtp(lr, { query, body: { EmailId: 'someone.else@example.com' } }))).toBe('USER_NOT_FOUND');
    await mfaSendEmailOtpByMfaToken(lr, { query, body: { email: jane.email } });
    expect((await mock.outbox(jane.email)).length).toBe(2);
    const otp = await lastCode(jane.email, 'mfa-login');
    expect((await mfaVerifyEmailOtpByMfaToken(lr, { query, body: { emailid: jane.email, otp } })).access_token).toBeTruthy();
  });
});

describe('expiry', () => {
  test('a code older than 15 minutes is OTP_EXPIRED while the login is still pending', async () => {
    await mock.seed([{ ...jane, mfa: { email: true } }]);
    const query = { secondFactorAuthenticationToken: await challenge() };
    const Otp = await lastCode(jane.email, 'mfa-login');
    await mock.advanceClock(justPast(OTP_LIFETIME_MS));
    expect(await failure(mfaValidateEmailOtp(lr, { query, body: { EmailId: jane.email, Otp } }))).toBe('OTP_EXPIRED');
  });

  test('a second-factor token older than 30 minutes is SECOND_FACTOR_TOKEN_EXPIRED', async () => {
    await mock.seed([{ ...jane, mfa: { phone } }]);
    const query = { secondFactorAuthenticationToken: await challenge() };
    await mock.advanceClock(justPast(MFA_LOGIN_LIFETIME_MS));
    expect(await failure(mfaResendOtp(lr, { query }))).toBe('SECOND_FACTOR_TOKEN_EXPIRED');
  });

  test('an unknown second-factor token is SECOND_FACTOR_TOKEN_INVALID', async () => {
    const query = { secondFactorAuthenticationToken: 'b1fbbba5-2a5e-41a2-96da-c216df36e6f4' };
    expect(await failure(mfaValidateOtpByPhone(lr, { query, body: { otp: '123456' } }))).toBe('SECOND_FACTOR_TOKEN_INVALID');
  });
});

describe('switching MFA on and off', () => {
  async function signIn(): Promise<string> {
    const session = await mfaLoginByEmail(lr, { body: jane });
    expect(session.SecondFactorAuthentication).toBeNull();
    return session.access_token!;
  }

  test('SMS OTP: a number confirmed with its code turns the challenge on; removing it turns it off', async () => {
    await mock.seed([jane]);
    const accessToken = await signIn();
    await mfaUpdatePhoneNumberByAccessToken(lr, { accessToken, body: { phoneNo2FA: phone } });
    const code = await lastCode(phone, 'mfa-setup');
    expect(await failure(mfaVerifyPhoneNumberByAccessToken(lr, { accessToken, body: { otp: wrong(code) } }))).toBe('OTP_INVALID');
    expect(await mfaConfigureByAccessToken(lr, { accessToken })).toMatchObject({ IsOTPAuthenticatorVerified: false, OTPPhoneNo: null });
    await mfaVerifyPhoneNumberByAccessToken(lr, { accessToken, body: { otp: code } });
    expect(await mfaConfigureByAccessToken(lr, { accessToken })).toMatchObject({
      IsOTPAuthenticatorVerified: true,
      OTPPhoneNo: '+1415*****23',
    });
    await challenge();

    expect(await mfaResetSmsAuthByAccessToken(lr, { accessToken })).toEqual({ IsDeleted: true });
    await signIn();
    expect(await failure(mfaResetSmsAuthByAccessToken(lr, { accessToken }))).toBe('NOT_VALID_REQUEST_REMOVING_TWO_FACTOR');
  });

  test('email OTP: on with the emailed code (older paths), off by uid with the API secret', async () => {
    const [uid] = await mock.seed([jane]);
    const accessToken = await signIn();
    await mfaEmailOtpByAccessToken(lr, { accessToken, query: { emailId: jane.email } });
    const Otp = await lastCode(jane.email, 'mfa-setup');
    expect((await mfaValidateEmailOtpByAccessToken(lr, { accessToken, body: { EmailId: jane.email, Otp } })).Uid).toBe(uid);
    expect((await mfaLoginByEmail(lr, { body: jane })).SecondFactorAuthentication).toMatchObject({ IsEmailOtpAuthenticatorVerified: true });

    await mfaResetEmailOtpAuthenticatorByUid(server, { query: { uid: uid! } });
    await signIn();
  });

  test('SMS OTP off by uid (the older call with `otpauthenticator`)', async () => {
    const [uid] = await mock.seed([{ ...jane, mfa: { phone } }]);
    await challenge();
    expect(await mfaResetSmsAuthenticatorByUid(server, { query: { uid: uid! }, body: { otpauthenticator: true } })).toEqual({
      IsDeleted: true,
    });
    await signIn();
  });

  test('the setup code expires after 15 minutes', async () => {
    await mock.seed([jane]);
    const accessToken = await signIn();
    await mfaUpdatePhoneNumberByAccessToken(lr, { accessToken, body: { phoneNo2FA: phone } });
    const otp = await lastCode(phone, 'mfa-setup');
    await mock.advanceClock(justPast(OTP_LIFETIME_MS));
    expect(await failure(mfaVerifyPhoneNumberByAccessToken(lr, { accessToken, body: { otp } }))).toBe('OTP_EXPIRED');
  });
});

describe('the parts', () => {
  test.for([
    ['+14155550123', '+1415*****23'],
    ['+4420', '+4420'],
  ] as const)('maskPhone(%s) is %s', ([given, want]) => {
    expect(maskPhone(given)).toBe(want);
  });

  test.for([
    ['jane.doe@example.com', 'j******e@e*****e.com'],
    ['jo@ab.io', 'jo@ab.io'],
  ] as const)('maskEmail(%s) is %s', ([given, want]) => {
    expect(maskEmail(given)).toBe(want);
  });

  test('a state file saved before MFA was modelled still loads, with no pending MFA logins', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lr-mfa-')), 'state.json');
    const account = { profile: { Uid: 'u1', Email: [{ Type: 'Primary', Value: jane.email }] }, passwordHash: 'x:y' };
    writeFileSync(file, JSON.stringify({ version: 1, clockOffsetMs: 0, accounts: { u1: account }, emails: {}, sessions: {}, outbox: [] }));
    const state = loadState(file);
    expect(Object.keys(state.mfaLogins)).toEqual([]);
    expect(state.accounts.u1?.mfa).toBeUndefined();
  });
});
