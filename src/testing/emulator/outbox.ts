/**
 * The outbox: the emulator never sends email or SMS; each message lands here, with its token or OTP, for a
 * test to read (`mock.outbox()`) as a user would read their inbox.
 */
import { emulatorNow } from './clock';
import type { EmulatorState, OutboxMessage } from './state';

/** Records a message and returns it. */
export function deliver(state: EmulatorState, message: Omit<OutboxMessage, 'id' | 'sentAt'>): OutboxMessage {
  const sent: OutboxMessage = { ...message, id: state.outbox.length + 1, sentAt: new Date(emulatorNow(state)).toISOString() };
  state.outbox.push(sent);
  return sent;
}

/** The messages sent so far, oldest first; only those to `to` (case-insensitive) when given. */
export function messagesTo(state: EmulatorState, to?: string): OutboxMessage[] {
  return to === undefined ? [...state.outbox] : state.outbox.filter((m) => m.to.toLowerCase() === to.toLowerCase());
}
