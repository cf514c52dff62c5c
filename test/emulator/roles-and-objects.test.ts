// Roles, role contexts and custom objects on the stateful mock, through the real generated client: every
// answer has passed Prism both ways, and every change is read back by the next call.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  addRolePermissions,
  assignRolesByUid,
  createClient,
  createCustomObjectByAccessToken,
  createCustomObjectByUid,
  createRoles,
  deleteAccountByUid,
  deleteAdditionalPermissionFromRoleContextByUid,
  deleteCustomObjectByAccessToken,
  deleteCustomObjectByRecordId,
  deleteRole,
  deleteRoleContextByUid,
  deleteRolesFromRoleContextByUid,
  getAccountProfileByUid,
  getCustomObjectByAccessToken,
  getCustomObjectByRecordId,
  getCustomObjectByRecordIdAndAccessToken,
  getCustomObjectByUid,
  getRoleContextByContextName,
  getRoleContextByUid,
  getRolesByUid,
  getRolesList,
  type LoginRadiusClient,
  loginByEmail,
  removeRolePermissions,
  unassignRolesByUid,
  updateCustomObjectByAccessToken,
  updateCustomObjectByUid,
  updateRoleContextByUid,
} from '../../src/index';
import { loadState } from '../../src/testing/emulator/persistence';
import { startMockLoginRadius, type StatefulMockLoginRadius } from '../../src/testing/index';
import { failure } from './failure';

let mock: StatefulMockLoginRadius;
let lr: LoginRadiusClient;
let server: LoginRadiusClient;

beforeAll(async () => {
  mock = await startMockLoginRadius({ stateful: true });
  lr = createClient({ apiKey: mock.app.apiKey, baseUrl: mock.url });
  server = createClient({ ...mock.app, baseUrl: mock.url });
}, 60_000);
afterAll(() => mock?.stop());
beforeEach(() => mock.reset());

const jane = { email: 'jane.doe@example.com', password: 'correct-horse-battery-staple', firstName: 'Jane', lastName: 'Doe' };
const john = { email: 'john.roe@example.com', password: 'another-long-password' };

async function seedJane(): Promise<string> {
  const [uid] = await mock.seed([jane]);
  return uid!;
}

async function defineEditor(): Promise<void> {
  await createRoles(server, { body: { roles: [{ name: 'Editor', permissions: { edit_articles: true } }] } });
}

describe('the app roles', () => {
  test('create → list → add and remove permissions → delete; each change is read back', async () => {
    const created = await createRoles(server, {
      body: { roles: [{ name: 'Editor', permissions: { edit_articles: true } }, { name: 'Viewer' }] },
    });
    expect(created).toEqual({
      data: [
        { Name: 'Editor', Permissions: { edit_articles: true } },
        { Name: 'Viewer', Permissions: {} },
      ],
      Count: 2,
    });
    expect(await getRolesList(server, {})).toMatchObject({ Count: 2 });

    const added = await addRolePermissions(server, { path: { role: 'Editor' }, body: { permissions: ['publish_articles'] } });
    expect(added).toEqual({ Name: 'Editor', Permissions: { edit_articles: true, publish_articles: true } });
    await removeRolePermissions(server, { path: { role: 'Editor' }, body: { permissions: ['edit_articles'] } });
    expect((await getRolesList(server, {})).data[0]).toEqual({ Name: 'Editor', Permissions: { publish_articles: true } });

    expect(await deleteRole(server, { path: { role: 'Viewer' } })).toEqual({ IsDeleted: true });
    expect(await getRolesList(server, {})).toEqual({ data: [{ Name: 'Editor', Permissions: { publish_articles: true } }], Count: 1 });
  });

  test('a role already defined is ROLE_NAME_NOT_VALID_OR_ALREADY (1175), and no role of the request is created', async () => {
    await defineEditor();
    const again = createRoles(server, { body: { roles: [{ name: 'Viewer' }, { name: 'Editor' }] } });
    expect(await failure(again)).toEqual({ code: 'ROLE_NAME_NOT_VALID_OR_ALREADY', status: 403 });
    expect((await getRolesList(server, {})).data.map((role) => role.Name)).toEqual(['Editor']);
  });

  test.for([
    ['deleteRole', () => deleteRole(server, { path: { role: 'Ghost' } })],
    ['addRolePermissions', () => addRolePermissions(server, { path: { role: 'Ghost' }, body: { permissions: ['x'] } })],
    ['removeRolePermissions', () => removeRolePermissions(server, { path: { role: 'Ghost' }, body: { permissions: ['x'] } })],
  ] as const)('an unknown role is ROLE_DOES_NOT_EXIST (1047, a 400): %s', async ([, call]) => {
    expect(await failure(call())).toEqual({ code: 'ROLE_DOES_NOT_EXIST', status: 400 });
  });
});

describe("a user's roles", () => {
  test('assign → read (also in the profile) → unassign → read', async () => {
    const uid = await seedJane();
    await createRoles(server, { body: { roles: [{ name: 'Editor' }, { name: 'Reviewer' }] } });
    expect(await getRolesByUid(server, { path: { uid } })).toEqual({ Roles: [] });

    expect(await assignRolesByUid(server, { path: { uid }, body: { roles: ['Editor'] } })).toEqual({ Roles: ['Editor'] });
    expect(await assignRolesByUid(server, { path: { uid }, body: { roles: ['Reviewer', 'Editor'] } })).toEqual({
      Roles: ['Editor', 'Reviewer'],
    });
    expect(await getAccountProfileByUid(server, { path: { uid } })).toMatchObject({ Roles: ['Editor', 'Reviewer'] });

    expect(await unassignRolesByUid(server, { path: { uid }, body: { roles: ['Editor'] } })).toEqual({ IsDeleted: true });
    expect(await getRolesByUid(server, { path: { uid } })).toEqual({ Roles: ['Reviewer'] });
  });

  test('deleting a role takes it from the users who held it', async () => {
    const uid = await seedJane();
    await defineEditor();
    await assignRolesByUid(server, { path: { uid }, body: { roles: ['Editor'] } });
    await deleteRole(server, { path: { role: 'Editor' } });
    expect(await getRolesByUid(server, { path: { uid } })).toEqual({ Roles: [] });
  });

  test('a role the app does not define cannot be assigned (1047); an unknown uid is USER_NOT_FOUND', async () => {
    const uid = await seedJane();
    expect(await failure(assignRolesByUid(server, { path: { uid }, body: { roles: ['Ghost'] } }))).toEqual({
      code: 'ROLE_DOES_NOT_EXIST',
      status: 400,
    });
    expect((await failure(unassignRolesByUid(server, { path: { uid }, body: { roles: ['Ghost'] } }))).code).toBe('ROLE_DOES_NOT_EXIST');
    expect(await failure(getRolesByUid(server, { path: { uid: 'no-such-uid' } }))).toEqual({ code: 'USER_NOT_FOUND', status: 403 });
  });

  test('a wrong API secret is refused before anything changes', async () => {
    const wrong = createClient({ apiKey: mock.app.apiKey, apiSecret: 'wrong-secret', baseUrl: mock.url });
    expect((await failure(createRoles(wrong, { body: { roles: [{ name: 'Editor' }] } }))).code).toBe('API_SECRET_UNAUTHORIZED');
    expect(await getRolesList(server, {})).toEqual({ data: [], Count: 0 });
  });
});

describe('role contexts', () => {
  const acme = { context: 'workspace-acme', roles: ['Editor'], additionalPermissions: ['export_reports', 'invite_users'] };

  test('write → read by uid and by context name → remove a role and a permission → delete the context', async () => {
    const uid = await seedJane();
    await createRoles(server, { body: { roles: [{ name: 'Editor' }, { name: 'Viewer' }] } });

    const written = await updateRoleContextByUid(server, {
      path: { uid },
      body: { roleContext: [acme, { context: 'workspace-globex', roles: ['Viewer'], expiration: '2027-06-30T23:59:59Z' }] },
    });
    expect(written.Data).toEqual([
      { Context: 'workspace-acme', Roles: ['Editor'], AdditionalPermissions: ['export_reports', 'invite_users'], Expiration: null },
      { Context: 'workspace-globex', Roles: ['Viewer'], AdditionalPermissions: [], Expiration: '2027-06-30T23:59:59Z' },
    ]);
    // Writing a context of the same name replaces it.
    await updateRoleContextByUid(server, { path: { uid }, body: { roleContext: [{ ...acme, roles: ['Editor', 'Viewer'] }] } });
    expect((await getRoleContextByUid(server, { path: { uid } })).Data[0]).toMatchObject({ Roles: ['Editor', 'Viewer'] });

    expect(await getRoleContextByContextName(server, { path: { contextName: 'workspace-acme' } })).toEqual({
      Data: [
        {
          RoleContext: { Roles: ['Editor', 'Viewer'], AdditionalPermissions: ['export_reports', 'invite_users'], Expiration: null },
          Uid: uid,
          FullName: 'Jane Doe',
          Email: [{ Type: 'Primary', Value: jane.email }],
          ImageUrl: null,
          LastLoginDate: null,
        },
      ],
    });

    const path = { uid, contextName: 'workspace-acme' };
    await deleteRolesFromRoleContextByUid(server, { path, body: { roles: ['Viewer'] } });
    await deleteAdditionalPermissionFromRoleContextByUid(server, { path, body: { additionalPermissions: ['invite_users'] } });
    expect((await getRoleContextByUid(server, { path: { uid } })).Data[0]).toEqual({
      Context: 'workspace-acme',
      Roles: ['Editor'],
      AdditionalPermissions: ['export_reports'],
      Expiration: null,
    });

    expect(await deleteRoleContextByUid(server, { path })).toEqual({ IsDeleted: true });
    expect((await getRoleContextByUid(server, { path: { uid } })).Data.map((entry) => entry.Context)).toEqual(['workspace-globex']);
    expect(await getRoleContextByContextName(server, { path: { contextName: 'workspace-acme' } })).toEqual({ Data: [] });
  });

  test('the refusals: an undefined role (1047), a context the user lacks (1133), a permission it lacks (1142)', async () => {
    const uid = await seedJane();
    const ghost = updateRoleContextByUid(server, { path: { uid }, body: { roleContext: [{ context: 'x', roles: ['Ghost'] }] } });
    expect(await failure(ghost)).toEqual({ code: 'ROLE_DOES_NOT_EXIST', status: 400 });
    expect(await getRoleContextByUid(server, { path: { uid } })).toEqual({ Data: [] });

    const missing = { uid, contextName: 'workspace-acme' };
    expect(await failure(deleteRoleContextByUid(server, { path: missing }))).toEqual({ code: 'ROLE_CONTEXT_NAME_NOT_VALID', status: 403 });

    await defineEditor();
    await updateRoleContextByUid(server, { path: { uid }, body: { roleContext: [acme] } });
    const permission = deleteAdditionalPermissionFromRoleContextByUid(server, { path: missing, body: { additionalPermissions: ['fly'] } });
    expect(await failure(permission)).toEqual({ code: 'ADDITIONAL_PERMISSION_DOES_NOT_EXIST', status: 403 });
    const role = deleteRolesFromRoleContextByUid(server, { path: missing, body: { roles: ['Ghost'] } });
    expect((await failure(role)).code).toBe('ROLE_DOES_NOT_EXIST');
  });
});

describe('custom objects', () => {
  const query = { objectName: 'preferences' };

  test('by access token: create → list → read → merge → replace → delete → gone (1057)', async () => {
    await mock.seed([jane]);
    const { access_token: token } = await loginByEmail(lr, { body: { email: jane.email, password: jane.password } });
    const accessToken = token!;

    const created = await createCustomObjectByAccessToken(lr, { accessToken, query, body: { theme: 'dark', language: 'en-US' } });
    expect(created).toMatchObject({ IsActive: true, IsDeleted: false, CustomObject: { theme: 'dark', language: 'en-US' } });
    const objectRecordId = created.Id;
    await createCustomObjectByAccessToken(lr, { accessToken, query, body: { theme: 'light' } });
    expect(await getCustomObjectByAccessToken(lr, { accessToken, query })).toMatchObject({ Count: 2 });
    // Another object type is another list.
    expect(await getCustomObjectByAccessToken(lr, { accessToken, query: { objectName: 'orders' } })).toEqual({ data: [], Count: 0 });

    const path = { objectRecordId };
    expect(await getCustomObjectByRecordIdAndAccessToken(lr, { accessToken, path, query })).toEqual(created);
    const merged = await updateCustomObjectByAccessToken(lr, {
      accessToken,
      path,
      query: { ...query, updateType: 'partialreplace' },
      body: { theme: 'light' },
    });
    expect(merged.CustomObject).toEqual({ theme: 'light', language: 'en-US' });
    await updateCustomObjectByAccessToken(lr, {
      accessToken,
      path,
      query: { ...query, updateType: 'replace' },
      body: { newsletter: true },
    });
    expect((await getCustomObjectByRecordIdAndAccessToken(lr, { accessToken, path, query })).CustomObject).toEqual({ newsletter: true });

    expect(await deleteCustomObjectByAccessToken(lr, { accessToken, path, query })).toEqual({ IsDeleted: true });
    expect(await failure(getCustomObjectByRecordIdAndAccessToken(lr, { accessToken, path, query }))).toEqual({
      code: 'CUSTOM_OBJECT_NOT_FOUND_OR_DOES',
      status: 403,
    });
    expect(await getCustomObjectByAccessToken(lr, { accessToken, query })).toMatchObject({ Count: 1 });
  });

  test('by uid: create → list → read → update → delete; records are per user', async () => {
    const [janeUid, johnUid] = await mock.seed([jane, john]);
    const created = await createCustomObjectByUid(server, { path: { uid: janeUid! }, query, body: { theme: 'dark' } });
    expect(created.Uid).toBe(janeUid);
    expect(await getCustomObjectByUid(server, { path: { uid: janeUid! }, query })).toEqual({ data: [created], Count: 1 });
    expect(await getCustomObjectByUid(server, { path: { uid: johnUid! }, query })).toEqual({ data: [], Count: 0 });

    const path = { uid: janeUid!, objectRecordId: created.Id };
    const updated = await updateCustomObjectByUid(server, { path, query: { ...query, updateType: 'default' }, body: { language: 'fr' } });
    expect(updated.CustomObject).toEqual({ theme: 'dark', language: 'fr' });
    expect(await getCustomObjectByRecordId(server, { path, query })).toEqual(updated);

    // John cannot reach Jane's record through his uid.
    const johns = { uid: johnUid!, objectRecordId: created.Id };
    expect((await failure(getCustomObjectByRecordId(server, { path: johns, query }))).code).toBe('CUSTOM_OBJECT_NOT_FOUND_OR_DOES');

    expect(await deleteCustomObjectByRecordId(server, { path, query })).toEqual({ IsDeleted: true });
    expect((await failure(deleteCustomObjectByRecordId(server, { path, query }))).code).toBe('CUSTOM_OBJECT_NOT_FOUND_OR_DOES');
  });

  test('the refusals: no object name (908), an unknown uid (938), an invalid access token (905)', async () => {
    const uid = await seedJane();
    expect(await failure(getCustomObjectByUid(server, { path: { uid } }))).toEqual({ code: 'PARAMETER_FORMAT_INVALID', status: 403 });
    expect((await failure(createCustomObjectByUid(server, { path: { uid: 'no-such-uid' }, query, body: { a: 1 } }))).code).toBe(
      'USER_NOT_FOUND',
    );
    expect((await failure(getCustomObjectByAccessToken(lr, { accessToken: 'not-a-token', query }))).code).toBe('ACCESS_TOKEN_INVALID');
  });
});

test('deleting an account deletes its role contexts and custom object records', async () => {
  const uid = await seedJane();
  await defineEditor();
  await updateRoleContextByUid(server, { path: { uid }, body: { roleContext: [{ context: 'workspace-acme', roles: ['Editor'] }] } });
  await createCustomObjectByUid(server, { path: { uid }, query: { objectName: 'preferences' }, body: { theme: 'dark' } });
  await deleteAccountByUid(server, { path: { uid } });
  expect(await getRoleContextByContextName(server, { path: { contextName: 'workspace-acme' } })).toEqual({ Data: [] });

  // A new account with the same address gets a new uid and starts with nothing.
  const [again] = await mock.seed([jane]);
  expect(await getRoleContextByUid(server, { path: { uid: again! } })).toEqual({ Data: [] });
  expect(await getCustomObjectByUid(server, { path: { uid: again! }, query: { objectName: 'preferences' } })).toEqual({
    data: [],
    Count: 0,
  });
});

describe('persistence', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lr-emulator-roles-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a state file saved before roles and custom objects existed still loads, with none of them', () => {
    const file = join(dir, 'old.json');
    writeFileSync(file, JSON.stringify({ version: 1, clockOffsetMs: 0, accounts: {}, emails: {}, sessions: {}, outbox: [] }));
    const state = loadState(file);
    expect([state.roles, state.roleContexts, state.customObjects]).toEqual([{}, {}, {}]);
  });

  test('permission names from requests stay data after a reload (a role granting "__proto__")', () => {
    const file = join(dir, 'proto.json');
    const saved = '{"version":1,"roles":{"Editor":{"Name":"Editor","Permissions":{"__proto__":true}}}}';
    writeFileSync(file, saved);
    const permissions = loadState(file).roles.Editor!.Permissions;
    expect(Object.getPrototypeOf(permissions)).toBeNull();
    expect(Object.keys(permissions)).toEqual(['__proto__']);
  });
});
