/**
 * The handle of a stateful mock: the URL, stop, and typed helpers over the control surface. The helpers go
 * through HTTP (not straight to the emulator) so they work the same against a `loginradius-mock --stateful`
 * started elsewhere.
 */
import { CONTROL_PREFIX } from './emulator';
import type { SeedUser } from './seed';
import type { OutboxMessage } from './state';

/** Typed helpers over a stateful mock's control surface (`/__emulator/…`). */
export interface EmulatorControls {
  /** The messages the emulator would have sent (verification emails, OTPs), oldest first; only those to `to` when given. */
  outbox(to?: string): Promise<OutboxMessage[]>;
  /** Forgets every account, session, token and message, and sets the clock back to real time. */
  reset(): Promise<void>;
  /** Creates accounts (verified and active unless said otherwise) and resolves to their uids. */
  seed(users: readonly SeedUser[]): Promise<string[]>;
  /** The profiles of every account. */
  accounts(): Promise<Record<string, unknown>[]>;
  /** Moves the emulator's clock forward, e.g. past an access token's lifetime. */
  advanceClock(ms: number): Promise<void>;
}

/** Controls for the stateful mock at `url`. */
export function emulatorControls(url: string): EmulatorControls {
  const call = async <T>(method: string, action: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}${CONTROL_PREFIX}${action}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const answer = (await response.json()) as T & { error?: string };
    if (!response.ok) throw new Error(`emulator ${action}: ${answer.error ?? response.status}`);
    return answer;
  };
  return {
    outbox: (to) => call('GET', to === undefined ? 'outbox' : `outbox?to=${encodeURIComponent(to)}`),
    reset: async () => {
      await call('POST', 'reset');
    },
    seed: async (users) => (await call<{ uids: string[] }>('POST', 'seed', { users })).uids,
    accounts: () => call('GET', 'accounts'),
    advanceClock: async (ms) => {
      await call('POST', 'clock', { advanceMs: ms });
    },
  };
}
