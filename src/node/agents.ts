/**
 * The keep-alive agents behind `createNodeTransport`, and which of `node:http` or
 * `node:https` sends a given URL.
 */
import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { DEFAULT_MAX_SOCKETS } from '../defaults';
import { LoginRadiusValidationError } from '../errors';
import type { Fail } from '../call/option-checks';
import { fetchFailed } from './fetch-error';

/** Options for `createNodeTransport`. */
export interface NodeTransportOptions {
  /** Keep connections open between calls and reuse them. Default `true`. */
  readonly keepAlive?: boolean;
  /**
   * Most sockets open at once per origin; further calls queue for a free one. Default 64: enough for any
   * one server's LoginRadius traffic, and a bound on what a burst of calls can open. `Infinity` lifts it.
   */
  readonly maxSockets?: number;
  /** Initial delay of TCP keep-alive probes on idle sockets, in ms. Default 1000 (Node's default). */
  readonly keepAliveMsecs?: number;
  /** An agent to use for `http:` URLs instead of the one this function creates (for a proxy, custom DNS, …). */
  readonly httpAgent?: HttpAgent;
  /** An agent to use for `https:` URLs instead of the one this function creates (for custom CAs, …). */
  readonly httpsAgent?: HttpsAgent;
}

/** How to send to one scheme: its `request` function and the agent that pools its connections. */
export interface Route {
  readonly request: (url: URL, options: RequestOptions, done: (message: IncomingMessage) => void) => ClientRequest;
  readonly agent: HttpAgent;
}

/** Picks the route for a URL's `protocol`; throws a `fetch failed` error for a scheme other than http and https. */
export type Router = (protocol: string) => Route;

/**
 * Creates the agents once (the https one on first use): every call of the returned router hands out the
 * same two routes, so connections are reused and nothing is allocated per call.
 */
export function createRouter(options: NodeTransportOptions): Router {
  const maxSockets = options.maxSockets ?? DEFAULT_MAX_SOCKETS;
  if (maxSockets !== Infinity && (!Number.isInteger(maxSockets) || maxSockets < 1))
    failOption('maxSockets', 'maxSockets must be a positive integer or Infinity');
  const agentOptions = {
    keepAlive: options.keepAlive ?? true,
    maxSockets,
    ...(options.keepAliveMsecs === undefined ? {} : { keepAliveMsecs: options.keepAliveMsecs }),
  };
  const http: Route = { request: httpRequest, agent: options.httpAgent ?? new HttpAgent(agentOptions) };
  let https: Route | undefined;
  return (protocol) => {
    if (protocol === 'http:') return http;
    if (protocol === 'https:') {
      https ??= { request: httpsRequest, agent: options.httpsAgent ?? new HttpsAgent(agentOptions) };
      return https;
    }
    throw fetchFailed(new Error(`unsupported URL scheme ${protocol} (only http: and https:)`));
  };
}

/** How the Node transports report a bad option. */
const failOption: Fail = (parameter, message) => {
  throw new LoginRadiusValidationError(`Invalid Node transport option: ${message}`, { parameter });
};
