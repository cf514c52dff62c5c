/**
 * The account store: create, find, change and delete accounts, keeping the email index in step. An account
 * signs in with any of three identifiers, each unique across the app: its primary email, its username
 * (case-insensitive) and its login phone number (`PhoneId`).
 */
import { randomUUID } from 'node:crypto';
import { emulatorNow } from './clock';
import { hashPassword } from './passwords';
import { field, primaryEmail, profileFields } from './profile';
import type { EmulatedAccount, EmulatorState } from './state';

/** What a new account is made from: profile fields (any case) and the password. */
export interface NewAccount {
  readonly fields: Record<string, unknown>;
  readonly password?: string;
}

/** A sign-in identifier of an account. */
export type Identifier = 'email' | 'userName' | 'phone';

/**
 * Creates an account; returns undefined when one of its identifiers is already another account's (checked and
 * claimed atomically; {@link takenIdentifier} says which).
 */
export function createAccount(state: EmulatorState, input: NewAccount): EmulatedAccount | undefined {
  const fields = profileFields(input.fields);
  const email = primaryEmail(fields);
  if (takenIdentifier(state, fields) !== undefined) return undefined;
  const uid = randomUUID().replaceAll('-', '');
  const now = new Date(emulatorNow(state)).toISOString();
  const profile: Record<string, unknown> = {
    Uid: uid,
    ID: randomUUID().replaceAll('-', ''),
    Provider: 'Email',
    EmailVerified: false,
    PhoneIdVerified: false,
    IsActive: true,
    IsDeleted: false,
    NoOfLogins: 0,
    CreatedDate: now,
    ModifiedDate: now,
    ...fields,
  };
  const account: EmulatedAccount = { profile, passwordHash: hashPassword(input.password ?? randomUUID()) };
  state.accounts[uid] = account;
  if (email !== undefined) state.emails[email.toLowerCase()] = uid;
  return account;
}

/** The account with this uid. */
export function findByUid(state: EmulatorState, uid: string): EmulatedAccount | undefined {
  return Object.hasOwn(state.accounts, uid) ? state.accounts[uid] : undefined;
}

/** The account signing in with this email address (case-insensitive). */
export function findByEmail(state: EmulatorState, email: string): EmulatedAccount | undefined {
  const uid = state.emails[email.toLowerCase()];
  return uid === undefined ? undefined : findByUid(state, uid);
}

/**
 * The account signing in with this username (case-insensitive, as LoginRadius compares usernames). Usernames
 * and phone numbers are found by scanning the accounts rather than through an index like emails: an emulator
 * holds a few thousand accounts at most, so a scan costs microseconds, and it can never drift from the
 * profiles (any flow may write `UserName` or `PhoneId` straight into a profile) nor miss accounts of a state
 * file saved before these identifiers were modelled.
 */
export function findByUserName(state: EmulatorState, userName: string): EmulatedAccount | undefined {
  const wanted = userName.toLowerCase();
  return Object.values(state.accounts).find((account) => userNameOf(account.profile)?.toLowerCase() === wanted);
}

/** The account signing in with this phone number (its `PhoneId`; spaces, dashes, dots and brackets ignored). */
export function findByPhone(state: EmulatorState, phone: string): EmulatedAccount | undefined {
  const wanted = phoneKey(phone);
  return Object.values(state.accounts).find((account) => {
    const phoneId = account.profile.PhoneId;
    return typeof phoneId === 'string' && phoneKey(phoneId) === wanted;
  });
}

/** The account a login names by `email`, `username` or `phone`. */
export function findByIdentifier(state: EmulatorState, identifier: Identifier, value: string): EmulatedAccount | undefined {
  if (identifier === 'email') return findByEmail(state, value);
  return identifier === 'userName' ? findByUserName(state, value) : findByPhone(state, value);
}

/** The first identifier in `fields` (PascalCase profile fields) that an account other than `uid` already uses. */
export function takenIdentifier(state: EmulatorState, fields: Record<string, unknown>, uid?: string): Identifier | undefined {
  const takenBy = (account: EmulatedAccount | undefined) => account !== undefined && account.profile.Uid !== uid;
  const email = primaryEmail(fields);
  if (email !== undefined && takenBy(findByEmail(state, email))) return 'email';
  const userName = userNameOf(fields);
  if (userName && takenBy(findByUserName(state, userName))) return 'userName';
  if (typeof fields.PhoneId === 'string' && fields.PhoneId !== '' && takenBy(findByPhone(state, fields.PhoneId))) return 'phone';
  return undefined;
}

/** The username of a profile, however the request spelled the field (`userName`, `username`). */
function userNameOf(profile: Record<string, unknown>): string | undefined {
  const userName = field(profile, 'userName');
  return typeof userName === 'string' ? userName : undefined;
}

/** A phone number as compared: `+1 (415) 555-0123` and `+14155550123` are one number. */
function phoneKey(phone: string): string {
  return phone.replace(/[\s().-]/g, '');
}

/**
 * Applies profile fields (any case) to an account; a new primary email moves the index. Returns the
 * identifier another account already uses, changing nothing, when the fields would take it.
 */
export function updateAccount(state: EmulatorState, account: EmulatedAccount, body: unknown): Identifier | undefined {
  const fields = profileFields(body);
  const taken = takenIdentifier(state, fields, account.profile.Uid as string);
  if (taken !== undefined) return taken;
  const before = primaryEmail(account.profile);
  Object.assign(account.profile, fields, { ModifiedDate: new Date(emulatorNow(state)).toISOString() });
  const after = primaryEmail(account.profile);
  if (before !== after) {
    if (before !== undefined) delete state.emails[before.toLowerCase()];
    if (after !== undefined) state.emails[after.toLowerCase()] = account.profile.Uid as string;
  }
  return undefined;
}

/** Deletes an account with its sessions, pending tokens, role contexts and custom object records. */
export function deleteAccount(state: EmulatorState, account: EmulatedAccount): void {
  const uid = account.profile.Uid as string;
  const email = primaryEmail(account.profile);
  if (email !== undefined) delete state.emails[email.toLowerCase()];
  delete state.accounts[uid];
  for (const [token, session] of Object.entries(state.sessions)) if (session.uid === uid) delete state.sessions[token];
  for (const [token, pending] of Object.entries(state.verificationTokens)) if (pending.uid === uid) delete state.verificationTokens[token];
  for (const [token, pending] of Object.entries(state.resetTokens)) if (pending.uid === uid) delete state.resetTokens[token];
  for (const [key, pending] of Object.entries(state.otps)) if (pending.uid === uid) delete state.otps[key];
  delete state.roleContexts[uid];
  for (const [id, stored] of Object.entries(state.customObjects)) if (stored.record.Uid === uid) delete state.customObjects[id];
  for (const [token, pending] of Object.entries(state.mfaLogins)) if (pending.uid === uid) delete state.mfaLogins[token];
}
