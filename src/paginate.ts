/**
 * Cursor pagination over an operation that returns one page at a time (Cloud Directory searches): follows the
 * `next` cursor until LoginRadius has no more, and yields the pages' items (or the pages themselves). The
 * operation's generated function carries how its cursor works (`fn.pagination`, from `x-lr-pagination` in the
 * spec), so `paginate` needs nothing but the function.
 */
import type { LoginRadiusClient } from './client';
import { LoginRadiusAbortError, LoginRadiusError } from './errors';
import type { RequestOptions } from './operation';

/** How an operation pages: the query parameter that takes the cursor, and the answer's cursor and items fields. */
export interface Pagination<Next extends string = string, Items extends string = string> {
  /** The query parameter the next request puts the cursor in. */
  readonly cursor: string;
  /** The answer's field holding the next page's cursor (absent, null or empty when there is none). */
  readonly next: Next;
  /** The answer's field holding the page's items. */
  readonly items: Items;
}

/** A generated function of an operation that pages. */
export type PaginatedFunction<P, R, Items extends string> = ((
  client: LoginRadiusClient,
  params: P,
  options?: RequestOptions,
) => Promise<R>) & {
  readonly pagination: Pagination<string, Items>;
};

/** The item type of a page `R` whose items are in the field `Items`. */
export type PageItem<R, Items extends string> = R extends { readonly [K in Items]?: infer L }
  ? NonNullable<L> extends readonly (infer I)[]
    ? I
    : never
  : never;

/** The items of every page, in order; `pages()` gives the pages themselves. */
export interface PageIterator<Item, Page> extends AsyncIterable<Item> {
  pages(): AsyncIterable<Page>;
}

/**
 * Iterates an operation's results across pages: `for await (const profile of paginate(searchIdentities, lr,
 * { query: { … } }))`. Each page is one call with `options` (its `signal` stops the iteration between pages
 * too). A cursor LoginRadius already returned is never followed again: the iteration fails with a
 * `LoginRadiusError` rather than loop or request a page twice.
 */
export function paginate<P extends { query?: object }, R, Items extends string>(
  fn: PaginatedFunction<P, R, Items>,
  client: LoginRadiusClient,
  params: P,
  options?: RequestOptions,
): PageIterator<PageItem<R, Items>, R> {
  const { cursor, next, items } = fn.pagination;
  const operation = fn.name;
  async function* pages(): AsyncGenerator<R> {
    const followed = new Set<string>();
    let page: P = params;
    for (;;) {
      if (options?.signal?.aborted) throw new LoginRadiusAbortError(`${operation}: the iteration was aborted`, { operation });
      const answer = await fn(client, page, options);
      yield answer;
      const value = (answer as Record<string, unknown> | null)?.[next];
      if (value === undefined || value === null || value === '' || isEmptyPage(answer, items)) return;
      const nextCursor = String(value);
      if (followed.has(nextCursor)) {
        throw new LoginRadiusError(
          `${operation}: LoginRadius returned a cursor it had already returned; stopping so no page is requested twice`,
          {
            operation,
          },
        );
      }
      followed.add(nextCursor);
      page = { ...page, query: { ...page.query, [cursor]: nextCursor } };
    }
  }
  return {
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const answer of pages()) {
        const list = (answer as Record<string, unknown> | null)?.[items];
        if (Array.isArray(list)) yield* list as PageItem<R, Items>[];
      }
    },
  };
}

/** A page without items ends the iteration even if it carries a cursor (nothing more to read). */
function isEmptyPage(answer: unknown, items: string): boolean {
  const list = (answer as Record<string, unknown> | null)?.[items];
  return Array.isArray(list) && list.length === 0;
}
