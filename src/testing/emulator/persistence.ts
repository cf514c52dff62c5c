/** Saving the state to a JSON file and loading it back, so accounts survive a restart of the emulator. */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { type EmulatorState, emptyState, record } from './state';

/** The state saved in `file`, or an empty state when the file does not exist yet. */
export function loadState(file: string): EmulatorState {
  if (!existsSync(file)) return emptyState();
  const saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<EmulatorState>;
  if (saved.version !== 1) throw new Error(`${file} is not a state file of the LoginRadius emulator (version 1)`);
  const state = { ...emptyState(), ...saved };
  return {
    ...state,
    accounts: record(state.accounts),
    emails: record(state.emails),
    sessions: record(state.sessions),
    verificationTokens: record(state.verificationTokens),
    resetTokens: record(state.resetTokens),
    otps: record(state.otps),
    roles: record(
      Object.fromEntries(Object.entries(state.roles).map(([name, role]) => [name, { ...role, Permissions: record(role.Permissions) }])),
    ),
    roleContexts: record(state.roleContexts),
    customObjects: record(state.customObjects),
    mfaLogins: record(state.mfaLogins),
  };
}

/** Writes the state to `file` through a temporary file, so a crash mid-write never leaves half a file. */
export function saveState(file: string, state: EmulatorState): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temporary, file);
}
