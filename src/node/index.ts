/**
 * `loginradius-client/node`: Node-only additions to the portable client. Import it only in Node; the main
 * entry point never does.
 *
 * ```ts
 * import { createClient } from 'loginradius-client';
 * import { createNodeTransport } from 'loginradius-client/node';
 * const lr = createClient({ apiKey, apiSecret, transport: createNodeTransport() });
 * ```
 *
 * `createNodeTransport()` is the fastest way to call LoginRadius from Node: the client's `Transport` straight
 * over `node:http`/`node:https` with keep-alive agents.
 */
export type { Transport, TransportRequest, TransportResponse } from '../call/transport';
export type { NodeTransportOptions } from './agents';
export { createNodeTransport } from './node-transport';
