// What `npm publish` would upload: a dry run in the staged package the packaging tests built (so nothing is
// built twice), with the registry pointed at a local server that answers every request with 404. npm 11's
// dry run still asks the registry which versions exist; the local server keeps that question on this machine,
// and would catch a real upload (a PUT) if the dry run ever stopped being dry.
//
// The README is the package's page on the registry and in node_modules: each relative link in it (and in the
// docs it ships) must reach a file in the tarball, and each link into the repository a file that exists here.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { linkedFile, markdownLinks } from './support/markdown-links';
import { MAX_PACKED_BYTES, packageFixture, REPO } from './support/package-fixture';

interface DryRun {
  readonly size: number;
  readonly files: readonly { readonly path: string }[];
}

interface Manifest {
  readonly private?: boolean;
  readonly main: string;
  readonly module: string;
  readonly types: string;
  readonly typesVersions: Record<string, Record<string, string[]>>;
  readonly exports: unknown;
  readonly bin: Record<string, string>;
  readonly repository: { readonly type: string; readonly url: string };
  readonly homepage: string;
  readonly bugs: { readonly url: string };
  readonly keywords: readonly string[];
}

const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as Manifest;
// git+https://github.com/owner/name.git → https://github.com/owner/name
const repository = manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

const requests: string[] = [];
let registry: Server;
let dryRun: DryRun;
let files: string[];
let stderr: string;
/** The package directory the dry run packed: the Markdown exactly as published. */
let staged: string;

beforeAll(async () => {
  const fixture = await packageFixture();
  staged = fixture.staged;
  registry = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not found"}');
  });
  await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
  const { port } = registry.address() as AddressInfo;
  // Without the CI identity-token variables npm skips its trusted-publishing exchange, which would call out.
  const { NPM_ID_TOKEN, ACTIONS_ID_TOKEN_REQUEST_URL, ACTIONS_ID_TOKEN_REQUEST_TOKEN, ...env } = process.env;
  const result = await promisify(execFile)(
    'npm',
    // --ignore-scripts: prepublishOnly checks the git checkout, which the staged copy is not; the build
    // (prepack) already ran.
    ['publish', '--dry-run', '--json', '--ignore-scripts', '--fetch-retries=0', `--registry=http://127.0.0.1:${port}/`],
    { cwd: fixture.staged, env: { ...env, npm_config_update_notifier: 'false' }, maxBuffer: 64 * 1024 * 1024 },
  );
  dryRun = Object.values(JSON.parse(result.stdout) as Record<string, DryRun>)[0] as DryRun;
  files = dryRun.files.map((file) => file.path);
  stderr = result.stderr;
}, 300_000);

afterAll(async () => {
  await new Promise((resolve) => registry?.close(resolve));
});

describe('npm publish --dry-run', () => {
  test('uploads nothing: the registry is only asked which versions exist', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((request) => !request.startsWith('GET '))).toEqual([]);
  });

  test('publishes without npm correcting package.json', () => {
    expect(stderr).not.toMatch(/auto-corrected|errors corrected/);
  });

  test('is not blocked by "private" and says where the package comes from', () => {
    expect(manifest.private).toBeUndefined();
    expect(manifest.repository.type).toBe('git');
    expect(repository).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/);
    expect(manifest.homepage.startsWith(repository)).toBe(true);
    expect(manifest.bugs.url).toBe(`${repository}/issues`);
    expect(manifest.keywords).toContain('loginradius');
  });

  test('is smaller than the tarball budget', () => {
    expect(dryRun.size).toBeLessThan(MAX_PACKED_BYTES);
  });
});

describe('the files it would publish', () => {
  /** Every path package.json points at: each export condition, main, module, types, typesVersions, bin. */
  const pointedAt = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : typeof value === 'object' && value ? Object.values(value).flatMap(pointedAt) : [];
  const entryPoints = [
    ...pointedAt(manifest.exports),
    manifest.main,
    manifest.module,
    manifest.types,
    ...pointedAt(manifest.typesVersions),
    ...pointedAt(manifest.bin),
  ].map((path) => path.replace(/^\.\//, ''));

  test('include every file package.json points at, the licence, the README and the docs', () => {
    expect(entryPoints.length).toBeGreaterThan(15);
    expect(files).toEqual(
      expect.arrayContaining([...new Set(entryPoints)].concat('LICENSE', 'README.md', 'docs/API.md', 'docs/ERRORS.md')),
    );
  });

  test.for([
    ['sources (src/, codegen/, generated/)', /^(src|codegen|generated)\//],
    ['tests and the spec (test/, spec/)', /^(test|spec)\//],
    ['TypeScript sources anywhere', /(?<!\.d)\.[mc]?ts$/],
    ['installed dependencies', /(^|\/)node_modules\//],
    ['reports and caches', /^(reports|coverage|test-results|\.turbo|\.stryker-tmp)\//],
    ['environment files', /(^|\/)\.env/],
    ['keys, certificates and registry credentials', /\.(pem|key|p12|pfx|crt)$|(^|\/)id_(rsa|ecdsa|ed25519)|(^|\/)\.npmrc$/],
  ] as const)('contain no %s', ([, pattern]) => {
    expect(files.filter((file) => pattern.test(file))).toEqual([]);
  });
});

describe('links in the published Markdown', () => {
  const documents = (): string[] => files.filter((file) => file.endsWith('.md'));

  test('the README and the docs it links are published', () => {
    expect(documents()).toEqual(expect.arrayContaining(['README.md', 'docs/API.md', 'docs/ERRORS.md']));
  });

  test('every relative link reaches a file in the tarball', () => {
    const broken = documents().flatMap((document) =>
      markdownLinks(readFileSync(join(staged, document), 'utf8'))
        .filter((target) => {
          const file = linkedFile(document, target);
          return file !== undefined && !files.includes(file);
        })
        .map((target) => `${document}: ${target}`),
    );
    expect(broken).toEqual([]);
  });

  test('every link into the repository names a file that exists in it', () => {
    const intoRepository = new RegExp(`^${repository.replace(/[.]/g, '\\.')}/(?:blob|raw|tree)/main/([^#?]+)`);
    const links = documents().flatMap((document) => markdownLinks(readFileSync(join(staged, document), 'utf8')));
    const paths = links.flatMap((target) => intoRepository.exec(target)?.[1] ?? []);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((path) => !existsSync(join(REPO, decodeURIComponent(path))))).toEqual([]);
  });
});
