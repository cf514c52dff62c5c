/** What every handler works with: the state and the emulated app's settings. */
import type { EmulatedRequest, EmulatedResponse } from './http';
import type { EmulatorState } from './state';

/** The emulated LoginRadius app. */
export interface EmulatedApp {
  readonly apiKey: string;
  readonly apiSecret: string;
  /** The AES key of the app's SOTTs, derived once from the secret. */
  readonly sottKey: Buffer;
  /** How long an access token lasts, in milliseconds. */
  readonly tokenLifetimeMs: number;
}

/** A handler's inputs. */
export interface HandlerContext {
  readonly state: EmulatorState;
  readonly app: EmulatedApp;
  readonly request: EmulatedRequest;
  /** The path parameters of the matched route, e.g. `{ uid }`. */
  readonly params: Readonly<Record<string, string>>;
}

/** One modelled operation: answers, or returns undefined to let Prism answer with the documented example. */
export type Handler = (context: HandlerContext) => EmulatedResponse | undefined;
