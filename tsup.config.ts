// The published build: ESM (.mjs) and CommonJS (.js) with declarations for both, one file per entry point.
// `"type": "commonjs"` stays: with `"type": "module"` the CJS interop with openapi-fetch's default export
// breaks (see shared/reference/toolchain.md §8).
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'tsup';

const entry: Record<string, string> = {
  // The portable core: Web standards only, runs on Node, Bun, Deno, browsers and edge runtimes.
  index: 'src/index.ts',
  // Node-only entry points, never imported by the core.
  'testing/index': 'src/testing/index.ts',
};
if (existsSync('src/node/index.ts')) entry['node/index'] = 'src/node/index.ts';

// A function so `tsup --out-dir <dir>` (the packaging tests build into a staging dir) also gets the spec.
export default defineConfig((cli) => ({
  entry,
  format: ['esm', 'cjs'],
  outExtension: ({ format }) => ({ js: format === 'esm' ? '.mjs' : '.js' }),
  dts: true,
  clean: true,
  // Browsers and edge runtimes load the ESM build as it is: stay at the syntax every supported runtime has.
  // (`platform: 'node'` only affects the Node-only entries: the core imports nothing but openapi-fetch.)
  target: 'es2022',
  platform: 'node',
  // Keep `node:` specifiers in the Node-only entries: Deno resolves built-ins only with that prefix.
  removeNodeProtocol: false,
  // One self-contained file per entry: the testing helper must not pull a shared chunk of the core, and a
  // bundler tree-shakes a single module as well as several.
  splitting: false,
  // `__dirname` in src/testing (to find the bundled spec) works in the ESM build too.
  shims: true,
  treeshake: false,
  sourcemap: false,
  minify: false,
  onSuccess: async () => {
    // The mock (bin and testing helper) serves the spec shipped in the package; users can import it as
    // `loginradius-client/openapi.json`.
    copyFileSync('generated/openapi.json', join(cli.outDir ?? 'dist', 'openapi.json'));
  },
}));
