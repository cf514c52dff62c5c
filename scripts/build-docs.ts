/**
 * `npm run docs`: the HTML API reference, built by `redocly build-docs` from the bundled spec into
 * api-reference/index.html: one self-contained file (Redoc inlined, no CDN), so it opens offline.
 * `npm run docs:screenshot` also refreshes api-reference/screenshot.png, the picture in the README.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './chromium';

const ROOT = join(__dirname, '..');
export const API_REFERENCE_HTML = join(ROOT, 'api-reference', 'index.html');
export const API_REFERENCE_SCREENSHOT = join(ROOT, 'api-reference', 'screenshot.png');

/** Builds the HTML reference into `outFile`. */
export function buildApiReference(outFile: string = API_REFERENCE_HTML): void {
  mkdirSync(dirname(outFile), { recursive: true });
  const redocly = join(ROOT, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
  execFileSync(
    process.execPath,
    [
      redocly,
      'build-docs',
      join(ROOT, 'generated', 'openapi.json'),
      '--inlineBundle',
      '--title',
      'LoginRadius V2 API reference',
      '--output',
      outFile,
    ],
    // Redocly prints a Node 20 deprecation box on stderr on every run; show it only when the build fails.
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

/** Opens the reference on the Authentication group and saves what a reader first sees. */
export async function screenshotApiReference(htmlFile: string, pngFile: string): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${pathToFileURL(htmlFile).href}#/authentication/login`);
    await page.waitForSelector('[id="authentication/login"]', { state: 'attached', timeout: 30_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: pngFile });
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  buildApiReference();
  console.log(`API reference: ${API_REFERENCE_HTML}`);
  if (process.argv.includes('--screenshot')) {
    await screenshotApiReference(API_REFERENCE_HTML, API_REFERENCE_SCREENSHOT);
    console.log(`Screenshot: ${API_REFERENCE_SCREENSHOT}`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    const e = error as { message?: string; stderr?: Buffer };
    console.error(`${e.message ?? String(error)}${e.stderr ? `\n${e.stderr.toString()}` : ''}`);
    process.exitCode = 1;
  });
}
