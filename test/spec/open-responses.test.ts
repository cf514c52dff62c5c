// Response objects that list their fields are closed in the types (spec/README.md): no `additionalProperties: true`
// beside `properties`, so a misspelt field read fails to compile, while extra fields LoginRadius sends still validate
// (an absent `additionalProperties` allows them). The only exceptions are the free-form maps listed here.
import { describe, expect, test } from 'vitest';
import { openResponseObjects, responseSchemaNames } from '../support/open-response-objects';
import { spec } from '../support/spec';

type Json = Record<string, unknown>;

/** Response objects allowed to stay open although they list some fields, each with the reason. */
const FREE_FORM_RESPONSE_OBJECTS: Readonly<Record<string, string>> = {
  OidcUserinfoClaims: "the claims the app's claim mapping releases; LoginRadius describes the answer as a map",
  'PublicKeyCredentialCreationOptions.properties.extensions': 'WebAuthn extension inputs, keyed by extension identifier',
  'PublicKeyCredentialRequestOptions.properties.extensions': 'WebAuthn extension inputs, keyed by extension identifier',
  'SocialUserProfile.properties.ProfileImageUrls': 'picture URLs keyed by size name; LoginRadius describes it as a map of strings',
  'SocialUserProfile.properties.WebProfiles': 'links keyed by size or kind; LoginRadius describes it as a map of strings',
};

const doc = spec as unknown as Json;

/** A copy of the bundled spec with one component schema replaced. */
function withSchema(name: string, schema: Json): Json {
  const copy = structuredClone(doc);
  ((copy.components as Json).schemas as Json)[name] = schema;
  return copy;
}

describe('response types are closed', () => {
  test('no response object lists its fields and allows any other, except the free-form maps', () => {
    expect(openResponseObjects(doc)).toEqual(Object.keys(FREE_FORM_RESPONSE_OBJECTS).sort());
  });

  test('the responses include schemas behind shared responses, variants and nested references', () => {
    const names = responseSchemaNames(doc);
    for (const name of ['ErrorResponse', 'LoginSession', 'LoginMfaChallenge', 'Profile', 'ProfileAddress']) expect(names).toContain(name);
    expect(names).not.toContain('EmailLoginRequest');
  });

  test.for<[string, Json, string[]]>([
    ['a reopened schema', { type: 'object', properties: { Uid: { type: 'string' } }, additionalProperties: true }, ['Profile']],
    [
      'a reopened nested object',
      { type: 'object', properties: { Data: { type: 'array', items: { properties: { Id: {} }, additionalProperties: true } } } },
      ['Profile.properties.Data.items'],
    ],
    ['a free-form map (no properties)', { type: 'object', additionalProperties: true }, []],
    ['a typed map', { type: 'object', properties: { Uid: { type: 'string' } }, additionalProperties: { type: 'string' } }, []],
  ])('finds %s', ([, schema, found]) => {
    const open = openResponseObjects(withSchema('Profile', schema));
    expect(open.filter((where) => !(where in FREE_FORM_RESPONSE_OBJECTS))).toEqual(found);
  });
});
