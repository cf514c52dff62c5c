// src/ and generated/ must run on any JavaScript runtime: Web standards only, nothing Node-specific.
// The Node-only subpath exports (src/node: a keep-alive transport; src/testing: the mock server helper) are
// the deliberate exceptions: they are separate entry points the portable core never imports.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const files = ['src', 'generated'].flatMap((dir) =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !/^(node|testing)[\\/]/.test(f))
    .map((f) => join(dir, f)),
);

describe('runtime code is portable', () => {
  test.for(files)('%s uses no Node-only API', (file) => {
    const code = readFileSync(join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(code).not.toMatch(/from ['"]node:|require\(|\bprocess\.|\bBuffer\b|__dirname/);
  });
});

describe('the portable core never imports the Node-only entry points', () => {
  test.for(files)('%s', (file) => {
    expect(readFileSync(join(ROOT, file), 'utf8')).not.toMatch(/from ['"]\.\/(node|testing)(\/|['"])/);
  });
});
