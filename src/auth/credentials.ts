import { LoginRadiusValidationError } from '../errors';
import type { OperationDescriptor, SecurityScheme } from '../operation';

/** The credentials a call can have: the client's keys and the call's own tokens. */
type Credential = 'apiKey' | 'apiSecret' | 'accessToken' | 'sott' | 'm2mToken';

/** Where each security scheme sends which credential, as the spec's `securitySchemes` declare (a test keeps them equal). */
export const CREDENTIAL_PLACEMENT = {
  apiKey: { credential: 'apiKey', in: 'query', name: 'apikey' },
  socialApiKey: { credential: 'apiKey', in: 'query', name: 'key' },
  // The header pair LoginRadius documents for the /api/v2/access_token* endpoints (with `apiSecret`).
  apiKeyHeader: { credential: 'apiKey', in: 'header', name: 'X-LoginRadius-ApiKey' },
  apiSecret: { credential: 'apiSecret', in: 'header', name: 'X-LoginRadius-ApiSecret' },
  // Only for the endpoints that accept the secret nowhere else (Social, trackable status); such URLs are redacted wherever described.
  socialApiSecret: { credential: 'apiSecret', in: 'query', name: 'secret' },
  // Request signing: both headers are computed from the secret when each attempt is sent.
  requestSignature: { credential: 'apiSecret', in: 'header', name: 'digest' },
  requestExpires: { credential: 'apiSecret', in: 'header', name: 'X-Request-Expires' },
  accessToken: { credential: 'accessToken', in: 'header', name: 'Authorization' },
  sott: { credential: 'sott', in: 'header', name: 'X-LoginRadius-Sott' },
  accessTokenInQuery: { credential: 'accessToken', in: 'query', name: 'access_token' },
  // The REST hook endpoints document the key and secret only as these query parameters; such URLs are redacted.
  restHookApiKey: { credential: 'apiKey', in: 'query', name: 'api_key' },
  restHookApiSecret: { credential: 'apiSecret', in: 'query', name: 'api_secret' },
  // The Management API's machine-to-machine token, from the client's `m2m` config.
  m2mToken: { credential: 'm2mToken', in: 'header', name: 'Authorization' },
} as const satisfies Record<SecurityScheme, { credential: Credential; in: 'query' | 'header'; name: string }>;

/** Headers that carry a credential or a signature: never settable by callers or hooks, always redacted. */
export const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set(
  Object.values(CREDENTIAL_PLACEMENT)
    .filter((p) => p.in === 'header')
    .map((p) => p.name.toLowerCase()),
);

/** Query parameters that carry a secret credential (the public API key is not one), in lower case. */
export const CREDENTIAL_QUERY: readonly string[] = Object.values(CREDENTIAL_PLACEMENT)
  .filter((p) => p.in === 'query' && p.credential !== 'apiKey')
  .map((p) => p.name.toLowerCase());

/** The credentials available to one call. */
export interface AvailableCredentials {
  readonly apiKey: string;
  readonly apiSecret?: string | undefined;
  readonly accessToken?: string | undefined;
  readonly sott?: string | undefined;
  readonly m2mToken?: string | undefined;
}

/** The query parameters and headers that carry a call's credentials. */
export interface CredentialPlacement {
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  /** The schemes used. */
  readonly schemes: readonly SecurityScheme[];
  /** True when the request must be signed when sent (the signature replaces the API secret). */
  readonly sign: boolean;
}

const WHAT: Record<Credential, string> = {
  apiKey: 'the API key (config.apiKey)',
  apiSecret: 'the API secret (config.apiSecret, server-side only)',
  accessToken: "the user's access token (params.accessToken)",
  sott: 'a SOTT (pass params.sott, or configure apiSecret on the server so the client generates one)',
  m2mToken: 'a Management API (M2M) credential (config.m2m)',
};

const PER_CALL = ['accessToken', 'sott'] as const;

const isSigned = (set: readonly SecurityScheme[]): boolean => set.includes('requestSignature');

/**
 * Picks the first of the operation's alternative credential sets that this call can satisfy and says where
 * each credential goes. With `signing`, a signed alternative is preferred wherever the operation has one;
 * without it, signed alternatives are never chosen. The API secret goes only into a header, except on the
 * few operations whose only documented form is a query parameter (`secret`, `api_secret`).
 */
export function placeCredentials(op: OperationDescriptor, available: AvailableCredentials, signing = false): CredentialPlacement {
  const chosen = chooseCredentials(op, available, signing);
  const query: Record<string, string> = {};
  const headers: Record<string, string> = {};
  for (const scheme of chosen) {
    if (scheme === 'requestSignature' || scheme === 'requestExpires') continue;
    const placement = CREDENTIAL_PLACEMENT[scheme];
    const value = available[placement.credential]!;
    if (placement.in === 'query') query[placement.name] = value;
    else headers[placement.name] = placement.name === 'Authorization' ? `Bearer ${value}` : value;
  }
  return { query, headers, schemes: chosen, sign: isSigned(chosen) };
}

/**
 * The alternative credential set a call uses (see {@link placeCredentials}). The client asks this first, with
 * a placeholder for a configured M2M credential, so it fetches an M2M token only for calls that will send it.
 */
export function chooseCredentials(op: OperationDescriptor, available: AvailableCredentials, signing = false): readonly SecurityScheme[] {
  const declared = op.security.length ? op.security : [[]];
  const alternatives = signing
    ? [...declared.filter(isSigned), ...declared.filter((set) => !isSigned(set))]
    : declared.filter((set) => !isSigned(set));
  const has = (scheme: SecurityScheme): boolean => available[CREDENTIAL_PLACEMENT[scheme].credential] !== undefined;
  // A call's own credentials (its access token, its SOTT) are sent: an alternative that would leave one
  // behind is chosen only when no alternative can use it.
  const given = PER_CALL.filter((credential) => available[credential] !== undefined);
  const usesGiven = (set: readonly SecurityScheme[]): boolean =>
    given.every((c) => set.some((scheme) => CREDENTIAL_PLACEMENT[scheme].credential === c));
  const preferred = alternatives.filter(usesGiven);
  const pool = preferred.length ? preferred : alternatives;
  if (pool.length === 0) {
    // Every alternative is a signed one and the client does not sign.
    throw new LoginRadiusValidationError(`${op.id}: this operation only accepts a signed request; configure requestSigning`, {
      operation: op.id,
      parameter: 'requestSigning',
    });
  }
  const chosen = pool.find((set) => set.every(has));
  if (!chosen) {
    const needed = [...new Set(pool[0]!.filter((scheme) => !has(scheme)).map((scheme) => CREDENTIAL_PLACEMENT[scheme].credential))];
    throw new LoginRadiusValidationError(`${op.id}: missing ${needed.map((c) => WHAT[c]).join(' and ')}`, {
      operation: op.id,
      parameter: needed[0],
    });
  }
  return chosen;
}
