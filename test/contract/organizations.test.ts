// The B2B example must keep working against the mock: it is how users start with the Management API.
import { expect, inject, test } from 'vitest';
import { runOrganizations } from '../../examples/organizations';
import { createClient } from '../../src/index';

test('examples/organizations.ts completes its five steps against the mock, with an M2M token', async () => {
  const lines: string[] = [];
  const steps = await runOrganizations(
    createClient({ apiKey: 'demo-api-key', baseUrl: inject('prismUrl'), m2m: { token: 'demo-m2m-token' } }),
    {
      name: 'Acme Corporation',
      inviteEmail: 'sam.lee@example.com',
      inviterUid: '9c2d7e41b6a04f38a1d5e0c7b3f26a94',
      memberUid: '4a7e2c19d0b84f6b9e1c53a2f87d6b10',
    },
    (line) => lines.push(line),
  );
  expect(steps).toBe(5);
  expect(lines.map((line) => line.split(':')[0])).toEqual([
    '1. createOrganization',
    '2. createOrgTenantRole',
    '3. sendInvitation',
    '4. assignRolesToUser',
    '5. getAllOrganizations',
  ]);
});
