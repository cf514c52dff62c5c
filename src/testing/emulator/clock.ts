/**
 * The emulator's clock: real time plus an offset a test can move forward, so token expiry can be tested
 * without waiting. The offset is part of the saved state, so a restarted emulator keeps its time.
 */
import type { EmulatorState } from './state';

/** The emulator's current time in milliseconds since the epoch. */
export function emulatorNow(state: EmulatorState, realNow: number = Date.now()): number {
  return realNow + state.clockOffsetMs;
}

/** Moves the emulator's clock forward by `ms` (a positive number of milliseconds). */
export function advanceClock(state: EmulatorState, ms: number): void {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advanceClock takes a positive number of milliseconds, not ${ms}`);
  state.clockOffsetMs += ms;
}
