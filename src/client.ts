import { attemptOnce } from './attempt';
import { resolveConfig, type ClientConfig, type ResolvedConfig } from './config';
import { positiveNumber, retryCount } from './config-fields';
import { LoginRadiusAbortError } from './errors';
import type { OperationDescriptor, OperationParams, RequestOptions } from './operation';
import { scrubSecrets } from './redact';
import { prepareRequest } from './request';
import { isRetryable, retryDelayMs } from './retry';
import { sleep } from './signals';
import { createServerClock, SERVER_INFO_OPERATION } from './server-clock';
import { createRequestSigner, type RequestSigner } from './signer';
import { validateParams } from './validate';

/** What a client reveals about its configuration: everything except the API secret. */
export interface ClientSettings {
  readonly apiKey: string;
  readonly baseUrl: string;
  readonly hasApiSecret: boolean;
  readonly originIp: string | undefined;
  readonly timeoutMs: number;
  readonly maxRetries: number;
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
}

interface CallContext {
  readonly config: ResolvedConfig;
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
  const settings: ClientSettings = Object.freeze({
    apiKey: resolved.apiKey,
    baseUrl: resolved.baseUrl,
    hasApiSecret: resolved.apiSecret !== undefined,
    originIp: resolved.originIp,
    timeoutMs: resolved.timeoutMs,
    maxRetries: resolved.maxRetries,
    requestSigning: resolved.signatureValidMinutes !== undefined,
  });
  const call = <T>(operation: OperationDescriptor, params: unknown, options?: RequestOptions): Promise<T> => callOperation<T>(context, operation, params, options ?? {});
  const sign = resolved.signatureValidMinutes === undefined ? undefined : createRequestSigner(resolved.apiSecret!, resolved.signatureValidMinutes);
  const context: CallContext = { config: resolved, sott: sottSource(resolved, call), sign };
  return Object.freeze({ settings, call });
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
  const serverNow = config.sottClock === 'server' ? createServerClock(async () => (await call<{ CurrentTime: string }>(SERVER_INFO_OPERATION, {})).CurrentTime) : undefined;
  return async (op) => {
    generate ??= op.generateSott!(apiKey, apiSecret);
    return generate(serverNow ? { startTime: await serverNow() } : {});
  };
}

async function callOperation<T>(context: CallContext, op: OperationDescriptor, rawParams: unknown, options: RequestOptions): Promise<T> {
  const { config } = context;
  const params = await withSott(context, op, validateParams(op, rawParams));
  const timeoutMs = positiveNumber(options.timeoutMs, 'timeoutMs', config.timeoutMs);
  const maxRetries = retryCount(options.maxRetries, 'maxRetries', config.maxRetries);
  const request = prepareRequest(config, op, params, options);
  const scrub = (text: string): string => scrubSecrets(text, [config.apiSecret, params.accessToken, params.sott]);

  for (let attempt = 1; ; attempt++) {
    const sign = request.sign ? context.sign : undefined;
    const result = await attemptOnce({ config, op, request, attempt, timeoutMs, callerSignal: options.signal, scrub, sign });
    if (result.ok) return result.data as T;
    const willRetry = attempt <= maxRetries && isRetryable(op, result.outcome);
    for (const hook of config.hooks) {
      if (result.request) await hook.onError?.({ operation: op.id, attempt, request: result.request, error: result.error, willRetry });
    }
    if (!willRetry) throw result.error;
    try {
      await sleep(retryDelayMs(attempt, result.retryAfter), options.signal ?? NEVER_ABORTED);
    } catch (reason) {
      throw new LoginRadiusAbortError(`${op.id} was aborted while waiting to retry`, { operation: op.id, cause: reason });
    }
  }
}

const NEVER_ABORTED = new AbortController().signal;

/** A registration call without a SOTT gets one generated here when the client has the API secret. */
async function withSott(context: CallContext, op: OperationDescriptor, params: OperationParams): Promise<OperationParams> {
  const needsSott = op.security.length > 0 && op.security.every((set) => set.includes('sott'));
  if (!needsSott || params.sott !== undefined || !context.sott || !op.generateSott) return params;
  return { ...params, sott: await context.sott(op) };
}
