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
 * `createNodeTransport()` is the fastest way to call LoginRadius from Node. `createNodeFetch()` is the same
 * connection handling behind a `fetch`-compatible function, for `createClient({ fetch })` or other code.
 */
export type { NodeFetchOptions } from './agents';
export { createNodeFetch, type NodeFetch } from './node-fetch';
export { createNodeTransport } from './node-transport';
