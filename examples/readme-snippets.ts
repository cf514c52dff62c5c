/**
 * The calls shown in README.md, kept here so the type checker proves they compile against the generated API.
 * Not run by the tests (they need a LoginRadius app); see quickstart.ts for a runnable flow.
 */
import {
  checkEmailAvailability,
  createClient,
  getAccountProfileByUid,
  LoginRadiusPermissionDeniedError,
  loginByEmail,
  updateProfileByAccessToken,
  userRegistrationByEmail,
} from '../src/index';

export async function readmeSnippets(uid: string, accessToken: string, email: string, password: string): Promise<void> {
  const lr = createClient({ apiKey: 'your-api-key', apiSecret: 'your-api-secret', requestSigning: true });
  await getAccountProfileByUid(lr, { path: { uid } });
  await checkEmailAvailability(lr, { query: { email: 'jane@example.com' } });
  await updateProfileByAccessToken(lr, { accessToken, body: { firstName: 'Jane' } }, { timeoutMs: 5_000 });
  await userRegistrationByEmail(lr, { body: { email: [{ type: 'Primary', value: email }], password } });
  try {
    await loginByEmail(lr, { body: { email, password } });
  } catch (error) {
    if (error instanceof LoginRadiusPermissionDeniedError && error.errorCode === 1148) return;
    throw error;
  }
}
