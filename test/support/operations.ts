// Operation data the tests call through `client.call` directly, where no generated function fits.
import { createSottGenerator } from '../../src/auth/sott';

/** A registration: it needs a SOTT, which the client generates when it has the API secret. */
export const REGISTER_OPERATION = {
  id: 'registerUser',
  method: 'POST',
  path: '/identity/v2/auth/register',
  security: [['apiKey', 'sott']],
  body: 'required',
  generateSott: createSottGenerator,
} as const;
