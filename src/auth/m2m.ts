/**
 * The Management API's machine-to-machine (M2M) credential: where the client gets the bearer token that the
 * `/v2/manage` endpoints (and, as an alternative, the `/identity/v2/manage` ones) accept.
 */

/** An M2M token you obtain yourself: a fixed token, or a function the client asks before each call that needs one. */
export interface M2MTokenCredential {
  readonly token: string | (() => string | Promise<string>);
}

/** What `config.m2m` accepts. */
export type M2MCredential = M2MTokenCredential;

/** Returns the token to send; called only for a call that will send it. */
export type M2MTokenSource = () => Promise<string>;

/** The token source for a validated credential. */
export function m2mTokenSource(credential: M2MCredential): M2MTokenSource {
  const { token } = credential;
  return typeof token === 'string' ? () => Promise.resolve(token) : async () => token();
}
