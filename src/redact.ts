/**
 * Redaction of credentials wherever a request is described (errors, logs, hooks' descriptions).
 */

const SECRET_HEADERS: ReadonlySet<string> = new Set([
  'x-loginradius-apisecret',
  'authorization',
  'digest',
  'x-loginradius-sott',
  'x-request-expires',
]);
// Query names that can carry a secret or a user's token (LoginRadius matches names case-insensitively).
const SECRET_QUERY: ReadonlySet<string> = new Set(['apisecret', 'secret', 'access_token', 'sott', 'refresh_token']);

/** The text that replaces a redacted value. */
export const REDACTED = '[redacted]';

/** Returns the URL with the values of credential-carrying query parameters replaced by `[redacted]`. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.replace(/\?.*$/, '?[redacted]');
  }
  for (const name of [...parsed.searchParams.keys()]) {
    if (SECRET_QUERY.has(name.toLowerCase())) parsed.searchParams.set(name, REDACTED);
  }
  return parsed.href.replaceAll(encodeURIComponent(REDACTED), REDACTED);
}

/** Returns a plain object copy of the headers with credential values replaced by `[redacted]`. */
export function redactHeaders(headers: Headers | Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  for (const [name, value] of entries) {
    out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : value;
  }
  return out;
}

/** Removes every occurrence of the given secrets from a text (used on excerpts of response bodies). */
export function scrubSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out;
}
