// Prism stays the contract referee in front of the emulator: an invalid request gets exactly the plain
// mock's answer, an unmodelled operation its documented example, and an emulated answer that breaks the
// spec becomes Prism's 500.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { bundledSpecFile, startMockLoginRadius, type StatefulMockLoginRadius } from '../../src/testing/index';
import type { Emulator } from '../../src/testing/emulator/emulator';
import { startPrismFront } from '../../src/testing/emulator/prism-front';

let mock: StatefulMockLoginRadius;

beforeAll(async () => {
  mock = await startMockLoginRadius({ stateful: true });
}, 60_000);
afterAll(() => mock?.stop());

/** Status, content type and body of one raw request. */
async function answer(
  baseUrl: string,
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; type: string | null; body: unknown }> {
  const response = await fetch(`${baseUrl}${path}`, init);
  return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
}

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('an invalid request gets exactly the answer of the plain mock', () => {
  test.for([
    ['a missing API key', '/identity/v2/auth/login', json({ email: 'jane@example.com', password: 'x' })],
    ['a body that matches no login form', '/identity/v2/auth/login?apikey=test-api-key', json({ email: 'jane@example.com' })],
    ['a missing access token', '/identity/v2/auth/account?apikey=test-api-key', {}],
    ['a missing API secret', '/identity/v2/manage/account/some-uid?apikey=test-api-key', {}],
  ] as const)('%s', async ([, path, init]) => {
    const plain = await answer(inject('prismUrl'), path, init);
    expect(plain.status).toBeGreaterThanOrEqual(400);
    expect(await answer(mock.url, path, init)).toEqual(plain);
  });
});

test('an operation the emulator does not model answers its documented example, as the plain mock does', async () => {
  const path = '/identity/v2/manage/account/sott?apikey=test-api-key';
  const init = { headers: { 'X-LoginRadius-ApiSecret': 'test-api-secret' } };
  const plain = await answer(inject('prismUrl'), path, init);
  expect(plain.status).toBe(200);
  expect(await answer(mock.url, path, init)).toEqual(plain);
});

test('the control surface is not in the spec and bypasses Prism', async () => {
  expect(await answer(mock.url, '/__emulator/outbox')).toMatchObject({ status: 200, body: [] });
  expect(await answer(mock.url, '/__emulator/nothing')).toMatchObject({ status: 404 });
});

describe('emulated answers are validated against the spec', () => {
  let front: Awaited<ReturnType<typeof startPrismFront>>;
  /** An emulator that answers every profile read with a profile whose Uid is a number. */
  const broken: Emulator = {
    answer: (operation) => (operation.operationId === 'getProfileByAccessToken' ? { status: 200, body: { Uid: 42 } } : undefined),
    control: () => ({ status: 404, body: {} }),
    refuseSignature: () => undefined,
  };

  beforeAll(async () => {
    front = await startPrismFront({ specFile: bundledSpecFile(), emulator: broken });
  }, 60_000);
  afterAll(() => front?.stop());

  test('an answer that breaks the schema becomes a 500 naming the violation', async () => {
    const got = await answer(front.url, '/identity/v2/auth/account?apikey=test-api-key', { headers: { authorization: 'Bearer t' } });
    expect(got.status).toBe(500);
    expect(JSON.stringify(got.body)).toMatch(/Uid/);
  });

  test('a valid emulated answer passes with no sl-violations header', async () => {
    await mock.seed([{ email: 'jane@example.com', password: 'pw-123456' }]);
    const response = await fetch(
      `${mock.url}/identity/v2/auth/login?apikey=test-api-key`,
      json({ email: 'jane@example.com', password: 'pw-123456' }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('sl-violations')).toBeNull();
  });
});
