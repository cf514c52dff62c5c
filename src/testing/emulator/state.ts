/**
 * Everything the emulator remembers, as one plain JSON-serialisable object: accounts, sessions, pending
 * verification tokens, the outbox and the clock offset. Plain records (not Maps) so persistence is one
 * `JSON.stringify` and a saved file is readable by a person.
 */

/** One account: the profile LoginRadius would return, and what is never returned (the password hash). */
export interface EmulatedAccount {
  /** The profile in LoginRadius's PascalCase shape (`Uid`, `Email`, `FirstName`, `EmailVerified`, `IsActive`, …). */
  profile: Record<string, unknown>;
  /** salt:sha256(salt + password), hex. */
  passwordHash: string;
  /** The account's second factors; absent (as in state files saved before MFA was modelled) means none. */
  mfa?: EmulatedMfa;
}

/** An account's multi-factor authentication: the OTP factors it has set up. */
export interface EmulatedMfa {
  /** Email OTP is set up: a code can go to any of the account's addresses. */
  emailOtp: boolean;
  /** The verified MFA phone number that receives SMS OTPs; absent when SMS OTP is not set up. */
  phone?: string;
  /** A number sent an OTP by the signed-in user, waiting for that OTP to become `phone`. */
  pendingPhone?: string;
}

/** An MFA login waiting for its second factor, under its `SecondFactorAuthenticationToken`. */
export interface PendingMfaLogin {
  readonly uid: string;
  /** Milliseconds since the epoch, on the emulator's clock. */
  readonly expiresAt: number;
  /** A number given during this login (`mfaUpdatePhoneNumber`): its SMS OTP finishes the login and sets it up. */
  phone?: string;
}

/** A signed-in session. */
export interface EmulatedSession {
  readonly uid: string;
  readonly refreshToken: string;
  /** Milliseconds since the epoch, on the emulator's clock. */
  readonly expiresAt: number;
}

/** A message the emulator would have sent: email or SMS, with the token or OTP it carries. */
export interface OutboxMessage {
  /** 1 for the first message, then counting up. */
  readonly id: number;
  /** How it would have been sent. */
  readonly channel: 'email' | 'sms';
  /** The email address or phone number it would have been sent to. */
  readonly to: string;
  /** What the message is for, e.g. `verification`. */
  readonly purpose: string;
  /** The verification token or OTP the message carries. */
  readonly token: string;
  /** ISO time on the emulator's clock. */
  readonly sentAt: string;
}

/** A role the app defines (Role API), with its permissions: permission name → granted. */
export interface EmulatedRole {
  readonly Name: string;
  readonly Permissions: Record<string, boolean>;
}

/** One of a user's role contexts: the roles and extra permissions the user holds in a named scope. */
export interface EmulatedRoleContext {
  readonly Context: string;
  readonly Roles: string[];
  readonly AdditionalPermissions: string[];
  /** ISO 8601, or null when the context does not expire. */
  readonly Expiration: string | null;
}

/** A custom object record: what LoginRadius returns for it, and the object type (by name) it belongs to. */
export interface EmulatedCustomObject {
  readonly objectName: string;
  readonly record: {
    readonly Id: string;
    readonly Uid: string;
    readonly IsActive: boolean;
    readonly IsDeleted: boolean;
    readonly DateCreated: string;
    DateModified: string;
    CustomObject: Record<string, unknown>;
  };
}

/** The emulator's whole state. */
export interface EmulatorState {
  version: 1;
  clockOffsetMs: number;
  accounts: Record<string, EmulatedAccount>;
  /** Lower-cased email address → uid. */
  emails: Record<string, string>;
  /** Access token → session. */
  sessions: Record<string, EmulatedSession>;
  /** Email verification token → the uid and address it verifies. */
  verificationTokens: Record<string, { readonly uid: string; readonly email: string }>;
  /** Password reset token (from a forgot-password email) → the uid whose password it resets. */
  resetTokens: Record<string, { readonly uid: string }>;
  /** `<purpose> <recipient>` → the live one-time passcode sent there (see otps.ts). */
  otps: Record<string, { readonly uid: string; readonly code: string; readonly expiresAt: number }>;
  /** Second-factor authentication token → the MFA login it continues (see mfa.ts). */
  mfaLogins: Record<string, PendingMfaLogin>;
  outbox: OutboxMessage[];
  /** Role name → the role. A user's roles are the profile's `Roles`. */
  roles: Record<string, EmulatedRole>;
  /** Uid → the user's role contexts. */
  roleContexts: Record<string, EmulatedRoleContext[]>;
  /** Custom object record id → the record. */
  customObjects: Record<string, EmulatedCustomObject>;
}

/** A new, empty state. */
export function emptyState(): EmulatorState {
  return {
    version: 1,
    clockOffsetMs: 0,
    accounts: record(),
    emails: record(),
    sessions: record(),
    verificationTokens: record(),
    resetTokens: record(),
    otps: record(),
    mfaLogins: record(),
    outbox: [],
    roles: record(),
    roleContexts: record(),
    customObjects: record(),
  };
}

/**
 * A record without a prototype: its keys come from requests (an email address, a token), and a key like
 * `__proto__` must be stored as data, never reach Object.prototype.
 */
export function record<T>(entries: Record<string, T> = {}): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}
