/**
 * OpenID Connect with your app's hub domain: read the discovery document, exchange an authorization code for
 * tokens (the grant is sent form-encoded, as OAuth 2.0 has it), then read the user's claims. Runs against the
 * mock LoginRadius in the test suite; against LoginRadius, set `hub` to your app name or custom domain.
 */
import { getOidcDiscoveryConfiguration, getOidcTokens, getOidcUserinfo, type LoginRadiusClient } from '../src/index';

export interface OidcInput {
  /** The OpenID Connect app's name in the Admin Console. */
  readonly app: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The code the authorize endpoint sent to `redirectUri`. */
  readonly code: string;
  readonly redirectUri: string;
}

/** Runs the three steps and reports each through `log`. Returns the number of steps completed. */
export async function runOidc(lr: LoginRadiusClient, input: OidcInput, log: (line: string) => void = console.log): Promise<number> {
  const path = { OIDCAppName: input.app };
  const discovery = await getOidcDiscoveryConfiguration(lr, { path });
  log(`1. getOidcDiscoveryConfiguration: issuer ${discovery.issuer}, token endpoint ${discovery.token_endpoint}`);

  const tokens = await getOidcTokens(lr, {
    path,
    body: {
      grant_type: 'authorization_code',
      client_id: input.clientId,
      client_secret: input.clientSecret,
      code: input.code,
      redirect_uri: input.redirectUri,
    },
  });
  if (!tokens.access_token) throw new Error('the token endpoint returned no access token');
  log(`2. getOidcTokens: ${tokens.token_type ?? 'Bearer'} token, id_token ${tokens.id_token ? 'present' : 'absent'}`);

  const claims = await getOidcUserinfo(lr, { path, accessToken: tokens.access_token });
  log(`3. getOidcUserinfo: subject ${claims.sub}`);
  return 3;
}
