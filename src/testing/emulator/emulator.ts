/**
 * The stateful emulator: the state, the emulated app, the modelled operations and the control surface,
 * without any HTTP server (see prism-front.ts for how requests reach it). Saves the state after every change
 * when given a file.
 */
import { advanceClock, emulatorNow } from './clock';
import type { EmulatedApp } from './context';
import type { EmulatedRequest, EmulatedResponse } from './http';
import { lrError } from './errors';
import { messagesTo } from './outbox';
import { loadState, saveState } from './persistence';
import { routeRequest } from './router';
import { type SeedUser, seedAccounts } from './seed';
import { type SignedRequest, signatureProblem } from './signature-check';
import { emptyState, type EmulatorState } from './state';
import { sottKey } from './sott-check';

/** Settings of the emulated app. */
export interface EmulatorOptions {
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly tokenLifetimeMs: number;
  /** Keep the state in this JSON file: loaded at start, saved after every change. */
  readonly stateFile?: string;
}

/** A running emulator. */
export interface Emulator {
  /** Answers a validated request for `operationId`, or undefined when not modelled. */
  answer(
    operation: { readonly operationId: string; readonly pathTemplate: string },
    request: EmulatedRequest,
  ): EmulatedResponse | undefined;
  /** Answers a request under the control prefix. */
  control(request: EmulatedRequest): EmulatedResponse;
  /** LoginRadius's 1208 for a signed request whose signature is not the app's or has expired; else undefined. */
  refuseSignature(request: SignedRequest): EmulatedResponse | undefined;
}

/** The path prefix of the control surface: LoginRadius never uses it, so it cannot shadow an API path. */
export const CONTROL_PREFIX = '/__emulator/';

/** Creates an emulator, loading its state from `options.stateFile` when that file exists. */
export function createEmulator(options: EmulatorOptions): Emulator {
  let state: EmulatorState = options.stateFile === undefined ? emptyState() : loadState(options.stateFile);
  const app: EmulatedApp = {
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    sottKey: sottKey(options.apiSecret),
    tokenLifetimeMs: options.tokenLifetimeMs,
  };
  const save = (): void => {
    if (options.stateFile !== undefined) saveState(options.stateFile, state);
  };
  return {
    answer(operation, request) {
      const response = routeRequest(state, app, operation, request);
      if (response !== undefined) save();
      return response;
    },
    control(request) {
      const response = controlAnswer(state, request, () => {
        state = emptyState();
      });
      if (request.method !== 'GET') save();
      return response;
    },
    refuseSignature(request) {
      const problem = signatureProblem(request, app.apiSecret, emulatorNow(state));
      return problem === undefined ? undefined : lrError(1208, `API signature is invalid: ${problem}`);
    },
  };
}

/** The control surface: `GET outbox`, `GET accounts`, `POST reset`, `POST seed`, `POST clock`. */
function controlAnswer(state: EmulatorState, request: EmulatedRequest, reset: () => void): EmulatedResponse {
  const action = `${request.method.toUpperCase()} ${request.path.slice(CONTROL_PREFIX.length)}`;
  const body = (request.body ?? {}) as Record<string, unknown>;
  try {
    switch (action) {
      case 'GET outbox': {
        const to = request.query.to;
        return { status: 200, body: messagesTo(state, typeof to === 'string' ? to : undefined) };
      }
      case 'GET accounts':
        return { status: 200, body: Object.values(state.accounts).map((account) => account.profile) };
      case 'POST reset':
        reset();
        return { status: 200, body: { reset: true } };
      case 'POST seed':
        return { status: 200, body: { uids: seedAccounts(state, (body.users ?? []) as SeedUser[]) } };
      case 'POST clock':
        advanceClock(state, Number(body.advanceMs));
        return { status: 200, body: { now: new Date(emulatorNow(state)).toISOString() } };
      default:
        return {
          status: 404,
          body: { error: `no control action ${action}; try GET outbox, GET accounts, POST reset, POST seed, POST clock` },
        };
    }
  } catch (error) {
    return { status: 400, body: { error: (error as Error).message } };
  }
}
