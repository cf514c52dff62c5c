// What the emulator remembers: no account lost or duplicated under concurrent registrations, and a state
// file that brings everything back after a restart.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { createClient, loginByEmail, userRegistrationByEmail } from '../../src/index';
import { startMockLoginRadius } from '../../src/testing/index';

const dir = mkdtempSync(join(tmpdir(), 'lr-emulator-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('100 concurrent registrations: 100 accounts, 100 verification emails, none lost or duplicated', async () => {
  const mock = await startMockLoginRadius({ stateful: true });
  try {
    const lr = createClient({ ...mock.app, baseUrl: mock.url });
    const emails = Array.from({ length: 100 }, (_, i) => `user${i}@example.com`);
    // Every address twice: exactly one registration of each must win.
    const results = await Promise.allSettled(
      [...emails, ...emails].map((email) =>
        userRegistrationByEmail(lr, { body: { email: [{ type: 'Primary', value: email }], password: 'pw-123456' } }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(100);
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code?: string }).code] : []));
    expect(refused).toEqual(Array(100).fill('EMAIL_ALREADY_REGISTERED'));
    const accounts = await mock.accounts();
    const registered = accounts.map((a) => (a.Email as { Value: string }[])[0]!.Value).sort();
    expect(registered).toEqual([...emails].sort());
    expect(new Set(accounts.map((a) => a.Uid)).size).toBe(100);
    expect(await mock.outbox()).toHaveLength(100);
  } finally {
    await mock.stop();
  }
}, 120_000);

test('a state file keeps accounts across a restart', async () => {
  const stateFile = join(dir, 'state.json');
  const jane = { email: 'jane.doe@example.com', password: 'correct-horse-battery-staple' };
  const first = await startMockLoginRadius({ stateful: true, stateFile });
  const [uid] = await first.seed([jane]).finally(() => first.stop());
  expect(JSON.parse(readFileSync(stateFile, 'utf8')).accounts).toHaveProperty([uid!]);

  const second = await startMockLoginRadius({ stateful: true, stateFile });
  try {
    const lr = createClient({ ...second.app, baseUrl: second.url });
    await expect(loginByEmail(lr, { body: jane })).resolves.toMatchObject({ Profile: { Uid: uid } });
  } finally {
    await second.stop();
  }
}, 60_000);
