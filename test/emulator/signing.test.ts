// Signed requests against the stateful mock: the emulator recomputes every digest with node:crypto from the
// exact URL and body that arrived (Prism alone only checks that the headers are present), so a client that
// signs the wrong thing, with the wrong secret or too late is refused as LoginRadius refuses it.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  createClient,
  getAccountProfileByUid,
  LoginRadiusApiError,
  signRequest,
  updateAccountByUid,
  type LoginRadiusClient,
} from '../../src/index';
import { signatureProblem } from '../../src/testing/emulator/signature-check';
import { startMockLoginRadius, type StatefulMockLoginRadius } from '../../src/testing/index';

let mock: StatefulMockLoginRadius;
let signed: LoginRadiusClient;
let uid: string;

beforeAll(async () => {
  mock = await startMockLoginRadius({ stateful: true });
  signed = createClient({ ...mock.app, baseUrl: mock.url, requestSigning: true });
}, 60_000);
afterAll(() => mock?.stop());
beforeEach(async () => {
  await mock.reset();
  [uid] = (await mock.seed([{ email: 'jane.doe@example.com', password: 'pw-123456' }])) as [string];
});

async function refusal(call: Promise<unknown>): Promise<{ code: string | undefined; status: number | undefined; description: string }> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LoginRadiusApiError);
  const { code, status, description } = error as LoginRadiusApiError;
  return { code, status, description: String(description) };
}

describe('a signed client', () => {
  test('reads and updates an account: both signatures (with and without a body) check out', async () => {
    await updateAccountByUid(signed, { path: { uid }, body: { FirstName: 'Janet' } });
    expect(await getAccountProfileByUid(signed, { path: { uid } })).toMatchObject({ Uid: uid, FirstName: 'Janet' });
  });

  test('signing with another secret is API_SIGNATURE_INVALID (403), and nothing changes', async () => {
    const wrong = createClient({ apiKey: mock.app.apiKey, apiSecret: 'not-the-secret', baseUrl: mock.url, requestSigning: true });
    expect(await refusal(updateAccountByUid(wrong, { path: { uid }, body: { FirstName: 'Mallory' } }))).toMatchObject({
      code: 'API_SIGNATURE_INVALID',
      status: 403,
      description: expect.stringContaining('digest does not match'),
    });
    expect(await getAccountProfileByUid(signed, { path: { uid } })).not.toMatchObject({ FirstName: 'Mallory' });
  });

  test('a signature past its window on the emulator clock is refused', async () => {
    const shortLived = createClient({ ...mock.app, baseUrl: mock.url, requestSigning: { validForMinutes: 5 } });
    await mock.advanceClock(6 * 60_000);
    expect(await refusal(getAccountProfileByUid(shortLived, { path: { uid } }))).toMatchObject({
      code: 'API_SIGNATURE_INVALID',
      description: expect.stringContaining('expired'),
    });
    // The default 20-minute window is still open six minutes on.
    await expect(getAccountProfileByUid(signed, { path: { uid } })).resolves.toMatchObject({ Uid: uid });
  });
});

describe('a replayed signature', () => {
  /** Sends `body` to `path` with the signature headers made for `signedBody`. */
  async function send(path: string, body: string, signedBody: string): Promise<{ status: number; body: { ErrorCode?: number } }> {
    const url = `${mock.url}${path}?apikey=${mock.app.apiKey}`;
    const headers = await signRequest({ method: 'PUT', url, body: signedBody, apiSecret: mock.app.apiSecret });
    const response = await fetch(url, { method: 'PUT', headers: { ...headers, 'content-type': 'application/json' }, body });
    return { status: response.status, body: (await response.json()) as { ErrorCode?: number } };
  }

  test('with another body is refused; with its own body it passes', async () => {
    const path = `/identity/v2/manage/account/${uid}`;
    const original = JSON.stringify({ FirstName: 'Janet' });
    expect(await send(path, JSON.stringify({ FirstName: 'Mallory' }), original)).toMatchObject({ status: 403, body: { ErrorCode: 1208 } });
    expect(await send(path, original, original)).toMatchObject({ status: 200 });
  });
});

describe('signatureProblem', () => {
  const url = 'https://api.loginradius.com/identity/v2/manage/account?apikey=k&email=jane%40example.com';
  const now = Date.UTC(2026, 11, 2, 10, 0, 0);

  test("agrees with the client's Web Crypto signer, and names what is wrong otherwise", async () => {
    const headers = await signRequest({ method: 'GET', url, apiSecret: 's', now: new Date(now), validForMinutes: 5 });
    const request = { url, body: '', digest: headers.digest, expires: headers['X-Request-Expires'] };
    expect(headers['X-Request-Expires']).toBe('2026-12-02 10:05:00');
    expect(signatureProblem(request, 's', now)).toBeUndefined();
    expect(signatureProblem(request, 's', now + 5 * 60_000)).toBeUndefined();
    expect(signatureProblem(request, 's', now + 5 * 60_000 + 1)).toMatch(/expired at 2026-12-02 10:05:00 UTC/);
    expect(signatureProblem(request, 'other', now)).toMatch(/digest does not match/);
    expect(signatureProblem({ ...request, url: `${url}&x=1` }, 's', now)).toMatch(/digest does not match/);
    expect(signatureProblem({ ...request, body: '{}' }, 's', now)).toMatch(/digest does not match/);
    expect(signatureProblem({ ...request, expires: undefined }, 's', now)).toMatch(/YYYY-MM-DD HH:mm:ss/);
    expect(signatureProblem({ ...request, expires: '2026-12-02T10:05:00Z' }, 's', now)).toMatch(/YYYY-MM-DD HH:mm:ss/);
    expect(signatureProblem({ ...request, url: 'https://x/%E0%A4%A' }, 's', now)).toMatch(/percent-encoded/);
  });
});
