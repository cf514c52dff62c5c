/**
 * Bundles the multi-file spec into one OpenAPI document with Redocly's CLI (the same tool that lints it),
 * so every `$ref` to a component file becomes a named component.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { OpenApiDocument } from './spec-model';

export function bundleSpec(rootFile: string): OpenApiDocument {
  const cliPackage = require.resolve('@redocly/cli/package.json');
  const bin = (JSON.parse(readFileSync(cliPackage, 'utf8')) as { bin: Record<string, string> }).bin.redocly!;
  const dir = mkdtempSync(join(tmpdir(), 'lr-bundle-'));
  try {
    const out = join(dir, 'openapi.json');
    try {
      execFileSync(process.execPath, [join(dirname(cliPackage), bin), 'bundle', rootFile, '--ext', 'json', '-o', out], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      });
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? '');
      throw new Error(`redocly bundle failed:\n${stderr.split('\n').filter((l) => !/[║╔╚]/.test(l)).join('\n')}`);
    }
    return JSON.parse(readFileSync(out, 'utf8')) as OpenApiDocument;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
