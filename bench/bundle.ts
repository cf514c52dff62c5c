/**
 * Bundle size: what an application ships after bundling with esbuild (minified, tree-shaken, then gzip -9):
 * one operation plus the client, every operation, each Node transport, and the official SDK, which cannot
 * be bundled at all (shown by running its bundle).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, transform, type Metafile } from 'esbuild';

const ROOT = join(__dirname, '..');

export interface BundleSize {
  readonly id: string;
  readonly label: string;
  readonly minBytes: number;
  readonly gzipBytes: number;
  /** The largest inputs in the minified output, for seeing where the bytes go. */
  readonly largestInputs: readonly { readonly path: string; readonly bytes: number }[];
  /** Set when the bundle was built but does not work. */
  readonly failure?: string;
}

const ENTRIES = [
  {
    id: 'one-operation',
    label: 'createClient + getAccountProfileByUid',
    platform: 'browser',
    contents: `import { createClient, getAccountProfileByUid } from './src/index';
export const readProfile = (apiKey, apiSecret, uid) => getAccountProfileByUid(createClient({ apiKey, apiSecret }), { path: { uid } });`,
  },
  { id: 'every-operation', label: 'every operation (export *)', platform: 'browser', contents: `export * from './src/index';` },
  {
    id: 'node-transport',
    label: 'createNodeTransport (loginradius-client/node)',
    platform: 'node',
    contents: `export { createNodeTransport } from './src/node/index';`,
  },
] as const;

export async function runBundle(): Promise<BundleSize[]> {
  const sizes: BundleSize[] = [];
  for (const entry of ENTRIES) {
    const result = await build({
      stdin: { contents: entry.contents, resolveDir: ROOT, sourcefile: `${entry.id}.ts`, loader: 'ts' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: entry.platform,
      target: 'es2022',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    sizes.push(measure(entry.id, entry.label, result.outputFiles[0]!.contents, result.metafile));
  }
  sizes.push(await officialSdkBundle());
  return sizes;
}

function measure(id: string, label: string, code: Uint8Array, metafile: Metafile | undefined, failure?: string): BundleSize {
  const output = metafile ? Object.values(metafile.outputs)[0] : undefined;
  const largestInputs = Object.entries(output?.inputs ?? {})
    .map(([path, info]) => ({ path: path.replace(/^.*node_modules\//, ''), bytes: info.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 6);
  return {
    id,
    label,
    minBytes: code.byteLength,
    gzipBytes: gzipSync(code, { level: 9 }).byteLength,
    largestInputs,
    ...(failure ? { failure } : {}),
  };
}

/**
 * The official SDK loads its modules with `require(path.join(__dirname, …))`, which no bundler can follow:
 * the bundle builds (with warnings) and then fails when run. Its size is reported as its whole source,
 * minified file by file and gzipped together, which is what an application would carry.
 */
async function officialSdkBundle(): Promise<BundleSize> {
  const dir = mkdtempSync(join(tmpdir(), 'lr-bench-sdk-'));
  let failure = 'bundled and ran';
  try {
    const out = join(dir, 'sdk-bundle.js');
    await build({
      stdin: {
        contents: `const lr = require('loginradius-sdk'); module.exports = lr({ apiKey: 'k', apiSecret: 's' });`,
        resolveDir: ROOT,
        loader: 'js',
      },
      bundle: true,
      minify: true,
      platform: 'node',
      outfile: out,
      logLevel: 'silent',
    });
    try {
      execFileSync(process.execPath, [out], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? '');
      failure = `the esbuild bundle fails at run time: ${/Error: (Cannot find module[^\n]*)/.exec(stderr)?.[1]?.replace(dir, '<tmp>') ?? stderr.split('\n')[0]}`;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const sdkDir = join(ROOT, 'node_modules', 'loginradius-sdk', 'sdk');
  const files = listJs(sdkDir);
  const minified = await Promise.all(
    files.map(async (file) => (await transform(readFileSync(file, 'utf8'), { minify: true, loader: 'js' })).code),
  );
  const code = new TextEncoder().encode(minified.join('\n'));
  const largestInputs = files
    .map((file, i) => ({ path: relative(sdkDir, file), bytes: minified[i]!.length }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 6);
  return { ...measure('official-sdk', 'official SDK 11.7.0, whole source', code, undefined, failure), largestInputs };
}

function listJs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listJs(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []))
    .sort();
}

// Writes a bundle to disk for inspection: `tsx bench/bundle.ts one-operation > out.js`.
if (require.main === module) {
  void runBundle().then((sizes) => writeFileSync(1, `${JSON.stringify(sizes, null, 2)}\n`));
}
