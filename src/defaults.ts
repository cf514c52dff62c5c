/** The client's defaults, in one place. */

/** The default LoginRadius API host. A custom domain replaces it through `baseUrl`. */
export const DEFAULT_BASE_URL = 'https://api.loginradius.com';
/** How long a call may take, reading the body included, unless configured otherwise. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** How many times a failed call is retried (when it is safe to retry), unless configured otherwise. */
export const DEFAULT_MAX_RETRIES = 2;
