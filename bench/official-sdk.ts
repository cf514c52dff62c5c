/**
 * The official `loginradius-sdk` (11.7.0) pointed at the local benchmark server.
 *
 * The SDK has no base-URL option: it calls `https.request({ hostname: config.apiDomain, path, headers })`
 * on port 443 with the default (keep-alive) global agent. The least invasive redirect is to wrap
 * `https.request` for the duration of the benchmark so that it hands the SDK's own options object, with
 * hostname and port swapped for the loopback server, to `http.request` (which then uses `http.globalAgent`,
 * keep-alive on Node ≥ 19, just like `https.globalAgent`). Everything the SDK does per call (query string,
 * headers, promise plumbing, JSON parsing, error checks) runs unchanged; only TLS is taken out, exactly as
 * it is for every other contender, which all talk plain HTTP to the same server.
 */
import http from 'node:http';
import https from 'node:https';

/** The parts of the SDK the benchmarks call (the package ships no types). */
export interface OfficialSdk {
  readonly accountApi: { getAccountProfileByUid(uid: string): Promise<unknown> };
  readonly authenticationApi: { getProfileByAccessToken(accessToken: string): Promise<unknown> };
  readonly helper: { getSott(config: object, startTime?: string, endTime?: string, minutes?: number): Promise<string> };
}

type SdkFactory = (config: { apiKey: string; apiSecret: string; apiDomain?: string; apiRequestSigning?: boolean }) => OfficialSdk;

/** Loads a fresh SDK instance for the given credentials. */
export function loadOfficialSdk(credentials: { apiKey: string; apiSecret: string; apiRequestSigning?: boolean }): OfficialSdk {
  const factory = require('loginradius-sdk') as SdkFactory;
  return factory({ ...credentials });
}

/**
 * Routes the SDK's `https.request` calls to `origin` (an `http://127.0.0.1:<port>` server) until the
 * returned function is called. Only requests for `api.loginradius.com` are redirected.
 */
export function redirectSdkTo(origin: string): () => void {
  const { hostname, port } = new URL(origin);
  const original = https.request;
  const redirected = ((options: http.RequestOptions, callback?: (res: http.IncomingMessage) => void) => {
    if (typeof options !== 'object' || options instanceof URL || options.hostname !== 'api.loginradius.com') {
      throw new Error('benchmark: unexpected https.request call; only the official SDK should make one');
    }
    options.hostname = hostname;
    options.port = Number(port);
    return http.request(options, callback);
  }) as typeof https.request;
  https.request = redirected;
  return () => {
    https.request = original;
  };
}
