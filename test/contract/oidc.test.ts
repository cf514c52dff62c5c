// The OpenID Connect example must keep working against the mock, which serves the hub domain's operations too.
import { expect, inject, test } from 'vitest';
import { runOidc } from '../../examples/oidc';
import { createClient } from '../../src/index';

test('examples/oidc.ts reads discovery, exchanges a code and reads userinfo against the mock', async () => {
  const lines: string[] = [];
  const steps = await runOidc(
    createClient({ apiKey: 'demo-api-key', baseUrl: inject('prismUrl') }),
    {
      app: 'acme-portal',
      clientId: '3f6b2d1e-8a4c-4e7b-9c15-0d2e6a7b8c91',
      clientSecret: 'oidc-client-secret-demo',
      code: '9e4c1b7a2f3d4e5a8b6c0d1e2f3a4b5c',
      redirectUri: 'https://app.example.com/callback',
    },
    (line) => lines.push(line),
  );
  expect(steps).toBe(3);
  expect(lines.map((line) => line.split(':')[0])).toEqual(['1. getOidcDiscoveryConfiguration', '2. getOidcTokens', '3. getOidcUserinfo']);
});
