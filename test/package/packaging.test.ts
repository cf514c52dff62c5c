// The package as a user installs it: `npm pack`, installed from the tarball into an empty project, then
// loaded with require and import, type-checked the ways TypeScript projects resolve modules, and linted by
// @arethetypeswrong/cli and publint.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { BIN, MAX_PACKED_BYTES, packageFixture, run, type PackageFixture } from './support/package-fixture';

let fixture: PackageFixture;

beforeAll(async () => {
  fixture = await packageFixture();
  console.log(
    `[package] ${fixture.files.length} files, ${(fixture.packedBytes / 1024).toFixed(1)} KiB packed, ` +
      `${(fixture.unpackedBytes / 1024).toFixed(1)} KiB unpacked; build ${fixture.timings.build} ms, pack ${fixture.timings.pack} ms, install ${fixture.timings.install} ms`,
  );
}, 300_000);

describe('the tarball', () => {
  test('ships the build, the bin, the bundled spec and the docs, and nothing of the sources', () => {
    const entries = ['index', 'testing/index', 'node/index'].flatMap((e) =>
      ['.js', '.mjs', '.d.ts', '.d.mts'].map((ext) => `dist/${e}${ext}`),
    );
    expect(fixture.files).toEqual(
      expect.arrayContaining([...entries, 'dist/openapi.json', 'bin/loginradius-mock.cjs', 'package.json', 'README.md']),
    );
    expect(fixture.files.filter((f) => !/^(dist\/|bin\/|docs\/|package\.json$|README\.md$|LICENSE$)/.test(f))).toEqual([]);
  });

  test('is smaller than 1.3 MiB packed', () => {
    expect(fixture.packedBytes).toBeLessThan(MAX_PACKED_BYTES);
  });

  test('declares one runtime dependency, exports for import and require, and no side effects', () => {
    const manifest = JSON.parse(readFileSync(join(fixture.installed, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(manifest.dependencies as object)).toEqual(['openapi-fetch']);
    expect(manifest.sideEffects).toBe(false);
    expect(manifest.engines).toHaveProperty('node');
    expect(Object.keys(manifest.exports as object)).toEqual(['.', './node', './testing', './openapi.json', './package.json']);
    expect(manifest.peerDependenciesMeta).toEqual({ '@stoplight/prism-cli': { optional: true } });
  });

  test('keeps the portable core free of Node built-ins (ESM and CJS builds)', () => {
    for (const file of ['dist/index.mjs', 'dist/index.js']) {
      const code = readFileSync(join(fixture.installed, file), 'utf8');
      expect(code, file).not.toMatch(
        /(from\s*|require\(\s*|import\(\s*)["'](node:)?(fs|path|child_process|http|https|crypto|url|module|os|stream|buffer)["']/,
      );
      expect(code, file).not.toMatch(/\b__dirname\b|\bprocess\.|\bBuffer\./);
    }
  });
});

describe('loading the installed package', { timeout: 60_000 }, () => {
  const call = (load: string): string => `
    ${load}
    const lr = api.createClient({ apiKey: 'test-api-key-0c6f1a', baseUrl: process.argv[2], maxRetries: 0 });
    api.checkEmailAvailability(lr, { query: { email: 'jane.doe@example.com' } }).then((r) => console.log(JSON.stringify({
      result: r,
      error: new api.LoginRadiusValidationError('x') instanceof api.LoginRadiusError,
      kinds: [typeof api.signRequest, typeof api.generateSott, typeof api.loginByEmail],
    })));`;
  const expected = { result: { IsExist: true }, error: true, kinds: ['function', 'function', 'function'] };

  test.for([
    ['require() from CommonJS', 'load.cjs', `const api = require('loginradius-client');`],
    ['import from an ES module', 'load.mjs', `import * as api from 'loginradius-client';`],
    ['dynamic import() from CommonJS', 'load-dynamic.cjs', `(async () => { const api = await import('loginradius-client');`],
  ] as const)('%s works and calls the mock', ([, file, load]) => {
    const code = file === 'load-dynamic.cjs' ? `${call(load)} })();` : call(load);
    writeFileSync(join(fixture.consumer, file), code);
    const out = run(process.execPath, [file, inject('prismUrl')], fixture.consumer);
    expect(JSON.parse(out)).toEqual(expected);
  });

  test('an error thrown through one build is an instance of the other build’s classes', () => {
    // An app's CommonJS code and an ES module dependency each load their own copy of the package.
    writeFileSync(
      join(fixture.consumer, 'dual.mjs'),
      `import { createRequire } from 'node:module';
import * as esm from 'loginradius-client';
const cjs = createRequire(import.meta.url)('loginradius-client');
const fromCjs = new cjs.LoginRadiusRateLimitError({ operation: 'op', status: 429, headers: new Headers(), body: {} });
const fromEsm = new esm.LoginRadiusValidationError('bad', { parameter: 'x' });
console.log(JSON.stringify([
  cjs.LoginRadiusError === esm.LoginRadiusError,
  fromCjs instanceof esm.LoginRadiusRateLimitError, fromCjs instanceof esm.LoginRadiusApiError, fromCjs instanceof esm.LoginRadiusError,
  fromCjs instanceof esm.LoginRadiusServerError, fromCjs instanceof esm.LoginRadiusValidationError,
  fromEsm instanceof cjs.LoginRadiusValidationError, fromEsm instanceof cjs.LoginRadiusError, fromEsm instanceof cjs.LoginRadiusApiError,
  new Error('plain') instanceof esm.LoginRadiusError,
]));`,
    );
    expect(JSON.parse(run(process.execPath, ['dual.mjs'], fixture.consumer))).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
      true,
      true,
      false,
      false,
    ]);
  });

  test.for([
    [
      'require',
      'subpaths.cjs',
      `const t = require('loginradius-client/testing'); const n = require('loginradius-client/node'); const spec = require('loginradius-client/openapi.json');`,
    ],
    [
      'import',
      'subpaths.mjs',
      `import * as t from 'loginradius-client/testing'; import * as n from 'loginradius-client/node'; import spec from 'loginradius-client/openapi.json' with { type: 'json' };`,
    ],
  ] as const)('the testing, node and openapi.json subpaths load with %s', ([, file, load]) => {
    writeFileSync(
      join(fixture.consumer, file),
      `${load}\nconsole.log(JSON.stringify([typeof t.startMockLoginRadius, typeof t.withMockLoginRadius, Object.keys(n).length > 0, spec.openapi]));`,
    );
    // Node 20 still flags import attributes as experimental on stderr; the output is what matters.
    expect(JSON.parse(run(process.execPath, ['--no-warnings', file], fixture.consumer))).toEqual([
      'function',
      'function',
      true,
      expect.stringMatching(/^3\.1\./),
    ]);
  });
});

// tsc checks the package's 1 MB of declarations each time: seconds, more on a busy machine.
describe('type-checking a consumer', { timeout: 120_000 }, () => {
  // A call with the wrong parameter name must be an error: proves the declarations are real types, not `any`.
  const usage = (imports: string): string => `${imports}
const lr = createClient({ apiKey: 'key' });
export async function emailTaken(email: string): Promise<boolean> {
  const result = await checkEmailAvailability(lr, { query: { email } });
  // checkEmailAvailability shares its endpoint with verifyEmail, whose 200 body differs: narrow first.
  return 'IsExist' in result && result.IsExist;
}
// @ts-expect-error: "Emial" is not a parameter of checkEmailAvailability
void checkEmailAvailability(lr, { query: { Emial: 'x' } });
export const mock: Promise<MockLoginRadius> = startMockLoginRadius({ port: 0, errors: true });
`;
  const esm = usage(
    `import { createClient, checkEmailAvailability } from 'loginradius-client';\nimport { startMockLoginRadius, type MockLoginRadius } from 'loginradius-client/testing';`,
  );
  const cjs = usage(
    `import lrModule = require('loginradius-client');\nimport testing = require('loginradius-client/testing');\nconst { createClient, checkEmailAvailability } = lrModule;\nconst { startMockLoginRadius } = testing;\ntype MockLoginRadius = testing.MockLoginRadius;`,
  );

  test.for([
    ['node16', 'node16', { 'esm.mts': esm, 'cjs.cts': cjs }],
    ['nodenext', 'nodenext', { 'esm.mts': esm, 'cjs.cts': cjs }],
    ['bundler', 'preserve', { 'app.ts': esm }],
    ['node10 (legacy "node")', 'commonjs', { 'app.ts': esm }],
  ] as const)('under moduleResolution %s', ([resolution, module, files]) => {
    const dir = join(fixture.consumer, `types-${resolution.split(' ')[0]}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module,
          moduleResolution: resolution.split(' ')[0],
          target: 'es2022',
          lib: ['es2022', 'dom'],
          strict: true,
          noEmit: true,
          // Check the package's own declarations too, not only their use.
          skipLibCheck: false,
          types: [],
        },
        files: Object.keys(files),
      }),
    );
    run(join(BIN, 'tsc'), ['-p', dir], fixture.consumer);
  });
});

describe('package linters', { timeout: 120_000 }, () => {
  test('@arethetypeswrong/cli finds no problems for node10, node16 (CJS and ESM) and bundler', () => {
    // openapi.json is data, not a module with types; attw has nothing to check there.
    const out = run(
      join(BIN, 'attw'),
      [fixture.tarball, '--exclude-entrypoints', 'openapi.json', '--format', 'table-flipped'],
      fixture.consumer,
    );
    expect(out).toContain('No problems found');
  });

  test('publint reports nothing, warnings treated as errors', () => {
    const out = run(join(BIN, 'publint'), ['run', fixture.tarball, '--strict'], fixture.consumer);
    expect(out).toContain('All good!');
  });
});
