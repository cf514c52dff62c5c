/** The account store: create, find, change and delete accounts, keeping the email index in step. */
import { randomUUID } from 'node:crypto';
import { emulatorNow } from './clock';
import { hashPassword } from './passwords';
import { primaryEmail, profileFields } from './profile';
import type { EmulatedAccount, EmulatorState } from './state';

/** What a new account is made from: profile fields (any case) and the password. */
export interface NewAccount {
  readonly fields: Record<string, unknown>;
  readonly password?: string;
}

/** Creates an account; returns undefined when its email is already registered (checked and claimed atomically). */
export function createAccount(state: EmulatorState, input: NewAccount): EmulatedAccount | undefined {
  const fields = profileFields(input.fields);
  const email = primaryEmail(fields);
  if (email !== undefined && findByEmail(state, email)) return undefined;
  const uid = randomUUID().replaceAll('-', '');
  const now = new Date(emulatorNow(state)).toISOString();
  const profile: Record<string, unknown> = {
    Uid: uid,
    ID: randomUUID().replaceAll('-', ''),
    Provider: 'Email',
    EmailVerified: false,
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

/** Applies profile fields (any case) to an account; a new primary email moves the index. */
export function updateAccount(state: EmulatorState, account: EmulatedAccount, body: unknown): void {
  const before = primaryEmail(account.profile);
  Object.assign(account.profile, profileFields(body), { ModifiedDate: new Date(emulatorNow(state)).toISOString() });
  const after = primaryEmail(account.profile);
  if (before !== after) {
    if (before !== undefined) delete state.emails[before.toLowerCase()];
    if (after !== undefined) state.emails[after.toLowerCase()] = account.profile.Uid as string;
  }
}

/** Deletes an account with its sessions and pending tokens. */
export function deleteAccount(state: EmulatorState, account: EmulatedAccount): void {
  const uid = account.profile.Uid as string;
  const email = primaryEmail(account.profile);
  if (email !== undefined) delete state.emails[email.toLowerCase()];
  delete state.accounts[uid];
  for (const [token, session] of Object.entries(state.sessions)) if (session.uid === uid) delete state.sessions[token];
  for (const [token, pending] of Object.entries(state.verificationTokens)) if (pending.uid === uid) delete state.verificationTokens[token];
  for (const [token, pending] of Object.entries(state.resetTokens)) if (pending.uid === uid) delete state.resetTokens[token];
  for (const [key, pending] of Object.entries(state.otps)) if (pending.uid === uid) delete state.otps[key];
  for (const [token, pending] of Object.entries(state.mfaLogins)) if (pending.uid === uid) delete state.mfaLogins[token];
}
