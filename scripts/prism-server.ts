/**
 * Starts and stops a Prism mock of the LoginRadius API from generated/openapi.json (Node only). Shared by
 * the test setup, `npm run mock` and `npm run demo`. The implementation is the one the package ships as
 * `loginradius-client/testing`, so the repo's mock and the users' mock cannot drift apart.
 */
export {
  startMockLoginRadius as startMockServer,
  type MockLoginRadius as MockServer,
  type MockLoginRadiusOptions as MockOptions,
} from '../src/testing/mock-server';
