// Response types list the fields LoginRadius documents and nothing else (no `[key: string]: unknown`), so reading a
// misspelt field is a compile error instead of an `unknown` that fails at run time. The assertions are types:
// `tsc --noEmit` checks this file, and fails on an `@ts-expect-error` whose line compiles again (a type reopened).
import { describe, expectTypeOf, test } from 'vitest';
import {
  getProfileByAccessToken,
  type PasswordlessLoginVerificationResult,
  type LoginRadiusClient,
  type LoginSession,
  type OidcUserinfoClaims,
  type Profile,
  type ProfileAddress,
} from '../../src/index';

/** True when a type takes any field name (an index signature), false when it lists its fields. */
type IsOpen<T> = string extends keyof T ? true : false;

/** Reads a caller would write; never run, only compiled. */
async function readsOfAProfile(lr: LoginRadiusClient): Promise<unknown[]> {
  const profile = await getProfileByAccessToken(lr, { accessToken: 'token' });
  return [
    profile.FirstName,
    // @ts-expect-error: the profile has `FirstName`, no `FristName`
    profile.FristName,
    profile.Addresses?.[0]?.Address1,
    // @ts-expect-error: an address has `Address1`, no `Adress1`
    profile.Addresses?.[0]?.Adress1,
  ];
}

function readsOfASession(session: LoginSession): unknown[] {
  return [
    session.access_token,
    // @ts-expect-error: the session has `access_token`, no `acess_token`
    session.acess_token,
    // @ts-expect-error: the signed-in user's profile is closed too
    session.Profile?.Emial,
  ];
}

function readsOfAPasswordlessLogin(result: PasswordlessLoginVerificationResult): unknown[] {
  return [
    // @ts-expect-error: a pending second factor carries only a placeholder token, left out of its type
    result.access_token,
    'access_token' in result ? result.access_token : undefined,
  ];
}

describe('response types', () => {
  test('are closed: a field LoginRadius does not document is not a property', () => {
    expectTypeOf<IsOpen<Profile>>().toEqualTypeOf<false>();
    expectTypeOf<IsOpen<ProfileAddress>>().toEqualTypeOf<false>();
    expectTypeOf<IsOpen<LoginSession>>().toEqualTypeOf<false>();
    expectTypeOf<Profile>().not.toHaveProperty('FristName');
    expectTypeOf(readsOfAProfile).toBeFunction();
    expectTypeOf(readsOfASession).toBeFunction();
    expectTypeOf(readsOfAPasswordlessLogin).toBeFunction();
  });

  test('type a documented field as the spec does', () => {
    expectTypeOf<Profile['FirstName']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<Awaited<ReturnType<typeof getProfileByAccessToken>>['Uid']>().toEqualTypeOf<string | undefined>();
  });

  test('stay open where LoginRadius answers a free-form map (the OIDC claims the app maps)', () => {
    expectTypeOf<IsOpen<OidcUserinfoClaims>>().toEqualTypeOf<true>();
  });
});
