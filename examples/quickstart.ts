/**
 * A complete sign-in flow: log in by email, read the profile, update it, then validate and invalidate the
 * access token. Runs against the mock LoginRadius (`npm run demo`) or, with LR_API_KEY, LR_EMAIL and
 * LR_PASSWORD set, against your real LoginRadius app.
 */
import {
  authInvalidateAccessToken,
  authValidateAccessToken,
  createClient,
  getProfileByAccessToken,
  LoginRadiusApiError,
  loginByEmail,
  updateProfileByAccessToken,
  type LoginRadiusClient,
} from '../src/index';

export interface QuickstartInput {
  readonly email: string;
  readonly password: string;
}

/** Runs the flow and reports each step through `log`. Returns the number of steps completed. */
export async function runQuickstart(
  lr: LoginRadiusClient,
  input: QuickstartInput,
  log: (line: string) => void = console.log,
): Promise<number> {
  const session = await loginByEmail(lr, { body: { email: input.email, password: input.password } });
  if (!session.Profile) {
    // A LoginMfaChallenge: the app requires a second factor (finish it with the MultiFactorAuthentication calls).
    log('1. loginByEmail: a second factor is required; this quickstart stops here');
    return 1;
  }
  log(`1. loginByEmail: signed in, access token ${mask(session.access_token)} valid until ${session.expires_in ?? 'unknown'}`);

  const accessToken = session.access_token;
  const profile = await getProfileByAccessToken(lr, { accessToken });
  log(
    `2. getProfileByAccessToken: ${profile.FullName ?? profile.FirstName ?? '(no name)'} <${profile.Email?.[0]?.Value ?? 'no email'}>, uid ${profile.Uid}`,
  );

  const updated = await updateProfileByAccessToken(lr, { accessToken, body: { firstName: 'Janet', lastName: profile.LastName ?? 'Doe' } });
  log(`3. updateProfileByAccessToken: IsPosted=${updated.IsPosted}`);

  const validity = await authValidateAccessToken(lr, { accessToken });
  log(`4. authValidateAccessToken: token valid until ${validity.expires_in}`);

  const invalidated = await authInvalidateAccessToken(lr, { accessToken });
  log(`5. authInvalidateAccessToken: IsPosted=${invalidated.IsPosted}`);
  return 5;
}

function mask(token: string): string {
  return token.length > 8 ? `${token.slice(0, 4)}…${token.slice(-4)}` : '…';
}

// Run directly: `npx tsx examples/quickstart.ts` with LR_API_KEY, LR_EMAIL, LR_PASSWORD (and optionally LR_BASE_URL).
if (require.main === module) {
  const apiKey = process.env.LR_API_KEY;
  if (!apiKey || !process.env.LR_EMAIL || !process.env.LR_PASSWORD) {
    console.error('Set LR_API_KEY, LR_EMAIL and LR_PASSWORD (or run `npm run demo` to use the mock).');
    process.exit(1);
  }
  const lr = createClient({ apiKey, baseUrl: process.env.LR_BASE_URL });
  runQuickstart(lr, { email: process.env.LR_EMAIL, password: process.env.LR_PASSWORD }).catch((error: unknown) => {
    console.error(error instanceof LoginRadiusApiError ? `${error.message} (ErrorCode ${error.errorCode})` : error);
    process.exit(1);
  });
}
