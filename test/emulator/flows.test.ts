// The stateful mock, end to end through the real generated client: every answer below has passed Prism
// (request validated before the emulator saw it, answer validated against the spec's responses).
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  accountDeleteByEmail,
  authInvalidateAccessToken,
  checkEmailAvailability,
  authValidateAccessToken,
  changePassword,
  createClient,
  createAccount,
  forgotPassword,
  resetPasswordByResetToken,
  deleteAccountByUid,
  getAccountProfileByEmail,
  getAccountProfileByUid,
  getProfileByAccessToken,
  LoginRadiusApiError,
  loginByEmail,
  setAccountPasswordByUid,
  updateAccountByUid,
  updateProfileByAccessToken,
  userRegistrationByEmail,
  validateAccessToken,
  verifyEmail,
  type LoginRadiusClient,
} from '../../src/index';
import { startMockLoginRadius, type StatefulMockLoginRadius } from '../../src/testing/index';

let mock: StatefulMockLoginRadius;
let lr: LoginRadiusClient;
/** A client with the API key only, as in a browser: registrations then need a SOTT made elsewhere. */
let server: LoginRadiusClient;

beforeAll(async () => {
  mock = await startMockLoginRadius({ stateful: true, tokenLifetimeSeconds: 900 });
  lr = createClient({ apiKey: mock.app.apiKey, baseUrl: mock.url });
  server = createClient({ ...mock.app, baseUrl: mock.url });
}, 60_000);
afterAll(() => mock?.stop());
beforeEach(() => mock.reset());

/** The LoginRadius error code name a call fails with. */
async function failure(call: Promise<unknown>): Promise<{ code: string | undefined; status: number | undefined }> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LoginRadiusApiError);
  const { code, status } = error as LoginRadiusApiError;
  return { code, status };
}

const jane = { email: 'jane.doe@example.com', password: 'correct-horse-battery-staple' };

async function register(user = jane): Promise<void> {
  await userRegistrationByEmail(server, {
    body: { email: [{ type: 'Primary', value: user.email }], password: user.password, firstName: 'Jane' },
  });
}

describe('registration, verification and login', () => {
  test('register → verify with the outboxed token → login → update → read back → invalidate → refused', async () => {
    await register();
    const [message] = await mock.outbox(jane.email);
    expect(message).toMatchObject({ channel: 'email', purpose: 'verification', to: jane.email });
    await verifyEmail(lr, { query: { verificationToken: message!.token } });

    const session = await loginByEmail(lr, { body: jane });
    expect(session.Profile).toMatchObject({ FirstName: 'Jane', EmailVerified: true });
    const accessToken = session.access_token!;

    await updateProfileByAccessToken(lr, { accessToken, body: { firstName: 'Janet' } });
    expect(await getProfileByAccessToken(lr, { accessToken })).toMatchObject({ FirstName: 'Janet' });
    expect(await authValidateAccessToken(lr, { accessToken })).toMatchObject({ access_token: accessToken });

    await authInvalidateAccessToken(lr, { accessToken });
    expect(await failure(getProfileByAccessToken(lr, { accessToken }))).toEqual({ code: 'ACCESS_TOKEN_INVALID', status: 403 });
  });

  test('a verification token works once', async () => {
    await register();
    const [message] = await mock.outbox();
    await verifyEmail(lr, { query: { verificationToken: message!.token } });
    expect((await failure(verifyEmail(lr, { query: { verificationToken: message!.token } }))).code).toBe('INVALID_EMAIL_VERIFICATION_LINK');
  });

  test('an email already registered is refused', async () => {
    await register();
    expect(await failure(register())).toEqual({ code: 'EMAIL_ALREADY_REGISTERED', status: 403 });
  });

  test('a SOTT made with another secret is refused', async () => {
    const other = createClient({ apiKey: mock.app.apiKey, apiSecret: 'not-the-app-secret', baseUrl: mock.url });
    const call = userRegistrationByEmail(other, { body: { email: [{ type: 'Primary', value: jane.email }], password: jane.password } });
    expect((await failure(call)).code).toBe('SOTT_INVALID');
  });

  test('a wrong password is INVALID_CREDENTIALS (401)', async () => {
    await mock.seed([jane]);
    expect(await failure(loginByEmail(lr, { body: { ...jane, password: 'wrong' } }))).toEqual({ code: 'INVALID_CREDENTIALS', status: 401 });
  });

  test('an unknown address is INVALID_CREDENTIALS too', async () => {
    expect((await failure(loginByEmail(lr, { body: jane }))).code).toBe('INVALID_CREDENTIALS');
  });

  test('an unverified address cannot log in', async () => {
    await register();
    expect(await failure(loginByEmail(lr, { body: jane }))).toEqual({ code: 'EMAIL_NOT_VERIFIED', status: 403 });
  });

  test('a blocked account cannot log in', async () => {
    await mock.seed([{ ...jane, blocked: true }]);
    expect(await failure(loginByEmail(lr, { body: jane }))).toEqual({ code: 'ACCOUNT_BLOCKED', status: 403 });
  });
});

describe('change password', () => {
  test('needs the current password; the new one logs in, the old one no longer does', async () => {
    await mock.seed([jane]);
    const { access_token: accessToken } = await loginByEmail(lr, { body: jane });
    const change = (oldPassword: string) =>
      changePassword(lr, { accessToken: accessToken!, body: { oldPassword, newPassword: 'new-password-1' } });
    expect(await failure(change('wrong'))).toEqual({ code: 'CURRENT_PASSWORD_INVALID', status: 401 });
    await change(jane.password);
    expect((await failure(loginByEmail(lr, { body: jane }))).code).toBe('INVALID_CREDENTIALS');
    await expect(loginByEmail(lr, { body: { ...jane, password: 'new-password-1' } })).resolves.toBeDefined();
  });
});

describe('forgot password', () => {
  test('forgot → reset token from the outbox → reset → the new password logs in; the token works once', async () => {
    await mock.seed([jane]);
    await forgotPassword(lr, { query: { resetPasswordUrl: 'https://app.example.com/reset' }, body: { email: jane.email } });
    const message = (await mock.outbox(jane.email)).find((m) => m.purpose === 'reset-password')!;
    await resetPasswordByResetToken(lr, { body: { resetToken: message.token, password: 'new-password-2' } });
    await expect(loginByEmail(lr, { body: { ...jane, password: 'new-password-2' } })).resolves.toBeDefined();
    const again = resetPasswordByResetToken(lr, { body: { resetToken: message.token, password: 'new-password-3' } });
    expect((await failure(again)).code).toBe('VERIFICATION_TOKEN_VTOKEN_INVALID');
  });

  test('an unknown address is USER_NOT_FOUND', async () => {
    const call = forgotPassword(lr, { query: { resetPasswordUrl: 'https://app.example.com/reset' }, body: { email: jane.email } });
    expect((await failure(call)).code).toBe('USER_NOT_FOUND');
  });
});

describe('access tokens', () => {
  test('expire after their lifetime on the emulator clock', async () => {
    await mock.seed([jane]);
    const { access_token: accessToken } = await loginByEmail(lr, { body: jane });
    await mock.advanceClock(899_000);
    await expect(getProfileByAccessToken(lr, { accessToken: accessToken! })).resolves.toMatchObject({ Email: [{ Value: jane.email }] });
    await mock.advanceClock(2_000);
    expect(await failure(getProfileByAccessToken(lr, { accessToken: accessToken! }))).toEqual({
      code: 'ACCESS_TOKEN_EXPIRED',
      status: 403,
    });
  });

  test('validate with the API secret (validateAccessToken)', async () => {
    await mock.seed([jane]);
    const { access_token: accessToken } = await loginByEmail(lr, { body: jane });
    await expect(validateAccessToken(server, { accessToken: accessToken! })).resolves.toMatchObject({ access_token: accessToken });
    expect((await failure(validateAccessToken(server, { accessToken: 'not-a-token' }))).code).toBe('ACCESS_TOKEN_INVALID');
  });
});

describe('account management with the API secret', () => {
  test('create, read by uid and by email, update, set password, block, delete', async () => {
    const created = await createAccount(server, {
      body: { Email: [{ Type: 'Primary', Value: jane.email }], Password: 'first-password', EmailVerified: true, FirstName: 'Jane' },
    });
    const uid = created.Uid!;
    expect(await getAccountProfileByUid(server, { path: { uid } })).toMatchObject({ FirstName: 'Jane' });
    expect(await getAccountProfileByEmail(server, { query: { email: jane.email } })).toMatchObject({ Uid: uid });

    await updateAccountByUid(server, { path: { uid }, body: { LastName: 'Doe' } });
    expect(await getAccountProfileByUid(server, { path: { uid } })).toMatchObject({ FirstName: 'Jane', LastName: 'Doe' });

    expect(await failure(loginByEmail(lr, { body: jane }))).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    await setAccountPasswordByUid(server, { path: { uid }, body: { password: jane.password } });
    await expect(loginByEmail(lr, { body: jane })).resolves.toMatchObject({ Profile: { Uid: uid } });

    await updateAccountByUid(server, { path: { uid }, body: { IsActive: false } });
    expect((await failure(loginByEmail(lr, { body: jane }))).code).toBe('ACCOUNT_BLOCKED');

    await deleteAccountByUid(server, { path: { uid } });
    expect(await failure(getAccountProfileByUid(server, { path: { uid } }))).toEqual({ code: 'USER_NOT_FOUND', status: 403 });
    expect(await mock.accounts()).toEqual([]);
  });

  test('delete by email; email availability follows', async () => {
    await mock.seed([jane]);
    expect(await checkEmailAvailability(lr, { query: { email: jane.email } })).toEqual({ IsExist: true });
    await accountDeleteByEmail(server, { query: { email: jane.email } });
    expect(await checkEmailAvailability(lr, { query: { email: jane.email } })).toEqual({ IsExist: false });
  });

  test('an address named like a prototype key is stored as data (seeding it twice is refused)', async () => {
    await mock.seed([{ email: '__proto__', password: 'pw-123456' }]);
    await expect(mock.seed([{ email: '__proto__', password: 'pw-123456' }])).rejects.toThrow(/already registered/);
    expect(await mock.accounts()).toHaveLength(1);
  });

  test('a wrong API key is API_KEY_INVALID (400)', async () => {
    const wrong = createClient({ apiKey: 'not-the-app-key', baseUrl: mock.url });
    expect(await failure(loginByEmail(wrong, { body: jane }))).toEqual({ code: 'API_KEY_INVALID', status: 400 });
  });

  test('a wrong API secret is API_SECRET_UNAUTHORIZED (401)', async () => {
    const wrong = createClient({ apiKey: mock.app.apiKey, apiSecret: 'wrong-secret', baseUrl: mock.url });
    expect(await failure(getAccountProfileByEmail(wrong, { query: { email: jane.email } }))).toEqual({
      code: 'API_SECRET_UNAUTHORIZED',
      status: 401,
    });
  });
});
