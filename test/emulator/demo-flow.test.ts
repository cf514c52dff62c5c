// The stateful half of `npm run demo` must keep working: it is what shows a new user that the mock remembers.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runStatefulFlow } from '../../examples/stateful';
import { startMockLoginRadius, type StatefulMockLoginRadius } from '../../src/testing/index';

let mock: StatefulMockLoginRadius;
beforeAll(async () => {
  mock = await startMockLoginRadius({ stateful: true });
}, 60_000);
afterAll(() => mock?.stop());

test('examples/stateful.ts registers, verifies, signs in, renames, signs out and is refused, against the stateful mock', async () => {
  const lines: string[] = [];
  const steps = await runStatefulFlow(mock, { email: 'jane.doe@example.com', password: 'correct-horse-battery-staple' }, (line) =>
    lines.push(line),
  );
  expect(steps).toBe(7);
  expect(lines[4]).toContain('the name is now Janet');
  expect(lines[5]).toContain('ACCESS_TOKEN_INVALID, ErrorCode 905');
  expect(lines[6]).toContain('INVALID_CREDENTIALS (HTTP 401)');
  expect((await mock.accounts()).length).toBe(1);
}, 60_000);
