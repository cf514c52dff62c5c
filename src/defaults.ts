/** The client's defaults, in one place. */

/** The default LoginRadius API host. A custom domain replaces it through `baseUrl`. */
export const DEFAULT_BASE_URL = 'https://api.loginradius.com';
/** How long a call may take, reading the body included, unless configured otherwise. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** How many times a failed call is retried (when it is safe to retry), unless configured otherwise. */
export const DEFAULT_MAX_RETRIES = 2;
/**
 * The largest answer read, in bytes, counted as received and again after decompression. LoginRadius's
 * largest bodies (app configuration, account lists) are a few hundred KiB; anything near this is hostile.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
/** How many sockets the Node transports open at most per origin, unless configured otherwise. */
export const DEFAULT_MAX_SOCKETS = 64;
