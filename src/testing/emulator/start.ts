/** Starts the stateful mock: the emulator behind Prism, with its handle. */
import { createEmulator } from './emulator';
import { type EmulatorControls, emulatorControls } from './mock-handle';
import { startPrismFront } from './prism-front';

/** The emulated app's credentials when none are given. */
const DEFAULT_APP = { apiKey: 'test-api-key', apiSecret: 'test-api-secret' } as const;
/** LoginRadius's default access token lifetime is configurable per app; an hour is a common setting. */
const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;

/** What the stateful mock needs (see `StatefulMockLoginRadiusOptions` for the public form). */
export interface StatefulStartOptions {
  readonly specFile: string;
  readonly port?: number;
  readonly host?: string;
  readonly dynamic?: boolean;
  readonly log?: { write(text: string): unknown };
  readonly stateFile?: string;
  readonly apiKey?: string;
  readonly apiSecret?: string;
  readonly tokenLifetimeSeconds?: number;
}

/** A running stateful mock. */
export interface StatefulMock extends EmulatorControls {
  readonly url: string;
  readonly app: { readonly apiKey: string; readonly apiSecret: string };
  stop(): Promise<void>;
}

/** Starts the emulator and Prism in this process; resolves once they accept requests. */
export async function startStatefulMock(options: StatefulStartOptions): Promise<StatefulMock> {
  const app = { apiKey: options.apiKey ?? DEFAULT_APP.apiKey, apiSecret: options.apiSecret ?? DEFAULT_APP.apiSecret };
  const emulator = createEmulator({
    ...app,
    tokenLifetimeMs: (options.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS) * 1000,
    ...(options.stateFile === undefined ? {} : { stateFile: options.stateFile }),
  });
  const front = await startPrismFront({ ...options, emulator });
  return { url: front.url, app, stop: front.stop, ...emulatorControls(front.url) };
}
