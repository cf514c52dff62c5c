/**
 * `loginradius-client/node`: Node-only additions to the portable client. Import it only in Node; the main
 * entry point never does.
 *
 * ```ts
 * import { createClient } from 'loginradius-client';
 * import { createNodeFetch } from 'loginradius-client/node';
 * const lr = createClient({ apiKey, apiSecret, fetch: createNodeFetch() });
 * ```
 */
export { createNodeFetch, type NodeFetch, type NodeFetchOptions } from './node-fetch';
