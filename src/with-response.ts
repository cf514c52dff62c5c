/**
 * `withResponse(fn)`: the same operation, resolving to the data and the answer's metadata. A wrapper rather
 * than a second set of generated functions, so only apps that use it bundle it.
 */
import type { LoginRadiusClient } from './client';
import { LoginRadiusValidationError } from './errors';
import type { RequestOptions } from './operation';
import { RESPONSE_OBSERVER, type ResponseInfo } from './call/response-info';

/** What a function wrapped by {@link withResponse} resolves to. */
export interface DataAndResponse<T> {
  /** What the operation itself resolves to. */
  readonly data: T;
  /** The status, headers and request id of the answer, and how many attempts the call took. */
  readonly response: ResponseInfo;
}

/** Any generated operation function: `(client, params, options?) => Promise<Result>`. */
export type OperationFunction = (client: LoginRadiusClient, params: never, options?: RequestOptions) => Promise<unknown>;

/**
 * Wraps an operation function so it resolves to `{ data, response }`; arguments, validation, retries and errors
 * are those of the function itself (an error already carries its status, headers and request id).
 *
 * ```ts
 * const { data: profile, response } = await withResponse(getProfileByAccessToken)(lr, { accessToken });
 * console.info('profile read', { requestId: response.requestId });
 * ```
 */
export function withResponse<F extends OperationFunction>(
  fn: F,
): (...args: Parameters<F>) => Promise<DataAndResponse<Awaited<ReturnType<F>>>> {
  return async (...args) => {
    const [client, params, options] = args as unknown as [LoginRadiusClient, never, RequestOptions | undefined];
    let response: ResponseInfo | undefined;
    const observe = (info: ResponseInfo): void => {
      response = info;
    };
    const observed = { ...options, [RESPONSE_OBSERVER]: observe };
    const data = (await fn(client, params, observed)) as Awaited<ReturnType<F>>;
    // Every successful answer passes the observer; a function that is not an operation would not.
    if (response === undefined) {
      throw new LoginRadiusValidationError('withResponse() wraps the operation functions of loginradius-client only', { parameter: 'fn' });
    }
    return { data, response };
  };
}
