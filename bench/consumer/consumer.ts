// A typical server-side consumer calling 20 operations, for the type-check benchmark (bench/typecheck.ts).
// It imports the package's entry point the way an application would and reads typed fields off every
// result, so the checker resolves the request and response types of each call.
import {
  assignRolesByUid,
  changePassword,
  checkEmailAvailability,
  createAccount,
  createClient,
  deleteAccountByUid,
  forgotPassword,
  getAccessTokenByUid,
  getAccountProfileByEmail,
  getAccountProfileByUid,
  getProfileByAccessToken,
  LoginRadiusApiError,
  loginByEmail,
  mfaLoginByEmail,
  refreshAccessTokenByRefreshToken,
  resetPasswordByResetToken,
  setAccountPasswordByUid,
  updateAccountByUid,
  updateProfileByAccessToken,
  userRegistrationByEmail,
  verifyEmail,
} from '../../src/index';

const lr = createClient({ apiKey: 'api-key', apiSecret: 'api-secret', timeoutMs: 10_000 });

export async function signIn(email: string, password: string): Promise<string | undefined> {
  const session = await loginByEmail(lr, { body: { email, password } });
  const profile = await getProfileByAccessToken(lr, { accessToken: session.access_token! });
  return profile.Uid;
}

export async function signInWithMfa(email: string, password: string): Promise<unknown> {
  const result = await mfaLoginByEmail(lr, { body: { email, password } });
  return result.SecondFactorAuthentication;
}

export async function register(email: string, password: string): Promise<boolean | undefined> {
  const available = await checkEmailAvailability(lr, { query: { email } });
  if ('IsExist' in available && available.IsExist) return false;
  const created = await userRegistrationByEmail(lr, { body: { email: [{ type: 'Primary', value: email }], password } });
  return created.IsPosted;
}

export async function confirmEmail(token: string): Promise<boolean | undefined> {
  const verified = await verifyEmail(lr, { query: { verificationToken: token } });
  return 'IsPosted' in verified ? verified.IsPosted : undefined;
}

export async function editProfile(accessToken: string, firstName: string): Promise<boolean | undefined> {
  return (await updateProfileByAccessToken(lr, { accessToken, body: { FirstName: firstName } })).IsPosted;
}

export async function passwords(accessToken: string, email: string, resetToken: string): Promise<void> {
  await changePassword(lr, { accessToken, body: { oldPassword: 'old', newPassword: 'new' } });
  await forgotPassword(lr, { query: { resetPasswordUrl: 'https://example.com/reset' }, body: { email } });
  await resetPasswordByResetToken(lr, { body: { resetToken: resetToken, password: 'new' } });
}

export async function administer(uid: string, email: string): Promise<Array<string | undefined>> {
  const byUid = await getAccountProfileByUid(lr, { path: { uid } });
  const byEmail = await getAccountProfileByEmail(lr, { query: { email } });
  const created = await createAccount(lr, { body: { Email: [{ Type: 'Primary', Value: email }], Password: 'pw' } });
  await updateAccountByUid(lr, { path: { uid }, body: { FirstName: 'Ada' } });
  await setAccountPasswordByUid(lr, { path: { uid }, body: { password: 'pw' } });
  await assignRolesByUid(lr, { path: { uid }, body: { roles: ['admin'] } });
  await deleteAccountByUid(lr, { path: { uid } });
  return [byUid.Uid, byEmail.Uid, created.Uid];
}

export async function tokens(uid: string, refreshToken: string): Promise<string | undefined> {
  const issued = await getAccessTokenByUid(lr, { query: { uid } });
  const refreshed = await refreshAccessTokenByRefreshToken(lr, { query: { refresh_Token: refreshToken } });
  return issued.access_token ?? refreshed.access_token;
}

export function describeFailure(error: unknown): string {
  return error instanceof LoginRadiusApiError ? `${error.status} ${error.errorCode ?? ''}` : String(error);
}
