/**
 * SOTT generation: this client's generator (the PBKDF2 key derived once per app, then AES per token, and the
 * last token reused for an identical plaintext) against the official SDK's helper (which derives the key on
 * every call). Both must produce the same
 * token for the same times, or the comparison is void.
 */
import { createSottGenerator, generateSott, type SottOptions } from '../src/index';
import { median, timeCalls, type RoundSample } from './measure';
import { loadOfficialSdk } from './official-sdk';

const API_KEY = '3f7a1c2e-5b8d-4e9f-a0b1-c2d3e4f5a6b7';
const API_SECRET = '9e8d7c6b-5a4f-4e3d-b2c1-a0f9e8d7c6b5';
const START = '2026/11/23 12:0:0';
const END = '2026/11/23 12:10:0';
const START_DATE = new Date(Date.UTC(2026, 10, 23, 12, 0, 0));

export interface SottSettings {
  readonly rounds: number;
  /** Calls per round for the cached generator (microseconds each). */
  readonly cachedCalls: number;
  /** Calls per round for the per-call key derivations (milliseconds each). */
  readonly derivingCalls: number;
}

export interface SottRate {
  readonly id: string;
  readonly label: string;
  readonly opsPerSecond: number;
  readonly wallUs: number;
  readonly cpuUs: number;
  readonly rounds: readonly RoundSample[];
}

export interface SottResult {
  /** Both implementations produced the same token for the same start and end time. */
  readonly sameToken: boolean;
  readonly rates: readonly SottRate[];
}

export async function runSott(settings: SottSettings): Promise<SottResult> {
  const ours = createSottGenerator(API_KEY, API_SECRET);
  const sdk = loadOfficialSdk({ apiKey: API_KEY, apiSecret: API_SECRET });
  const sameToken = (await ours({ startTime: START, endTime: END })) === (await sdk.helper.getSott({}, START, END));

  // The generator reuses the SOTT of an identical plaintext (times have one-second resolution), so most calls
  // of the first row are reuses; the second asks for a new window every call, so every call encrypts.
  let window = 0;
  const freshWindow = (): SottOptions => ({ startTime: START_DATE, endTime: new Date(START_DATE.getTime() + 600_000 + 1000 * ++window) });
  const contenders = [
    {
      id: 'sott-cached',
      label: 'this client, createSottGenerator (key cached, same-second SOTTs reused)',
      calls: settings.cachedCalls,
      call: () => ours(),
    },
    {
      id: 'sott-fresh',
      label: 'this client, createSottGenerator, a new window every call',
      calls: settings.cachedCalls,
      call: () => ours(freshWindow()),
    },
    {
      id: 'sott-uncached',
      label: 'this client, generateSott (key per call)',
      calls: settings.derivingCalls,
      call: () => generateSott({ apiKey: API_KEY, apiSecret: API_SECRET }),
    },
    { id: 'sott-sdk', label: 'official SDK 11.7.0, helper.getSott', calls: settings.derivingCalls, call: () => sdk.helper.getSott({}) },
  ];
  for (const c of contenders) await timeCalls(c.call, Math.min(c.calls, 20));
  const samples = new Map<string, RoundSample[]>(contenders.map((c) => [c.id, []]));
  for (let round = 0; round < settings.rounds; round++) {
    for (const c of contenders) samples.get(c.id)!.push(await timeCalls(c.call, c.calls));
  }
  const rates = contenders.map((c) => {
    const rounds = samples.get(c.id)!;
    const wallUs = median(rounds.map((r) => r.wallUs));
    return { id: c.id, label: c.label, opsPerSecond: 1e6 / wallUs, wallUs, cpuUs: median(rounds.map((r) => r.cpuUs)), rounds };
  });
  return { sameToken, rates };
}
