// The change summary `npm run generate` prints: what changed for callers between two API surfaces, which
// changes break them, and how they land in CHANGELOG.md.
import { describe, expect, test } from 'vitest';
import { diffApi } from '../../codegen/api-diff';
import type { ApiSurface } from '../../codegen/api-surface';
import { renderChanges, withUnreleased } from '../../codegen/changelog';
import { apiSurface } from '../../codegen/api-surface';
import { callables, spec } from '../support/spec';

const before: ApiSurface = {
  getProfile: {
    call: 'GET /identity/v2/auth/account',
    params: { accessToken: 'string!', 'query.fields': 'string' },
    result: { Uid: 'string', Email: 'array' },
  },
  login: {
    call: 'POST /identity/v2/auth/login',
    params: { body: 'object!' },
    body: { email: 'string!', password: 'string!' },
    result: { access_token: 'string' },
  },
  oldThing: { call: 'GET /old', params: {}, result: {} },
};

describe('diffApi', () => {
  test('nothing changed, nothing reported', () => {
    expect(diffApi(before, before)).toEqual([]);
  });

  test('a removed function and a new required parameter break callers; an added function does not', () => {
    const after: ApiSurface = {
      ...before,
      getProfile: { ...before.getProfile!, params: { ...before.getProfile!.params, 'query.Email': 'string!' } },
      newThing: { call: 'GET /new', params: {}, result: {} },
    };
    delete (after as Record<string, unknown>).oldThing;
    expect(diffApi(before, after)).toEqual([
      { fn: 'getProfile', breaking: true, what: 'new required parameter `query.Email`' },
      { fn: 'oldThing', breaking: true, what: 'removed (was `GET /old`)' },
      { fn: 'newThing', breaking: false, what: 'added: `GET /new`' },
    ]);
  });

  test('an optional parameter becoming required breaks; a required one becoming optional does not', () => {
    const after: ApiSurface = {
      ...before,
      getProfile: { ...before.getProfile!, params: { accessToken: 'string', 'query.fields': 'string!' } },
    };
    expect(diffApi(before, after)).toEqual([
      { fn: 'getProfile', breaking: true, what: 'parameter `query.fields` is now required' },
      { fn: 'getProfile', breaking: false, what: 'parameter `accessToken` changed from `string!` to `string`' },
    ]);
  });

  test('a narrowed or changed type breaks; a removed result field breaks, an added one does not', () => {
    const after: ApiSurface = {
      ...before,
      login: {
        ...before.login!,
        body: { email: 'string!', password: 'integer!', otp: 'string' },
        result: { access_token: 'string', refresh_token: 'string' },
      },
      getProfile: { ...before.getProfile!, result: { Uid: 'string' } },
    };
    expect(diffApi(before, after)).toEqual([
      { fn: 'getProfile', breaking: true, what: 'result field `Email` removed' },
      { fn: 'login', breaking: true, what: 'body field `password` changed from `string!` to `integer!`' },
      { fn: 'login', breaking: false, what: 'new body field `otp`' },
      { fn: 'login', breaking: false, what: 'new result field `refresh_token`' },
    ]);
  });

  test('a rename that keeps the old name as a deprecated alias breaks nobody, and is compared with the old function', () => {
    const after: ApiSurface = {
      ...before,
      readProfile: { ...before.getProfile!, result: { Uid: 'string' }, formerly: ['getProfile'] },
    };
    delete (after as Record<string, unknown>).getProfile;
    expect(diffApi(before, after)).toEqual([
      { fn: 'readProfile', breaking: true, what: 'result field `Email` removed' },
      { fn: 'getProfile', breaking: false, what: 'renamed to `readProfile`; the old name stays exported as a deprecated alias' },
    ]);
  });

  test('a rename without the alias is a removal; dropping an alias later breaks its callers', () => {
    const renamed: ApiSurface = { ...before, readProfile: before.getProfile! };
    delete (renamed as Record<string, unknown>).getProfile;
    expect(diffApi(before, renamed).filter((c) => c.breaking)).toEqual([
      { fn: 'getProfile', breaking: true, what: 'removed (was `GET /identity/v2/auth/account`)' },
    ]);
    const aliased: ApiSurface = { ...renamed, readProfile: { ...before.getProfile!, formerly: ['getProfile'] } };
    expect(diffApi(aliased, renamed)).toEqual([{ fn: 'readProfile', breaking: true, what: 'deprecated alias `getProfile` removed' }]);
  });

  test('the committed spec: renaming a query parameter is reported as breaking', () => {
    const surface = apiSurface(spec, callables);
    const renamed = structuredClone(surface) as Record<string, { params: Record<string, string> }>;
    const params = renamed.checkEmailAvailability!.params;
    params['query.Email'] = params['query.email']!;
    delete params['query.email'];
    const changes = diffApi(surface, renamed as unknown as ApiSurface);
    expect(changes.filter((c) => c.breaking).map((c) => c.what)).toEqual([
      'parameter `query.email` removed',
      'new required parameter `query.Email`',
    ]);
  });
});

describe('the changelog', () => {
  const lines = renderChanges([
    { fn: 'a', breaking: true, what: 'removed (was `GET /a`)' },
    { fn: 'b', breaking: false, what: 'added: `GET /b`' },
  ]);

  test('breaking changes are marked', () => {
    expect(lines).toEqual(['- **Breaking**: `a`: removed (was `GET /a`)', '- `b`: added: `GET /b`']);
  });

  test('an Unreleased section is created above the releases, then extended, never duplicated', () => {
    const first = withUnreleased('# Changelog\n\n## 0.1.0\n\n- First.\n', lines);
    expect(first).toBe(
      '# Changelog\n\n## Unreleased\n\n- **Breaking**: `a`: removed (was `GET /a`)\n- `b`: added: `GET /b`\n\n## 0.1.0\n\n- First.\n',
    );
    expect(withUnreleased(first, lines)).toBe(first);
    const more = withUnreleased(first, ['- `c`: added: `GET /c`']);
    expect(more).toContain('- `b`: added: `GET /b`\n- `c`: added: `GET /c`\n\n## 0.1.0');
  });

  test('an empty changelog gets a title', () => {
    expect(withUnreleased('', lines)).toBe(
      '# Changelog\n\n## Unreleased\n\n- **Breaking**: `a`: removed (was `GET /a`)\n- `b`: added: `GET /b`\n',
    );
  });
});
