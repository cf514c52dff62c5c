import { attemptOnce } from './call/attempt';
import { resolveConfig, resolveOverrides, type ClientConfig, type ClientOverrides, type ResolvedConfig } from './config';
import { runHook, type RequestErrorEvent } from './observe/hooks';
import type { OperationDescriptor, OperationParams, RequestOptions } from './operation';
import { callSecrets, createScrubber } from './observe/redact';
import { availableCredentials, prepareRequest } from './call/request';
import { runWithRetries } from './call/retry';
import { createServerClock, SERVER_INFO_OPERATION } from './auth/server-clock';
import { createRequestSigner, type RequestSigner } from './auth/signing';
import { validateOptions, validateParams } from './call/validate';
import { chooseCredentials } from './auth/credentials';
import { M2M_TOKEN_OPERATION, m2mTokenSource, type M2MTokenSource } from './auth/m2m';
import { LoginRadiusAuthenticationError, LoginRadiusValidationError } from './errors';
import { TOKEN_CHARS } from './call/option-checks';

/** What a client reveals about its configuration: everything except the API secret. */
export interface ClientSettings {
  readonly apiKey: string;
  readonly baseUrl: string;
  readonly hasApiSecret: boolean;
  readonly originIp: string | undefined;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly maxResponseBytes: number;
  readonly requestSigning: boolean;
}

/**
 * A configured LoginRadius client. Pass it as the first argument of any operation function
 * (`loginByEmail(client, …)`); it holds the credentials and the transport, the functions hold the API.
 */
export interface LoginRadiusClient {
  /** The client's settings, without the API secret. */
  readonly settings: ClientSettings;
  /**
   * Runs one operation. This is the low-level entry point the generated functions use; call those
   * instead, they are typed.
   */
  call<T>(operation: OperationDescriptor, params: unknown, options?: RequestOptions): Promise<T>;
  /**
   * A client with some settings changed (`originIp`, `timeoutMs`, `maxRetries`, `maxResponseBytes`,
   * `preventWebhook`) that shares this one's credentials, transport, SOTT key, request signer and M2M tokens:
   * cheap enough to make per incoming request (`lr.withOptions({ originIp: req.ip })`).
   */
  withOptions(overrides: ClientOverrides): LoginRadiusClient;
}

interface CallContext {
  readonly config: ResolvedConfig;
  /** Where the client gets M2M tokens, when it has an M2M credential. */
  readonly m2m: M2MTokenSource | undefined;
  /** Makes a SOTT for an operation that needs one, when the client has the API secret. */
  readonly sott: ((op: OperationDescriptor) => Promise<string>) | undefined;
  readonly sign: RequestSigner | undefined;
}

/**
 * Creates a client. Throws {@link LoginRadiusValidationError} at once for an invalid config (empty API key,
 * a base URL that is not http(s), an unknown option), so mistakes surface at start-up rather than at the
 * first sign-in. Each client keeps its own config: two clients never share credentials.
 */
export function createClient(config: ClientConfig): LoginRadiusClient {
  const resolved = resolveConfig(config);
  const call = <T>(operation: OperationDescriptor, params: unknown, options?: RequestOptions): Promise<T> =>
    callOperation<T>(context, operation, params, options);
  const sign =
    resolved.signatureValidMinutes === undefined ? undefined : createRequestSigner(resolved.apiSecret!, resolved.signatureValidMinutes);
  const m2m =
    resolved.m2m === undefined
      ? undefined
      : m2mTokenSource(resolved.m2m, (body) => call<Record<string, unknown>>(M2M_TOKEN_OPERATION, { body }));
  const context: CallContext = { config: resolved, m2m, sott: sottSource(resolved, call), sign };
  return clientOf(context, call);
}

/** The public face of a context; derived clients share everything in it but the config. */
function clientOf(context: CallContext, call: LoginRadiusClient['call']): LoginRadiusClient {
  const { config } = context;
  const settings: ClientSettings = Object.freeze({
    apiKey: config.apiKey,
    baseUrl: config.baseUrl,
    hasApiSecret: config.apiSecret !== undefined,
    originIp: config.originIp,
    timeoutMs: config.timeoutMs,
    maxRetries: config.maxRetries,
    maxResponseBytes: config.maxResponseBytes,
    requestSigning: config.signatureValidMinutes !== undefined,
  });
  const withOptions = (overrides: ClientOverrides): LoginRadiusClient => {
    const derived: CallContext = { ...context, config: resolveOverrides(config, overrides) };
    return clientOf(derived, (operation, params, options) => callOperation(derived, operation, params, options));
  };
  return Object.freeze({ settings, call, withOptions });
}

/**
 * The client's automatic SOTT source. The generator comes with the operations that need a SOTT (their data
 * carries `generateSott`), so an app that never registers users does not bundle the SOTT code; it is created
 * on first use and keeps its derived key for the client's lifetime, on the chosen clock.
 */
function sottSource(config: ResolvedConfig, call: LoginRadiusClient['call']): CallContext['sott'] {
  const { apiKey, apiSecret } = config;
  if (apiSecret === undefined) return undefined;
  let generate: ReturnType<NonNullable<OperationDescriptor['generateSott']>> | undefined;
  const serverNow =
    config.sottClock === 'server'
      ? createServerClock(async () => (await call<{ CurrentTime: string }>(SERVER_INFO_OPERATION, {})).CurrentTime)
      : undefined;
  return async (op) => {
    generate ??= op.generateSott!(apiKey, apiSecret);
    return generate(serverNow ? { startTime: await serverNow() } : {});
  };
}

/** validate → prepare → attempts under the retry rules (once more with a fresh M2M token after a 401). */
async function callOperation<T>(
  context: CallContext,
  op: OperationDescriptor,
  rawParams: unknown,
  rawOptions: RequestOptions | undefined,
): Promise<T> {
  const options = validateOptions(op, rawOptions, context.config);
  const params = await withSott(context, op, validateParams(op, rawParams));
  const m2mToken = await m2mTokenFor(context, op, params);
  if (m2mToken === undefined) return send<T>(context, op, params, options, undefined);
  try {
    return await send<T>(context, op, params, options, m2mToken);
  } catch (error) {
    // An M2M token LoginRadius refuses (expired early, revoked) is dropped; the call is repeated once with a
    // fresh token, when the source can give a different one.
    if (!(error instanceof LoginRadiusAuthenticationError) || !context.m2m) throw error;
    context.m2m.refused(m2mToken);
    const fresh = requireM2MToken(op, await context.m2m.get());
    if (fresh === m2mToken) throw error;
    return send<T>(context, op, params, options, fresh);
  }
}

/** prepare → attempts under the retry rules, for one set of credentials. */
function send<T>(
  context: CallContext,
  op: OperationDescriptor,
  params: OperationParams,
  options: ReturnType<typeof validateOptions>,
  m2mToken: string | undefined,
): Promise<T> {
  const { config } = context;
  const request = prepareRequest(config, op, params, options, m2mToken);
  const scrub = createScrubber(() => callSecrets(op, config.apiSecret, params, m2mToken));
  const sign = request.sign ? context.sign : undefined;
  const onErrorHooks = config.hooks.filter((hook) => hook.onError);
  return runWithRetries<T>({
    op,
    maxRetries: options.maxRetries,
    signal: options.signal,
    onError: onErrorHooks.length ? (event) => runErrorHooks(onErrorHooks, event) : undefined,
    attempt: (attempt) =>
      attemptOnce({
        config,
        op,
        request,
        attempt,
        timeoutMs: options.timeoutMs,
        maxResponseBytes: options.maxResponseBytes,
        callerSignal: options.signal,
        scrub,
        sign,
        observeResponse: options.observeResponse,
      }),
  });
}

async function runErrorHooks(hooks: ResolvedConfig['hooks'], event: RequestErrorEvent): Promise<void> {
  for (const hook of hooks) await runHook(event.operation, 'onError', () => hook.onError!(event));
}

/**
 * The M2M token, fetched only when the client has an M2M credential and the credential set the call will use
 * includes it (an operation that also accepts the API secret uses the secret when the client has one).
 */
async function m2mTokenFor(context: CallContext, op: OperationDescriptor, params: OperationParams): Promise<string | undefined> {
  const { config, m2m } = context;
  if (m2m === undefined || !op.security.some((set) => set.includes('m2mToken'))) return undefined;
  const signing = config.signatureValidMinutes !== undefined;
  if (!chooseCredentials(op, availableCredentials(config, params, 'pending'), signing).includes('m2mToken')) return undefined;
  return requireM2MToken(op, await m2m.get());
}

/**
 * A registration call without a SOTT gets one generated here when the client has the API secret. The
 * operation's data says whether it needs one: only those operations carry `generateSott`.
 */
async function withSott(context: CallContext, op: OperationDescriptor, params: OperationParams): Promise<OperationParams> {
  if (!op.generateSott || params.sott !== undefined || !context.sott) return params;
  return { ...params, sott: await context.sott(op) };
}

/** A token function that returns nothing usable is a configuration mistake, reported without the value. */
function requireM2MToken(op: OperationDescriptor, token: unknown): string {
  if (typeof token === 'string' && TOKEN_CHARS.test(token)) return token;
  throw new LoginRadiusValidationError(
    `${op.id}: config.m2m.token returned no usable token (a non-empty string of printable characters without spaces)`,
    {
      operation: op.id,
      parameter: 'm2m.token',
    },
  );
}
