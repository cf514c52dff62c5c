// Usernames and phone numbers as identifiers, end to end through the real generated client: registration by
// phone with the texted OTP, login by username and by phone, token renewal, and the Management API's lookups
// and updates, each unique across the app.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  checkPhoneNumberAvailability,
  checkUserNameAvailability,
  createAccount,
  createClient,
  getAccountProfileByPhone,
  getAccountProfileByUserName,
  getProfileByAccessToken,
  loginByPhone,
  loginByUserName,
  phoneResendVerificationOtp,
  phoneVerificationByOtp,
  refreshAccessToken,
  refreshAccessTokenByRefreshToken,
  setOrChangeUserName,
  updateAccountByUid,
  updatePhoneIdByUid,
  userRegistrationByEmail,
  userRegistrationByPhone,
  validateAccessToken,
  verifyEmail,
} from '../../src/index';
import { startMockLoginRadius } from '../../src/testing/index';
import { refusal, useStatefulMock } from '../support/stateful-mock';

const env = useStatefulMock({ tokenLifetimeSeconds: 900 });

const phone = '+14155550123';
const password = 'correct-horse-battery-staple';

async function registerByPhone(number = phone): Promise<void> {
  await userRegistrationByPhone(env.server, { body: { phoneId: number, password, firstName: 'Jane' } });
}

/** The OTP of the last SMS sent to `number`. */
async function lastOtp(number = phone): Promise<string> {
  const messages = await env.mock.outbox(number);
  return messages.at(-1)!.token;
}

describe('registration by phone', () => {
  test('texts a six-digit OTP; verifying it signs the user in and lets the phone log in', async () => {
    await registerByPhone();
    const [sms] = await env.mock.outbox(phone);
    expect(sms).toMatchObject({ channel: 'sms', to: phone, purpose: 'phone-verification' });
    expect(sms!.token).toMatch(/^\d{6}$/);

    const session = await phoneVerificationByOtp(env.lr, { query: { otp: sms!.token }, body: { phone } });
    expect(session).toMatchObject({ Profile: { PhoneId: phone, PhoneIdVerified: true, FirstName: 'Jane' } });
    const login = await loginByPhone(env.lr, { body: { phone, password } });
    expect(await getProfileByAccessToken(env.lr, { accessToken: login.access_token! })).toMatchObject({ PhoneId: phone });
  });

  test('an unverified phone cannot log in (PHONE_NOT_VERIFIED); a wrong password is INVALID_CREDENTIALS first', async () => {
    await registerByPhone();
    expect(await refusal(loginByPhone(env.lr, { body: { phone, password } }))).toBe('PHONE_NOT_VERIFIED');
    expect(await refusal(loginByPhone(env.lr, { body: { phone, password: 'wrong' } }))).toBe('INVALID_CREDENTIALS');
    expect(await refusal(loginByPhone(env.lr, { body: { phone: '+14155550999', password } }))).toBe('INVALID_CREDENTIALS');
  });

  test('a blocked account cannot log in by phone', async () => {
    const account = await createAccount(env.server, { body: { PhoneId: phone, PhoneIdVerified: true, Password: password } });
    await updateAccountByUid(env.server, { path: { uid: account.Uid! }, body: { IsActive: false } });
    expect(await refusal(loginByPhone(env.lr, { body: { phone, password } }))).toBe('ACCOUNT_BLOCKED');
  });

  test('a wrong OTP is OTP_INVALID, and the right one still works after it', async () => {
    await registerByPhone();
    const otp = await lastOtp();
    const wrong = otp === '000000' ? '111111' : '000000';
    expect(await refusal(phoneVerificationByOtp(env.lr, { query: { otp: wrong }, body: { phone } }))).toBe('OTP_INVALID');
    await expect(phoneVerificationByOtp(env.lr, { query: { otp }, body: { phone } })).resolves.toHaveProperty('access_token');
  });

  test('an OTP works once', async () => {
    await registerByPhone();
    const otp = await lastOtp();
    await phoneVerificationByOtp(env.lr, { query: { otp }, body: { phone } });
    expect(await refusal(phoneVerificationByOtp(env.lr, { query: { otp }, body: { phone } }))).toBe('OTP_INVALID');
  });

  test('an OTP expires after 15 minutes on the emulator clock (OTP_EXPIRED)', async () => {
    await registerByPhone();
    const otp = await lastOtp();
    await env.mock.advanceClock(15 * 60_000);
    expect(await refusal(phoneVerificationByOtp(env.lr, { query: { otp }, body: { phone } }))).toBe('OTP_EXPIRED');
  });

  test('a resent OTP replaces the first; a verified number gets none', async () => {
    await registerByPhone();
    const first = await lastOtp();
    await phoneResendVerificationOtp(env.lr, { body: { phone } });
    const second = await lastOtp();
    expect(await env.mock.outbox(phone)).toHaveLength(2);
    if (first !== second)
      expect(await refusal(phoneVerificationByOtp(env.lr, { query: { otp: first }, body: { phone } }))).toBe('OTP_INVALID');
    await phoneVerificationByOtp(env.lr, { query: { otp: second }, body: { phone } });
    expect(await refusal(phoneResendVerificationOtp(env.lr, { body: { phone } }))).toBe('PHONE_NUMBER_ALREADY_CONFIRMED');
    expect(await refusal(phoneResendVerificationOtp(env.lr, { body: { phone: '+14155550999' } }))).toBe('USER_NOT_FOUND');
  });

  test('a phone number already registered is PHONE_ALREADY_REGISTERED, and the availability lookup sees it', async () => {
    expect(await checkPhoneNumberAvailability(env.lr, { query: { phone } })).toEqual({ IsExist: false });
    await registerByPhone();
    expect(await refusal(registerByPhone())).toBe('PHONE_ALREADY_REGISTERED');
    expect(await checkPhoneNumberAvailability(env.lr, { query: { phone } })).toEqual({ IsExist: true });
    expect(await env.mock.accounts()).toHaveLength(1);
  });

  test('a SOTT made with another secret is refused before anything is created', async () => {
    const other = createClient({ apiKey: env.mock.app.apiKey, apiSecret: 'not-the-app-secret', baseUrl: env.mock.url });
    expect(await refusal(userRegistrationByPhone(other, { body: { phoneId: phone, password } }))).toBe('SOTT_INVALID');
    expect(await env.mock.accounts()).toHaveLength(0);
  });

  test('a registration cannot mark its own number verified', async () => {
    await userRegistrationByPhone(env.server, { body: { phoneId: phone, password, PhoneIdVerified: true } });
    expect(await refusal(loginByPhone(env.lr, { body: { phone, password } }))).toBe('PHONE_NOT_VERIFIED');
  });
});

describe('usernames', () => {
  const jane = { email: 'jane.doe@example.com', userName: 'JaneDoe', password };

  async function registerWithUserName(user = jane): Promise<void> {
    await userRegistrationByEmail(env.server, {
      body: { email: [{ type: 'Primary', value: user.email }], userName: user.userName, password },
    });
  }

  test('register with email and username → verify the email → log in by username (any letter case)', async () => {
    await registerWithUserName();
    expect(await refusal(loginByUserName(env.lr, { body: { username: 'janedoe', password } }))).toBe('EMAIL_NOT_VERIFIED');
    const [email] = await env.mock.outbox(jane.email);
    await verifyEmail(env.lr, { query: { verificationToken: email!.token } });
    const session = await loginByUserName(env.lr, { body: { username: 'janedoe', password } });
    expect(session.Profile).toMatchObject({ UserName: 'JaneDoe', EmailVerified: true });
    expect(await refusal(loginByUserName(env.lr, { body: { username: 'janedoe', password: 'wrong' } }))).toBe('INVALID_CREDENTIALS');
  });

  test('a username already taken (in another letter case) is USERNAME_ALREADY_REGISTERED', async () => {
    await registerWithUserName();
    expect(await checkUserNameAvailability(env.lr, { query: { username: 'JANEDOE' } })).toEqual({ IsExist: true });
    expect(await refusal(registerWithUserName({ ...jane, email: 'other@example.com', userName: 'janedoe' }))).toBe(
      'USERNAME_ALREADY_REGISTERED',
    );
  });

  test('the signed-in user changes the username; another account’s is refused', async () => {
    await env.mock.seed([
      { email: 'sam@example.com', password, userName: 'sam' },
      { email: jane.email, password, userName: 'jane' },
    ]);
    const { access_token: accessToken } = await loginByUserName(env.lr, { body: { username: 'jane', password } });
    expect(await refusal(setOrChangeUserName(env.lr, { accessToken: accessToken!, body: { username: 'SAM' } }))).toBe(
      'USERNAME_ALREADY_REGISTERED',
    );
    await setOrChangeUserName(env.lr, { accessToken: accessToken!, body: { username: 'janet' } });
    await expect(loginByUserName(env.lr, { body: { username: 'janet', password } })).resolves.toHaveProperty('access_token');
    expect(await refusal(loginByUserName(env.lr, { body: { username: 'jane', password } }))).toBe('INVALID_CREDENTIALS');
  });
});

describe('refresh tokens', () => {
  /** Jane's session from a username login (the emulator never answers a password login with an MFA challenge). */
  async function janesSession() {
    await env.mock.seed([{ email: 'jane.doe@example.com', password, userName: 'jane' }]);
    const session = await loginByUserName(env.lr, { body: { username: 'jane', password } });
    if (!session.Profile) throw new Error('a password login answered an MFA challenge');
    return session;
  }

  test('a refresh token gets a new access token; the old one stays valid until it expires', async () => {
    const session = await janesSession();
    const renewed = await refreshAccessTokenByRefreshToken(env.server, { query: { refresh_Token: session.refresh_token! } });
    expect(renewed.access_token).not.toBe(session.access_token);
    expect(renewed.refresh_token).toBe(session.refresh_token);
    await expect(getProfileByAccessToken(env.lr, { accessToken: renewed.access_token! })).resolves.toMatchObject({ UserName: 'jane' });
    await expect(getProfileByAccessToken(env.lr, { accessToken: session.access_token! })).resolves.toMatchObject({ UserName: 'jane' });
  });

  test('after the access token expired, the refresh token still renews it', async () => {
    const session = await janesSession();
    await env.mock.advanceClock(901_000);
    expect(await refusal(getProfileByAccessToken(env.lr, { accessToken: session.access_token! }))).toBe('ACCESS_TOKEN_EXPIRED');
    const renewed = await refreshAccessTokenByRefreshToken(env.server, { query: { refresh_Token: session.refresh_token! } });
    await expect(getProfileByAccessToken(env.lr, { accessToken: renewed.access_token! })).resolves.toMatchObject({ UserName: 'jane' });
  });

  test('an unknown refresh token is REFRESH_TOKEN_INVALID', async () => {
    expect(await refusal(refreshAccessTokenByRefreshToken(env.server, { query: { refresh_Token: 'not-a-refresh-token' } }))).toBe(
      'REFRESH_TOKEN_INVALID',
    );
  });

  test('refreshAccessToken extends the same access token by expiresIn minutes', async () => {
    const { access_token: accessToken } = await janesSession();
    const renewed = await refreshAccessToken(env.server, { accessToken: accessToken!, query: { expiresIn: 60 } });
    expect(renewed.access_token).toBe(accessToken);
    await env.mock.advanceClock(901_000);
    await expect(validateAccessToken(env.server, { accessToken: accessToken! })).resolves.toMatchObject({ access_token: accessToken });
  });
});

describe('Management API', () => {
  test('reads an account by phone and by username; unknown ones are USER_NOT_FOUND', async () => {
    const created = await createAccount(env.server, { body: { PhoneId: phone, UserName: 'jane', Password: password } });
    await expect(getAccountProfileByPhone(env.server, { query: { phone } })).resolves.toMatchObject({ Uid: created.Uid });
    await expect(getAccountProfileByUserName(env.server, { query: { userName: 'JANE' } })).resolves.toMatchObject({ Uid: created.Uid });
    expect(await refusal(getAccountProfileByPhone(env.server, { query: { phone: '+14155550999' } }))).toBe('USER_NOT_FOUND');
  });

  test('create and update refuse another account’s phone or username, changing nothing', async () => {
    await createAccount(env.server, { body: { PhoneId: phone, UserName: 'jane', Password: password } });
    expect(await refusal(createAccount(env.server, { body: { PhoneId: phone, Password: password } }))).toBe('PHONE_ALREADY_REGISTERED');
    expect(await refusal(createAccount(env.server, { body: { UserName: 'Jane', Password: password } }))).toBe(
      'USERNAME_ALREADY_REGISTERED',
    );

    const sam = await createAccount(env.server, { body: { PhoneId: '+14155550188', UserName: 'sam', Password: password } });
    const uid = sam.Uid!;
    expect(await refusal(updateAccountByUid(env.server, { path: { uid }, body: { UserName: 'JANE', FirstName: 'Sam' } }))).toBe(
      'USERNAME_ALREADY_REGISTERED',
    );
    expect(await refusal(updatePhoneIdByUid(env.server, { path: { uid }, body: { phone } }))).toBe('PHONE_ALREADY_REGISTERED');
    await expect(getAccountProfileByUserName(env.server, { query: { userName: 'sam' } })).resolves.not.toHaveProperty('FirstName');
  });

  test('updatePhoneIdByUid moves the number without an OTP: the new one logs in, the old one no longer does', async () => {
    const sam = await createAccount(env.server, { body: { PhoneId: phone, Password: password } });
    await updatePhoneIdByUid(env.server, { path: { uid: sam.Uid! }, body: { phone: '+14155550188' } });
    expect(await env.mock.outbox()).toHaveLength(0);
    await expect(loginByPhone(env.lr, { body: { phone: '+14155550188', password } })).resolves.toHaveProperty('access_token');
    expect(await refusal(loginByPhone(env.lr, { body: { phone, password } }))).toBe('INVALID_CREDENTIALS');
    expect(await checkPhoneNumberAvailability(env.lr, { query: { phone } })).toEqual({ IsExist: false });
  });
});

describe('persistence', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lr-emulator-ids-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a phone and username account survives a state-file round trip, uniqueness included, from a file saved before OTPs were kept', async () => {
    const stateFile = join(dir, 'state.json');
    const first = await startMockLoginRadius({ stateful: true, stateFile });
    try {
      const admin = createClient({ ...first.app, baseUrl: first.url });
      await createAccount(admin, { body: { PhoneId: phone, PhoneIdVerified: true, UserName: 'jane', Password: password } });
    } finally {
      await first.stop();
    }
    const { otps: _, ...older } = JSON.parse(readFileSync(stateFile, 'utf8'));
    writeFileSync(stateFile, JSON.stringify(older));
    const second = await startMockLoginRadius({ stateful: true, stateFile });
    try {
      const client = createClient({ ...second.app, baseUrl: second.url });
      await expect(loginByPhone(client, { body: { phone, password } })).resolves.toMatchObject({ Profile: { UserName: 'jane' } });
      expect(await refusal(createAccount(client, { body: { UserName: 'JANE', Password: password } }))).toBe('USERNAME_ALREADY_REGISTERED');
    } finally {
      await second.stop();
    }
  }, 60_000);
});
