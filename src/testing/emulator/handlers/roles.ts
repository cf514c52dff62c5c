/**
 * Roles with the API secret: the app's roles and their permissions, and the roles assigned to a user (kept in
 * the profile's `Roles`, where LoginRadius returns them too). A role must be defined before anyone can hold
 * it: naming one the app does not define is 1047.
 */
import type { Handler } from '../context';
import { lrError } from '../errors';
import { type EmulatedResponse, ok } from '../http';
import { field } from '../profile';
import { type EmulatedAccount, type EmulatedRole, type EmulatorState, record } from '../state';
import { withAccount } from './accounts';

/** The entries of a body's list field (`roles`, `roleContext`, …), named in any case; none when it is absent. */
export function listIn(body: unknown, name: string): unknown[] {
  const value = field(body, name);
  return Array.isArray(value) ? value : [];
}

/** The strings of a body's list field (`roles`, `permissions`, …), named in any case. */
export function namesIn(body: unknown, name: string): string[] {
  return listIn(body, name).filter((item): item is string => typeof item === 'string');
}

/** The first of `names` the app does not define as a role. */
export function undefinedRole(state: EmulatorState, names: readonly string[]): string | undefined {
  return names.find((name) => !Object.hasOwn(state.roles, name));
}

/** `GET /identity/v2/manage/role`. */
export const getRolesList: Handler = ({ state }) => ok(roleList(Object.values(state.roles)));

/**
 * `POST /identity/v2/manage/role`: all or nothing. A name the app already defines, an empty name or one
 * listed twice is 1175, and then no role of the request is created.
 */
export const createRoles: Handler = ({ state, request }) => {
  const roles = roleDefinitions(request.body);
  const names = roles.map((role) => role.Name);
  const refused = names.some((name, index) => name.trim() === '' || Object.hasOwn(state.roles, name) || names.indexOf(name) !== index);
  if (refused) return lrError(1175);
  for (const role of roles) state.roles[role.Name] = role;
  return ok(roleList(roles));
};

/**
 * `DELETE /identity/v2/manage/role/{role}`: the role also leaves every user and role context that held it,
 * since a role the app no longer defines could not be assigned or removed again.
 */
export const deleteRole: Handler = ({ state, params }) =>
  withRole(state, params.role, (role) => {
    delete state.roles[role.Name];
    for (const account of Object.values(state.accounts)) {
      if (rolesOf(account).includes(role.Name))
        setRoles(
          account,
          rolesOf(account).filter((name) => name !== role.Name),
        );
    }
    for (const contexts of Object.values(state.roleContexts)) {
      contexts.forEach((context, index) => {
        contexts[index] = { ...context, Roles: context.Roles.filter((name) => name !== role.Name) };
      });
    }
    return ok({ IsDeleted: true });
  });

/** `PUT /identity/v2/manage/role/{role}/permission`: the permissions are added, the role's others kept. */
export const addRolePermissions: Handler = ({ state, params, request }) =>
  withRole(state, params.role, (role) => {
    for (const permission of namesIn(request.body, 'permissions')) role.Permissions[permission] = true;
    return ok(role);
  });

/** `DELETE /identity/v2/manage/role/{role}/permission`. */
export const removeRolePermissions: Handler = ({ state, params, request }) =>
  withRole(state, params.role, (role) => {
    for (const permission of namesIn(request.body, 'permissions')) delete role.Permissions[permission];
    return ok(role);
  });

/** `GET /identity/v2/manage/account/{uid}/role`. */
export const getRolesByUid: Handler = (context) => withAccount(context, (account) => ok({ Roles: rolesOf(account) }));

/** `PUT /identity/v2/manage/account/{uid}/role`: adds the roles to those the user holds (each role once). */
export const assignRolesByUid: Handler = (context) =>
  withAccount(context, (account) => {
    const roles = namesIn(context.request.body, 'roles');
    if (undefinedRole(context.state, roles) !== undefined) return lrError(1047);
    setRoles(account, [...new Set([...rolesOf(account), ...roles])]);
    return ok({ Roles: rolesOf(account) });
  });

/** `DELETE /identity/v2/manage/account/{uid}/role`: a defined role the user does not hold is no error. */
export const unassignRolesByUid: Handler = (context) =>
  withAccount(context, (account) => {
    const roles = namesIn(context.request.body, 'roles');
    if (undefinedRole(context.state, roles) !== undefined) return lrError(1047);
    setRoles(
      account,
      rolesOf(account).filter((name) => !roles.includes(name)),
    );
    return ok({ IsDeleted: true });
  });

function roleList(roles: readonly EmulatedRole[]): { data: readonly EmulatedRole[]; Count: number } {
  return { data: roles, Count: roles.length };
}

/** The roles of a `createRoles` body; permission names are request input, so they go in a prototype-less record. */
function roleDefinitions(body: unknown): EmulatedRole[] {
  return listIn(body, 'roles').map((entry) => {
    const permissions = field(entry, 'permissions');
    return {
      Name: String(field(entry, 'name')),
      Permissions: record(typeof permissions === 'object' && permissions !== null ? (permissions as Record<string, boolean>) : {}),
    };
  });
}

function withRole(state: EmulatorState, name: string | undefined, then: (role: EmulatedRole) => EmulatedResponse): EmulatedResponse {
  const role = name !== undefined && Object.hasOwn(state.roles, name) ? state.roles[name] : undefined;
  return role === undefined ? lrError(1047) : then(role);
}

function rolesOf(account: EmulatedAccount): string[] {
  const roles = account.profile.Roles;
  return Array.isArray(roles) ? roles.filter((role): role is string => typeof role === 'string') : [];
}

function setRoles(account: EmulatedAccount, roles: string[]): void {
  account.profile.Roles = roles;
}
