/**
 * Custom object records: create, list, read, update and delete a user's records of a named object type, by
 * access token (the signed-in user's) or by uid with the API secret. The emulator has no dashboard, so every
 * `objectName` is a configured object type. A request naming the type only by `customObjectId` is not
 * modelled (the emulator cannot know which type an id stands for): Prism answers it with the example.
 */
import { randomBytes } from 'node:crypto';
import { emulatorNow } from '../clock';
import type { Handler, HandlerContext } from '../context';
import { lrError } from '../errors';
import { type EmulatedResponse, ok, single } from '../http';
import type { EmulatedCustomObject, EmulatorState } from '../state';
import { withAccount } from './accounts';
import { withSession } from './tokens';

/** Runs `then` with the uid whose records a request works on, or answers why it cannot. */
type Owner = (context: HandlerContext, then: (uid: string) => EmulatedResponse) => EmulatedResponse;

const bySession: Owner = (context, then) => withSession(context, (session) => then(session.uid));
const byUid: Owner = (context, then) => withAccount(context, (account) => then(account.profile.Uid as string));

/** `getCustomObjectByAccessToken`, `getCustomObjectByUid`: the user's records of the type, oldest first. */
const listRecords =
  (owner: Owner): Handler =>
  (context) =>
    withObjectName(context, owner, (objectName, uid) => {
      const records = Object.values(context.state.customObjects)
        .filter((stored) => stored.objectName === objectName && stored.record.Uid === uid)
        .map((stored) => stored.record);
      return ok({ data: records, Count: records.length });
    });

/** `createCustomObjectByAccessToken`, `createCustomObjectByUid`: every call stores a new record with a new `Id`. */
const createRecord =
  (owner: Owner): Handler =>
  (context) =>
    withObjectName(context, owner, (objectName, uid) => {
      const now = isoNow(context.state);
      // 24 hex digits, the shape of LoginRadius's record ids.
      const id = randomBytes(12).toString('hex');
      const stored: EmulatedCustomObject = {
        objectName,
        record: {
          Id: id,
          Uid: uid,
          IsActive: true,
          IsDeleted: false,
          DateCreated: now,
          DateModified: now,
          CustomObject: { ...document(context) },
        },
      };
      context.state.customObjects[id] = stored;
      return ok(stored.record);
    });

/** `getCustomObjectByRecordIdAndAccessToken`, `getCustomObjectByRecordId`. */
const readRecord =
  (owner: Owner): Handler =>
  (context) =>
    withRecord(context, owner, (stored) => ok(stored.record));

/**
 * `updateCustomObjectByAccessToken`, `updateCustomObjectByUid`: `replace` stores the body as the whole
 * document; `partialreplace` merges it into the stored one (LoginRadius's upsert). LoginRadius does not say
 * what `default` does; the emulator merges, which loses nothing.
 */
const updateRecord =
  (owner: Owner): Handler =>
  (context) =>
    withRecord(context, owner, (stored) => {
      const replace = queryValue(context, 'updateType') === 'replace';
      stored.record.CustomObject = replace ? { ...document(context) } : { ...stored.record.CustomObject, ...document(context) };
      stored.record.DateModified = isoNow(context.state);
      return ok(stored.record);
    });

/** `deleteCustomObjectByAccessToken`, `deleteCustomObjectByRecordId`: the record is gone; reading it again is 1057. */
const deleteRecord =
  (owner: Owner): Handler =>
  (context) =>
    withRecord(context, owner, (stored) => {
      delete context.state.customObjects[stored.record.Id];
      return ok({ IsDeleted: true });
    });

export const getCustomObjectByAccessToken = listRecords(bySession);
export const createCustomObjectByAccessToken = createRecord(bySession);
export const getCustomObjectByRecordIdAndAccessToken = readRecord(bySession);
export const updateCustomObjectByAccessToken = updateRecord(bySession);
export const deleteCustomObjectByAccessToken = deleteRecord(bySession);
export const getCustomObjectByUid = listRecords(byUid);
export const createCustomObjectByUid = createRecord(byUid);
export const getCustomObjectByRecordId = readRecord(byUid);
export const updateCustomObjectByUid = updateRecord(byUid);
export const deleteCustomObjectByRecordId = deleteRecord(byUid);

/**
 * Runs `then` with the object type and the owner's uid. Neither `objectName` nor `customObjectId` is 908,
 * as LoginRadius's reference shows it ("The objectname is a required parameter"), checked before the
 * credentials of the user; a type named only by id is declined (see the file comment).
 */
function withObjectName(
  context: HandlerContext,
  owner: Owner,
  then: (objectName: string, uid: string) => EmulatedResponse,
): EmulatedResponse | undefined {
  const objectName = queryValue(context, 'objectName');
  if (objectName === undefined || objectName === '') {
    const customObjectId = queryValue(context, 'customObjectId');
    return customObjectId === undefined || customObjectId === '' ? lrError(908, 'The objectname is a required parameter.') : undefined;
  }
  return owner(context, (uid) => then(objectName, uid));
}

/** Runs `then` with the path's record, if it is the owner's and of the named type; any other id is 1057. */
function withRecord(
  context: HandlerContext,
  owner: Owner,
  then: (stored: EmulatedCustomObject) => EmulatedResponse,
): EmulatedResponse | undefined {
  return withObjectName(context, owner, (objectName, uid) => {
    const id = context.params.objectRecordId ?? '';
    const stored = Object.hasOwn(context.state.customObjects, id) ? context.state.customObjects[id] : undefined;
    if (stored === undefined || stored.objectName !== objectName || stored.record.Uid !== uid) return lrError(1057);
    return then(stored);
  });
}

/** A query parameter by name in any letter case: LoginRadius matches query names case-insensitively. */
function queryValue(context: HandlerContext, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(context.request.query)) if (key.toLowerCase() === lower) return single(value);
  return undefined;
}

/** The request's JSON document (Prism has checked it is a non-empty object). */
function document(context: HandlerContext): Record<string, unknown> {
  return context.request.body as Record<string, unknown>;
}

function isoNow(state: EmulatorState): string {
  return new Date(emulatorNow(state)).toISOString();
}
