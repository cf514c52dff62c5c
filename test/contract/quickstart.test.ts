// The example the demo runs must keep working against the mock: it is the first code a user copies.
import { expect, inject, test } from 'vitest';
import { runQuickstart } from '../../examples/quickstart';
import { createClient } from '../../src/index';

test('examples/quickstart.ts completes its five steps against the mock', async () => {
  const lines: string[] = [];
  const steps = await runQuickstart(
    createClient({ apiKey: 'demo-api-key', baseUrl: inject('prismUrl') }),
    { email: 'jane.doe@example.com', password: 'correct-horse-battery-staple' },
    (line) => lines.push(line),
  );
  expect(steps).toBe(5);
  expect(lines.map((line) => line.split(':')[0])).toEqual([
    '1. loginByEmail',
    '2. getProfileByAccessToken',
    '3. updateProfileByAccessToken',
    '4. authValidateAccessToken',
    '5. authInvalidateAccessToken',
  ]);
});
