import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { callables } from '../support/spec';

// docs/API.md is generated (the regeneration test keeps it current); these pin what a reader must find in it.
const reference = readFileSync('docs/API.md', 'utf8');

/** The section of one function: from its heading to the next heading. */
function section(name: string): string {
  const start = reference.indexOf(`### \`${name}\`\n`);
  if (start < 0) throw new Error(`docs/API.md has no section for ${name}`);
  const next = reference.indexOf('\n#', start + 4);
  return reference.slice(start, next < 0 ? undefined : next);
}

describe('docs/API.md says what each function resolves to', () => {
  test('every function has a "Resolves to" line naming its Result type (or undefined / a string)', () => {
    const missing = callables
      .map((c) => c.name)
      .filter((name) => !/\nResolves to (`\w+Result`|`undefined`|a `string`)/.test(section(name)));
    expect(missing).toEqual([]);
  });

  test('a result that is not the profile says so: updateProfileByAccessToken answers { IsPosted, Data }', () => {
    expect(section('updateProfileByAccessToken')).toContain(
      'Resolves to `UpdateProfileByAccessTokenResult` (the `PostWithProfileResponse` model): `IsPosted` boolean, `Data` Profile.',
    );
  });

  test('a oneOf result lists each alternative with its fields', () => {
    const login = section('loginByEmail');
    expect(login).toContain('Resolves to `LoginByEmailResult`, one of:');
    expect(login).toMatch(/\n- `LoginSession`: `Profile` Profile, `access_token` string/);
    expect(login).toMatch(/\n- `LoginMfaChallenge`: `SecondFactorAuthentication` LoginMfaChallengeDetails/);
  });

  test('a long result lists its first fields and counts the rest', () => {
    expect(section('getProfileByAccessToken')).toMatch(/\(the `Profile` model\): `Uid` string, .*, and \d+ more\./);
  });
});
