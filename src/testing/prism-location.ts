/** Where Prism is installed: next to this package first, then in the project the command runs from. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The Prism version this package is tested with; the hint in the "not installed" error names it. */
export const TESTED_PRISM_VERSION = '5.14.2';

/** The path of `@stoplight/prism-cli/package.json`. Throws an `Error` saying how to install Prism when it is missing. */
export function prismManifest(): string {
  const from = [__filename, join(process.cwd(), 'package.json')];
  for (const base of from) {
    try {
      return createRequire(base).resolve('@stoplight/prism-cli/package.json');
    } catch {}
  }
  throw new Error(
    'The mock LoginRadius needs Prism, which is not installed. Add it to your project with ' +
      `\`npm install --save-dev @stoplight/prism-cli@${TESTED_PRISM_VERSION}\` (an optional peer dependency of loginradius-client).`,
  );
}

/** Prism's CLI script. */
export function prismBin(): string {
  const manifest = prismManifest();
  const bin = (JSON.parse(readFileSync(manifest, 'utf8')) as { bin: { prism: string } }).bin.prism;
  return join(dirname(manifest), bin);
}
