import { LoginRadiusValidationError } from './errors';
import type { OperationDescriptor, SecurityScheme } from './operation';

/** Where each credential travels, as the spec's security schemes declare. */
export const CREDENTIAL_PLACEMENT = {
  apiKey: { in: 'query', name: 'apikey' },
  apiSecret: { in: 'header', name: 'X-LoginRadius-ApiSecret' },
  accessToken: { in: 'header', name: 'Authorization' },
  sott: { in: 'header', name: 'X-LoginRadius-Sott' },
} as const satisfies Record<SecurityScheme, { in: 'query' | 'header'; name: string }>;

/** The credentials available to one call. */
export interface AvailableCredentials {
  readonly apiKey: string;
  readonly apiSecret?: string | undefined;
  readonly accessToken?: string | undefined;
  readonly sott?: string | undefined;
}

/** The query parameters and headers that carry a call's credentials. */
export interface CredentialPlacement {
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  /** The schemes used, so the transport knows whether the call carries the API secret. */
  readonly schemes: readonly SecurityScheme[];
}

const WHAT: Record<SecurityScheme, string> = {
  apiKey: 'the API key (config.apiKey)',
  apiSecret: 'the API secret (config.apiSecret, server-side only)',
  accessToken: "the user's access token (params.accessToken)",
  sott: 'a SOTT (params.sott)',
};

/**
 * Picks the first of the operation's alternative credential sets that this call can satisfy and says where
 * each credential goes. The API secret only ever goes into a header.
 */
export function placeCredentials(op: OperationDescriptor, available: AvailableCredentials): CredentialPlacement {
  const alternatives = op.security.length ? op.security : [[]];
  const chosen = alternatives.find((set) => set.every((scheme) => available[scheme] !== undefined));
  if (!chosen) {
    const needed = alternatives[0]!.filter((scheme) => available[scheme] === undefined);
    throw new LoginRadiusValidationError(`${op.id}: missing ${needed.map((s) => WHAT[s]).join(' and ')}`, {
      operation: op.id,
      parameter: needed[0],
    });
  }
  const query: Record<string, string> = {};
  const headers: Record<string, string> = {};
  for (const scheme of chosen) {
    const value = available[scheme]!;
    const placement = CREDENTIAL_PLACEMENT[scheme];
    if (placement.in === 'query') query[placement.name] = value;
    else headers[placement.name] = scheme === 'accessToken' ? `Bearer ${value}` : value;
  }
  return { query, headers, schemes: chosen };
}
