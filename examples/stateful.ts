/**
 * The same sign-in flow against the stateful mock (`npm run demo`, second part), where state is real: register,
 * read the verification email from the mock's outbox, verify, log in, change the name and read it back, sign
 * out and see the token refused, then try a wrong password. Every answer has passed the spec's validation.
 */
import {
  authInvalidateAccessToken,
  createClient,
  getProfileByAccessToken,
  isLoginRadiusError,
  LoginRadiusApiError,
  loginByEmail,
  updateProfileByAccessToken,
  userRegistrationByEmail,
  verifyEmail,
} from '../src/index';
import type { StatefulMockLoginRadius } from '../src/testing/index';

/** Runs the flow against a stateful mock and reports each step through `log`. Returns the number of steps. */
export async function runStatefulFlow(
  mock: StatefulMockLoginRadius,
  user: { readonly email: string; readonly password: string },
  log: (line: string) => void = console.log,
): Promise<number> {
  const server = createClient({ ...mock.app, baseUrl: mock.url }); // has the secret: SOTTs are made for it
  const lr = createClient({ apiKey: mock.app.apiKey, baseUrl: mock.url });

  await userRegistrationByEmail(server, {
    body: { email: [{ type: 'Primary', value: user.email }], password: user.password, firstName: 'Jane' },
  });
  log(`1. userRegistrationByEmail: ${user.email} registered (a SOTT was generated from the API secret)`);

  const [message] = await mock.outbox(user.email);
  if (!message) throw new Error('the mock sent no verification email');
  log(`2. outbox: a ${message.purpose} ${message.channel} to ${message.to}`);

  await verifyEmail(lr, { query: { verificationToken: message.token } });
  log('3. verifyEmail: the address is verified with the token from that email');

  const session = await loginByEmail(lr, { body: user });
  if (!session.Profile) throw new Error('the mock asked for a second factor');
  const accessToken = session.access_token;
  log(`4. loginByEmail: signed in as ${session.Profile.FirstName}`);

  await updateProfileByAccessToken(lr, { accessToken, body: { firstName: 'Janet' } });
  const profile = await getProfileByAccessToken(lr, { accessToken });
  log(`5. updateProfileByAccessToken, then getProfileByAccessToken: the name is now ${profile.FirstName}`);

  await authInvalidateAccessToken(lr, { accessToken });
  const refused = await getProfileByAccessToken(lr, { accessToken }).catch((error: unknown) => error);
  if (!isLoginRadiusError(refused, 'ACCESS_TOKEN_INVALID')) throw new Error('the invalidated token still worked');
  log(`6. authInvalidateAccessToken: the token is refused afterwards (${refused.code}, ErrorCode ${refused.errorCode})`);

  const wrong = await loginByEmail(lr, { body: { email: user.email, password: 'not-the-password' } }).catch((error: unknown) => error);
  if (!(wrong instanceof LoginRadiusApiError) || wrong.code !== 'INVALID_CREDENTIALS') throw new Error('a wrong password signed in');
  log(`7. loginByEmail with a wrong password: ${wrong.code} (HTTP ${wrong.status}): ${wrong.description}`);
  return 7;
}
