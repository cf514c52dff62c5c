import { describe, expect, test } from 'vitest';
import * as api from '../../src/index';

type Page = { data?: { id: number }[] | null; next?: unknown } | null;

/** A paginated function over scripted pages; records the cursor each call asked for. */
function pagedFunction(pages: readonly Page[]) {
  const asked: unknown[] = [];
  const fn = async (_client: api.LoginRadiusClient, params: { query?: { next?: string } }) => {
    asked.push(params.query?.next);
    return pages[asked.length - 1] ?? null;
  };
  const paginated = Object.assign(fn, { pagination: { cursor: 'next', next: 'next', items: 'data' } as const });
  return { fn: paginated as unknown as api.PaginatedFunction<{ query?: { next?: string } }, Page, 'data'>, asked };
}

const client = api.createClient({ apiKey: 'k', fetch: (() => Promise.reject(new Error('no network here'))) as typeof fetch });

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('paginate, on scripted pages', () => {
  test.each([[undefined], [null], ['']])('a cursor of %j ends the iteration', async (end) => {
    const { fn, asked } = pagedFunction([{ data: [{ id: 1 }], next: 'c2' }, { data: [{ id: 2 }], next: end }, { data: [{ id: 3 }] }]);
    expect(await collect(api.paginate(fn, client, {}))).toEqual([{ id: 1 }, { id: 2 }]);
    expect(asked).toEqual([undefined, 'c2']);
  });

  test('a numeric cursor is followed as text', async () => {
    const { fn, asked } = pagedFunction([{ data: [{ id: 1 }], next: 0 }, { data: [{ id: 2 }] }]);
    expect(await collect(api.paginate(fn, client, {}))).toEqual([{ id: 1 }, { id: 2 }]);
    expect(asked).toEqual([undefined, '0']);
  });

  test('a page without an item list is yielded by pages() and its cursor still followed', async () => {
    const { fn, asked } = pagedFunction([{ next: 'c2' }, { data: null, next: 'c3' }, { data: [{ id: 3 }] }]);
    expect(await collect(api.paginate(fn, client, {}))).toEqual([{ id: 3 }]);
    expect(asked).toEqual([undefined, 'c2', 'c3']);
  });

  test('an empty item list ends the iteration even with a cursor', async () => {
    const { fn, asked } = pagedFunction([{ data: [], next: 'c2' }, { data: [{ id: 2 }] }]);
    expect(await collect(api.paginate(fn, client, {}).pages())).toEqual([{ data: [], next: 'c2' }]);
    expect(asked).toEqual([undefined]);
  });

  test('a null answer ends the iteration', async () => {
    const { fn } = pagedFunction([null]);
    expect(await collect(api.paginate(fn, client, {}).pages())).toEqual([null]);
  });

  test('an aborted signal stops before the next call with a typed error naming the operation', async () => {
    const { fn, asked } = pagedFunction([{ data: [{ id: 1 }], next: 'c2' }, { data: [{ id: 2 }] }]);
    const controller = new AbortController();
    const seen: unknown[] = [];
    const failure = await (async () => {
      for await (const item of api.paginate(fn, client, {}, { signal: controller.signal })) {
        seen.push(item);
        controller.abort();
      }
    })().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(api.LoginRadiusAbortError);
    expect(failure).toMatchObject({ operation: 'fn' });
    expect((failure as Error).message).toBe('fn: the iteration was aborted');
    expect(seen).toEqual([{ id: 1 }]);
    expect(asked).toEqual([undefined]);
  });

  test('a repeated cursor fails with a LoginRadiusError that says why', async () => {
    const { fn, asked } = pagedFunction([
      { data: [{ id: 1 }], next: 'c2' },
      { data: [{ id: 2 }], next: 'c2' },
    ]);
    const failure = await collect(api.paginate(fn, client, {})).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(api.LoginRadiusError);
    expect(failure).toMatchObject({ operation: 'fn' });
    expect((failure as Error).message).toBe(
      'fn: LoginRadius returned a cursor it had already returned; stopping so no page is requested twice',
    );
    expect(asked).toEqual([undefined, 'c2']);
  });
});
