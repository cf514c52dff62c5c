// Builds, packs and installs the package the way a user gets it, once per content change: the first test file
// that needs it does the work under a lock, the others (and later runs of this checkout with unchanged sources
// and lockfile) reuse it.
//
// Everything lives in the OS temp dir, outside the repo, so the consumer project resolves only what the
// tarball and its declared dependencies provide (no walking up into this repo's node_modules).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export const REPO = join(__dirname, '..', '..', '..');
export const BIN = join(REPO, 'node_modules', '.bin');

/**
 * The largest tarball (gzip) the package may be: 561 functions (and 71 deprecated aliases) with their types,
 * JSDoc and body shapes, the bundled spec, docs/API.md and docs/ERRORS.md, and the stateful emulator in the
 * testing entry: 1.20 MiB on 2026-12-02. Issue 15 tracks shrinking it (shared body shapes, split types).
 */
export const MAX_PACKED_BYTES = 1.3 * 1024 * 1024;

/** What the packaging step produced, with the measurements the report prints. */
export interface PackageFixture {
  /** The package as `npm pack` saw it: the built dist/ and the files package.json ships as they are. */
  readonly staged: string;
  /** The packed tarball (`npm pack` of the built package). */
  readonly tarball: string;
  /** A consumer project with the tarball installed (and Prism linked in, as a user would install it). */
  readonly consumer: string;
  /** `<consumer>/node_modules/loginradius-client`. */
  readonly installed: string;
  /** A second consumer project with the tarball installed but not Prism (nor any up its tree). */
  readonly withoutPrism: string;
  /** Files in the tarball, relative to the package root. */
  readonly files: readonly string[];
  /** Tarball size (gzip) and unpacked size in bytes. */
  readonly packedBytes: number;
  readonly unpackedBytes: number;
  /** How long each step took the first time, in ms (0 when reused). */
  readonly timings: { readonly build: number; readonly pack: number; readonly install: number };
}

// What the tarball takes from the repository as it is: package.json's `files` (except dist/, which the build
// writes) and the files npm always adds. Read from package.json, so the tests see what a publish would ship.
const SHIPPED_AS_IS = [
  'package.json',
  'README.md',
  'LICENSE',
  ...(JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { files: string[] }).files.filter((f) => f !== 'dist'),
];
// What goes into the tarball, the lockfile (it fixes the versions of the build tools and of the Prism the
// consumer links) and this recipe itself: a change to any of these means a new build.
const INPUTS = [
  'src',
  'generated',
  'tsup.config.ts',
  'tsconfig.json',
  'package-lock.json',
  'test/package/support/package-fixture.ts',
  ...SHIPPED_AS_IS,
];
const CACHE_ROOT = join(tmpdir(), 'loginradius-client-package-tests');
const STALE_LOCK_MS = 10 * 60_000;

let memo: Promise<PackageFixture> | undefined;

/** The built, packed and installed package for the current sources. */
export function packageFixture(): Promise<PackageFixture> {
  memo ??= prepare();
  return memo;
}

async function prepare(): Promise<PackageFixture> {
  const dir = join(CACHE_ROOT, inputsHash());
  const ready = join(dir, 'ready.json');
  const lock = `${dir}.lock`;
  mkdirSync(CACHE_ROOT, { recursive: true });
  for (;;) {
    if (isReady(dir)) {
      // Mark it in use, so that a run elsewhere does not remove it as an old fixture (removeOldFixtures).
      utimesSync(dir, new Date(), new Date());
      return JSON.parse(readFileSync(ready, 'utf8')) as PackageFixture;
    }
    try {
      mkdirSync(lock);
    } catch {
      // Another test file (another worker) is building: wait for it, unless it died holding the lock (a lock
      // that is gone already counts as fresh: just try again).
      if (Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > STALE_LOCK_MS)
        rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    try {
      if (isReady(dir)) continue;
      const fixture = build(dir);
      writeFileSync(ready, JSON.stringify({ ...fixture }, null, 2));
      removeOldFixtures(dir);
      return fixture;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/**
 * A finished fixture whose Prism link still resolves: it points into this checkout's node_modules, which may
 * have been removed or reinstalled since (a broken link fails the mock tests with "Prism is not installed").
 */
function isReady(dir: string): boolean {
  return (
    existsSync(join(dir, 'ready.json')) && existsSync(join(dir, 'consumer', 'node_modules', '@stoplight', 'prism-cli', 'package.json'))
  );
}

function build(dir: string): PackageFixture {
  rmSync(dir, { recursive: true, force: true });
  const staging = join(dir, 'package');
  mkdirSync(staging, { recursive: true });
  for (const file of SHIPPED_AS_IS) cpSync(join(REPO, file), join(staging, file), { recursive: true });

  // The real build (tsup.config.ts), written next to the staged package.json instead of the repo's dist/.
  let started = Date.now();
  run(join(BIN, 'tsup'), ['--out-dir', join(staging, 'dist')], REPO);
  const buildMs = Date.now() - started;

  started = Date.now();
  const packed = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], staging)) as [
    { filename: string; size: number; unpackedSize: number; files: { path: string }[] },
  ];
  const packMs = Date.now() - started;
  const tarball = join(dir, packed[0].filename);

  started = Date.now();
  const consumer = join(dir, 'consumer');
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }, null, 2));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', tarball], consumer);
  const installMs = Date.now() - started;
  const installed = join(consumer, 'node_modules', 'loginradius-client');
  // Prism is an optional peer dependency: a user who wants the mock installs it. Linking this repo's copy
  // saves installing 185 packages again; Node resolves the link to its real path, deps included.
  mkdirSync(join(consumer, 'node_modules', '@stoplight'), { recursive: true });
  symlinkSync(join(REPO, 'node_modules', '@stoplight', 'prism-cli'), join(consumer, 'node_modules', '@stoplight', 'prism-cli'), 'dir');

  // A user who never installed the optional peer: the bin and the testing helper must say what to do.
  const withoutPrism = join(dir, 'without-prism');
  mkdirSync(withoutPrism);
  writeFileSync(join(withoutPrism, 'package.json'), JSON.stringify({ name: 'without-prism', version: '1.0.0', private: true }));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', tarball], withoutPrism);

  return {
    staged: staging,
    tarball,
    consumer,
    installed,
    withoutPrism,
    files: packed[0].files.map((f) => f.path).sort(),
    packedBytes: packed[0].size,
    unpackedBytes: packed[0].unpackedSize,
    timings: { build: buildMs, pack: packMs, install: installMs },
  };
}

/** Runs a command and returns its stdout; on failure the error carries stdout and stderr. */
export function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, npm_config_update_notifier: 'false', ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
}

function inputsHash(): string {
  // The checkout's absolute path too: the consumer links its node_modules, so every checkout gets its own
  // fixture, and concurrent runs from different checkouts never share one (nor break it for each other).
  const hash = createHash('sha256').update(REPO).update('\0');
  const visit = (path: string): void => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) visit(join(path, entry));
      return;
    }
    hash.update(relative(REPO, path)).update('\0').update(readFileSync(path)).update('\0');
  };
  for (const input of INPUTS) visit(join(REPO, input));
  return hash.digest('hex').slice(0, 16);
}

/** Deletes fixtures of older sources, leaving any another run may still be using (touched within the hour). */
function removeOldFixtures(keep: string): void {
  for (const entry of readdirSync(CACHE_ROOT)) {
    const path = join(CACHE_ROOT, entry);
    if (path === keep || path.endsWith('.lock')) continue;
    // A run from another checkout may have removed it meanwhile.
    const mtimeMs = statSync(path, { throwIfNoEntry: false })?.mtimeMs;
    if (mtimeMs !== undefined && Date.now() - mtimeMs > 60 * 60_000) rmSync(path, { recursive: true, force: true });
  }
}
