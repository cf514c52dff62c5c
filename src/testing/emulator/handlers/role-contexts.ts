/**
 * Role contexts with the API secret: named scopes (a workspace, a tenant) in which a user holds roles and
 * additional permissions of its own. A context's roles must be defined in the app (else 1047); a context the
 * user does not have is 1133.
 */
import type { Handler, HandlerContext } from '../context';
import { lrError } from '../errors';
import { type EmulatedResponse, ok } from '../http';
import { field } from '../profile';
import type { EmulatedAccount, EmulatedRoleContext, EmulatorState } from '../state';
import { withAccount } from './accounts';
import { listIn, namesIn, undefinedRole } from './roles';

/** `GET /identity/v2/manage/account/{uid}/rolecontext`. */
export const getRoleContextByUid: Handler = (context) =>
  withAccount(context, (account) => ok({ Data: contextsOf(context.state, uidOf(account)) }));

/**
 * `PUT /identity/v2/manage/account/{uid}/rolecontext`: each context sent replaces the user's context of that
 * name (roles, permissions and expiration as sent) or is added; nothing is written when one names an undefined role.
 */
export const updateRoleContextByUid: Handler = (context) =>
  withAccount(context, (account) => {
    const written = contextsIn(context.request.body);
    if (
      undefinedRole(
        context.state,
        written.flatMap((entry) => entry.Roles),
      ) !== undefined
    )
      return lrError(1047);
    const uid = uidOf(account);
    const contexts = contextsOf(context.state, uid);
    for (const entry of written) {
      const index = contexts.findIndex((existing) => existing.Context === entry.Context);
      if (index === -1) contexts.push(entry);
      else contexts[index] = entry;
    }
    context.state.roleContexts[uid] = contexts;
    return ok({ Data: contexts });
  });

/** `DELETE /identity/v2/manage/account/{uid}/rolecontext/{contextName}`. */
export const deleteRoleContextByUid: Handler = (context) =>
  withRoleContext(context, (contexts, index) => {
    contexts.splice(index, 1);
    return ok({ IsDeleted: true });
  });

/** `DELETE …/rolecontext/{contextName}/role`: the context stays, with its other roles; a role the app does not define is 1047. */
export const deleteRolesFromRoleContextByUid: Handler = (context) =>
  withRoleContext(context, (contexts, index) => {
    const roles = namesIn(context.request.body, 'roles');
    if (undefinedRole(context.state, roles) !== undefined) return lrError(1047);
    const current = contexts[index]!;
    contexts[index] = { ...current, Roles: current.Roles.filter((role) => !roles.includes(role)) };
    return ok({ IsDeleted: true });
  });

/** `DELETE …/rolecontext/{contextName}/additionalpermission`: a permission the context does not hold is 1142. */
export const deleteAdditionalPermissionFromRoleContextByUid: Handler = (context) =>
  withRoleContext(context, (contexts, index) => {
    const permissions = namesIn(context.request.body, 'additionalPermissions');
    const current = contexts[index]!;
    if (permissions.some((permission) => !current.AdditionalPermissions.includes(permission))) return lrError(1142);
    contexts[index] = { ...current, AdditionalPermissions: current.AdditionalPermissions.filter((p) => !permissions.includes(p)) };
    return ok({ IsDeleted: true });
  });

/** `GET /identity/v2/manage/account/rolecontext/{contextName}`: every user with the context (none is an empty list). */
export const getRoleContextByContextName: Handler = ({ state, params }) => {
  const members = Object.entries(state.roleContexts).flatMap(([uid, contexts]) => {
    const found = contexts.find((entry) => entry.Context === params.contextName);
    const account = Object.hasOwn(state.accounts, uid) ? state.accounts[uid] : undefined;
    return found === undefined || account === undefined ? [] : [member(account, found)];
  });
  return ok({ Data: members });
};

/** A user as `getRoleContextByContextName` lists them: the context and a few profile fields. */
function member(account: EmulatedAccount, context: EmulatedRoleContext): Record<string, unknown> {
  const { profile } = account;
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  const fullName = [profile.FirstName, profile.LastName].filter((part) => typeof part === 'string').join(' ');
  return {
    RoleContext: { Roles: context.Roles, AdditionalPermissions: context.AdditionalPermissions, Expiration: context.Expiration },
    Uid: uidOf(account),
    FullName: text(profile.FullName) ?? (fullName === '' ? null : fullName),
    Email: Array.isArray(profile.Email) ? profile.Email : null,
    ImageUrl: text(profile.ImageUrl),
    LastLoginDate: text(profile.LastLoginDate),
  };
}

/** The contexts of an `updateRoleContextByUid` body (`roleContext`), fields named in any case. */
function contextsIn(body: unknown): EmulatedRoleContext[] {
  return listIn(body, 'roleContext').map((entry) => {
    const expiration = field(entry, 'expiration');
    return {
      Context: String(field(entry, 'context')),
      Roles: namesIn(entry, 'roles'),
      AdditionalPermissions: namesIn(entry, 'additionalPermissions'),
      Expiration: typeof expiration === 'string' && expiration !== '' ? expiration : null,
    };
  });
}

/** Runs `then` with the user's contexts and the index of the path's `contextName` among them: 938, then 1133. */
function withRoleContext(
  context: HandlerContext,
  then: (contexts: EmulatedRoleContext[], index: number) => EmulatedResponse,
): EmulatedResponse {
  return withAccount(context, (account) => {
    const contexts = contextsOf(context.state, uidOf(account));
    const index = contexts.findIndex((entry) => entry.Context === context.params.contextName);
    return index === -1 ? lrError(1133) : then(contexts, index);
  });
}

function contextsOf(state: EmulatorState, uid: string): EmulatedRoleContext[] {
  return Object.hasOwn(state.roleContexts, uid) ? state.roleContexts[uid]! : [];
}

function uidOf(account: EmulatedAccount): string {
  return account.profile.Uid as string;
}
