/**
 * loginradius-client: a typed, tree-shakable client for the LoginRadius V2 identity API.
 *
 * ```ts
 * import { createClient, loginByEmail, getProfileByAccessToken } from 'loginradius-client';
 * const lr = createClient({ apiKey: process.env.LR_API_KEY! });
 * const session = await loginByEmail(lr, { body: { email, password } });
 * if (!session.Profile) throw new Error('second factor required'); // a LoginMfaChallenge
 * const profile = await getProfileByAccessToken(lr, { accessToken: session.access_token });
 * ```
 *
 * Every operation is a standalone function taking the client first, so bundlers keep only what you call.
 */
export { createClient, type ClientSettings, type LoginRadiusClient } from './client';
export {
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type ClientConfig,
  type ClientOverrides,
} from './config';
export {
  LoginRadiusAbortError,
  LoginRadiusApiError,
  LoginRadiusAuthenticationError,
  LoginRadiusBadRequestError,
  LoginRadiusConnectionError,
  LoginRadiusError,
  LoginRadiusNotFoundError,
  LoginRadiusPermissionDeniedError,
  LoginRadiusRateLimitError,
  LoginRadiusResponseTooLargeError,
  LoginRadiusServerError,
  LoginRadiusTimeoutError,
  LoginRadiusValidationError,
  errorCodeName,
  isLoginRadiusError,
  type ApiErrorDetails,
  type LoginRadiusErrorBody,
} from './errors';
export type { ClientHooks, RequestErrorEvent, RequestDescription, RequestEvent, ResponseEvent } from './observe/hooks';
export type { Logger, LoggerStyle, LogLevel, LogMethod } from './observe/logger';
export type { M2MClientCredential, M2MCredential, M2MTokenCredential } from './auth/m2m';
export { fetchTransport, responseTooLarge, type Transport, type TransportRequest, type TransportResponse } from './call/transport';
export type {
  BodyShape,
  JsonBodyOf,
  JsonResultOf,
  OperationDescriptor,
  OperationParams,
  ParamType,
  PathOf,
  QueryOf,
  QueryParam,
  RequestOptions,
  SecurityScheme,
} from './operation';
export { redactHeaders, redactUrl } from './observe/redact';
export { signRequest, type SignatureHeaders, type SignRequestInput } from './auth/signing';
export { withResponse, type DataAndResponse, type OperationFunction } from './with-response';
export type { ResponseInfo } from './call/response-info';
export { paginate, type PageItem, type PageIterator, type PaginatedFunction, type Pagination } from './paginate';
export { createSottGenerator, generateSott, type GenerateSottOptions, type SottOptions } from './auth/sott';
export { ERROR_CODE_NAMES, type LoginRadiusErrorCode } from '../generated/error-codes';
export * from '../generated/index';
