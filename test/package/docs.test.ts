// The HTML API reference (`npm run docs`): built from the bundled spec, opened offline in headless Chromium,
// and every operation of the spec must be there, in the navigation with its summary, and each group's page
// must render its operations. A screenshot goes to test-results/ for a person to look at.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApiReference } from '../../scripts/build-docs';
import { chromiumMissing as findChromiumMissing, launchChromium } from '../../scripts/chromium';
import { spec } from '../support/spec';
import { REPO } from './support/package-fixture';

interface SpecOperation {
  readonly id: string;
  readonly tag: string;
  readonly summary: string;
}

const operations: SpecOperation[] = Object.values(spec.paths).flatMap((item) =>
  Object.values(item as Record<string, { operationId?: string; tags?: string[]; summary?: string }>)
    .filter((op) => typeof op === 'object' && op !== null && typeof op.operationId === 'string')
    .map((op) => ({ id: op.operationId!, tag: op.tags![0]!, summary: op.summary! })),
);
const tags = [...new Set(operations.map((op) => op.tag))];
// Redoc addresses an operation as #/<tag>/<operationId>, lower-cased.
const slug = (op: SpecOperation): string => `${op.tag}/${op.id}`.toLowerCase();

const chromiumMissing = findChromiumMissing();
// Said once up front as well: the default reporter does not print skip notes.
if (chromiumMissing) console.warn(`[docs] browser checks skipped: ${chromiumMissing}`);
const dir = mkdtempSync(join(tmpdir(), 'loginradius-api-reference-'));
const html = join(dir, 'index.html');

beforeAll(() => {
  buildApiReference(html);
}, 120_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('the reference is one self-contained file: no script, style or font loaded from elsewhere', () => {
  const text = readFileSync(html, 'utf8');
  expect(text).not.toMatch(/<script[^>]+src=["']https?:/);
  expect(text).not.toMatch(/<link[^>]+href=["']https?:/);
  expect(operations.length).toBeGreaterThan(100);
});

describe('opened in headless Chromium', () => {
  /** Link target → every text it is shown with; and the ids of the operation sections that rendered. */
  const links = new Map<string, string>();
  const rendered = new Set<string>();

  beforeAll(async () => {
    if (chromiumMissing) return;
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(pathToFileURL(html).href);
      await page.waitForSelector('h1', { timeout: 60_000 });
      // Each group's page opens its part of the navigation and renders its first operations.
      for (const tag of tags) {
        const want = operations.filter((op) => op.tag === tag).map((op) => ({ slug: slug(op), summary: op.summary }));
        const seen = await page.evaluate(
          async ({ tag, want }) => {
            location.hash = `#/${tag.toLowerCase()}`;
            let found: { links: [string, string][]; ids: string[] } = { links: [], ids: [] };
            // Wait until the navigation shows every operation of the group with its summary (or give up and
            // let the assertions name what is missing).
            for (let i = 0; i < 400; i++) {
              found = {
                links: [...document.querySelectorAll('a[href^="#/"]')].map((a) => [a.getAttribute('href')!.slice(2), a.textContent ?? '']),
                ids: [...document.querySelectorAll('[id]')].map((e) => e.id).filter((id) => want.some((w) => w.slug === id)),
              };
              const shown = want.every((w) => found.links.some(([href, text]) => href === w.slug && text.includes(w.summary)));
              if (shown && found.ids.length > 0) break;
              await new Promise((resolve) => setTimeout(resolve, 25));
            }
            return found;
          },
          { tag, want },
        );
        for (const [href, text] of seen.links) links.set(href, `${links.get(href) ?? ''}\n${text}`);
        for (const id of seen.ids) rendered.add(id);
      }
      await page.goto(`${pathToFileURL(html).href}#/authentication/login`);
      await page.waitForSelector('[id="authentication/login"]', { state: 'attached' });
      await page.screenshot({ path: join(REPO, 'test-results', 'api-reference.png') });
    } finally {
      await browser.close();
    }
  }, 180_000);

  test(`lists every operation of the spec with its summary`, (ctx) => {
    if (chromiumMissing) ctx.skip(`Chromium skipped: ${chromiumMissing}`);
    const missing = operations.filter((op) => !(links.get(slug(op)) ?? '').includes(op.summary)).map((op) => op.id);
    expect(missing).toEqual([]);
  });

  test('renders the operations of every group', (ctx) => {
    if (chromiumMissing) ctx.skip(`Chromium skipped: ${chromiumMissing}`);
    const empty = tags.filter((tag) => !operations.some((op) => op.tag === tag && rendered.has(slug(op))));
    expect(empty).toEqual([]);
  });
});
