/** Seeding: accounts a test starts with, given in the user's words (email, password, verified or not, blocked or not). */
import { createAccount } from './accounts';
import type { EmulatorState } from './state';

/** One account to seed. Any other field is stored as a profile field (`firstName` → `FirstName`). */
export interface SeedUser {
  /** The primary email address, used to log in. */
  readonly email: string;
  /** The password, used to log in. */
  readonly password: string;
  /** Default true: a seeded account can sign in straight away. */
  readonly emailVerified?: boolean;
  /** Default false. */
  readonly blocked?: boolean;
  /** Second factors already set up, e.g. `{ email: true, phone: '+14155550123' }`: an MFA login is then challenged. */
  readonly mfa?: { readonly email?: boolean; readonly phone?: string };
  /** Any other profile field, e.g. `firstName`. */
  readonly [field: string]: unknown;
}

/** Creates the accounts and returns their uids; an address already registered is an error naming it. */
export function seedAccounts(state: EmulatorState, users: readonly SeedUser[]): string[] {
  return users.map(({ email, password, emailVerified = true, blocked = false, mfa, ...fields }) => {
    const account = createAccount(state, {
      fields: { ...fields, Email: [{ Type: 'Primary', Value: email }], EmailVerified: emailVerified, IsActive: !blocked },
      password,
    });
    if (account === undefined) throw new Error(`cannot seed ${email}: its email address, username or phone number is already registered`);
    if (mfa !== undefined) account.mfa = { emailOtp: mfa.email === true, ...(mfa.phone === undefined ? {} : { phone: mfa.phone }) };
    return account.profile.Uid as string;
  });
}
