// paginate() against a loopback server that serves pages by cursor: several pages, an empty page, an error
// mid-way, a repeated cursor, and a caller's abort between pages.
import { afterEach, describe, expect, test } from 'vitest';
import * as api from '../../src/index';
import { startRecordingServer, type RecordingServer } from './recording-server';

interface Page {
  data: { Uid: string }[];
  next?: string | null;
}

const SEARCH: api.OperationDescriptor = {
  id: 'searchUsers',
  method: 'GET',
  path: '/identity',
  security: [['apiKey']],
  query: { next: { type: 'string' }, region: { type: 'string' } },
  idempotent: true,
};

/** A stand-in for a generated paginated function (the real ones carry the same `pagination`). */
const searchUsers = Object.assign(
  (client: api.LoginRadiusClient, params: { query?: { next?: string; region?: string } }, options?: api.RequestOptions) =>
    client.call<Page>(SEARCH, params, options),
  { pagination: { cursor: 'next', next: 'next', items: 'data' } as const },
);

let server: RecordingServer | undefined;
afterEach(async () => server?.close());

/** Serves `pages` in order, keyed by the cursor that asks for them (the first has none). */
async function serve(pages: Record<string, { status?: number; body: unknown }>) {
  server = await startRecordingServer({
    '/identity': (req, res) => {
      const cursor = new URL(req.url!, 'http://x').searchParams.get('next') ?? 'first';
      const page = pages[cursor] ?? { status: 404, body: { ErrorCode: 404 } };
      res.writeHead(page.status ?? 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(page.body));
    },
  });
  return api.createClient({ apiKey: 'k', apiSecret: 'loopback-secret', baseUrl: server.origin, maxRetries: 0 });
}
const cursors = () => server!.received.map((r) => new URL(r.target, 'http://x').searchParams.get('next'));

describe('paginate', () => {
  test('follows the cursor across pages and yields every item once, keeping the caller query', async () => {
    const lr = await serve({
      first: { body: { data: [{ Uid: 'a' }, { Uid: 'b' }], next: 'c2' } },
      c2: { body: { data: [{ Uid: 'c' }], next: 'c3' } },
      c3: { body: { data: [{ Uid: 'd' }], next: null } },
    });
    const uids: string[] = [];
    for await (const user of api.paginate(searchUsers, lr, { query: { region: 'eu' } })) uids.push(user.Uid);
    expect(uids).toEqual(['a', 'b', 'c', 'd']);
    expect(cursors()).toEqual([null, 'c2', 'c3']);
    expect(server!.received.every((r) => r.target.includes('region=eu'))).toBe(true);
  });

  test('pages() yields the answers; an empty page ends the iteration even with a cursor', async () => {
    const lr = await serve({
      first: { body: { data: [{ Uid: 'a' }], next: 'c2' } },
      c2: { body: { data: [], next: 'c3' } },
    });
    const pages: Page[] = [];
    for await (const page of api.paginate(searchUsers, lr, {}).pages()) pages.push(page);
    expect(pages.map((p) => p.data.length)).toEqual([1, 0]);
    expect(cursors()).toEqual([null, 'c2']);
  });

  test('an error mid-way is thrown typed after the items already yielded', async () => {
    const lr = await serve({
      first: { body: { data: [{ Uid: 'a' }], next: 'c2' } },
      c2: { status: 500, body: { ErrorCode: 950, Description: 'boom' } },
    });
    const uids: string[] = [];
    const error = await (async () => {
      for await (const user of api.paginate(searchUsers, lr, {})) uids.push(user.Uid);
    })().catch((e: unknown) => e);
    expect(uids).toEqual(['a']);
    expect(error).toBeInstanceOf(api.LoginRadiusServerError);
    expect(error).toMatchObject({ operation: 'searchUsers' });
  });

  test('a cursor LoginRadius already returned is not followed again', async () => {
    const lr = await serve({
      first: { body: { data: [{ Uid: 'a' }], next: 'c2' } },
      c2: { body: { data: [{ Uid: 'b' }], next: 'c2' } },
    });
    const error = await (async () => {
      for await (const _ of api.paginate(searchUsers, lr, {}));
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.LoginRadiusError);
    expect(cursors()).toEqual([null, 'c2']);
  });

  test("the caller's signal stops the iteration between pages", async () => {
    const lr = await serve({
      first: { body: { data: [{ Uid: 'a' }], next: 'c2' } },
      c2: { body: { data: [{ Uid: 'b' }], next: null } },
    });
    const controller = new AbortController();
    const error = await (async () => {
      for await (const _ of api.paginate(searchUsers, lr, {}, { signal: controller.signal })) controller.abort();
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.LoginRadiusAbortError);
    expect(cursors()).toEqual([null]);
  });
});

describe('paginate with a generated function', () => {
  test('getNextIdentities follows next and yields typed identities, on the Cloud Directory host unless baseUrl says otherwise', async () => {
    const lr = await serve({
      c1: { body: { data: [{ Uid: 'a', _id: '1' }], next: 'c2' } },
      c2: { body: { data: [{ Uid: 'b', _id: '2' }], next: '' } },
    });
    const uids: (string | null | undefined)[] = [];
    for await (const identity of api.paginate(api.getNextIdentities, lr, { query: { next: 'c1', region: 'eu' } })) uids.push(identity.Uid);
    expect(uids).toEqual(['a', 'b']);
    expect(cursors()).toEqual(['c1', 'c2']);
    expect(api.getNextIdentities.pagination).toEqual({ cursor: 'next', next: 'next', items: 'data' });
  });
});
