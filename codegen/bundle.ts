/**
 * Bundles the multi-file spec into one OpenAPI document with Redocly's CLI (the same tool that lints it),
 * so every `$ref` to a component file becomes a named component. Each tag then records the file its
 * operations come from (`x-lr-spec-file`), so generated modules are named after spec files.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
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
      throw new Error(
        `redocly bundle failed:\n${stderr
          .split('\n')
          .filter((l) => !/[║╔╚]/.test(l))
          .join('\n')}`,
      );
    }
    const doc = JSON.parse(readFileSync(out, 'utf8')) as OpenApiDocument;
    return withSpecFiles(doc, parse(readFileSync(rootFile, 'utf8')) as { paths?: Record<string, { $ref?: string }> });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const METHODS = ['get', 'post', 'put', 'delete', 'patch'] as const;

/** Records on each tag the one `paths/<group>.yaml` file whose operations carry it. */
function withSpecFiles(doc: OpenApiDocument, root: { paths?: Record<string, { $ref?: string }> }): OpenApiDocument {
  const fileOfTag = new Map<string, string>();
  for (const [path, item] of Object.entries(root.paths ?? {})) {
    const file = item.$ref?.split('#')[0];
    if (!file) throw new Error(`spec/openapi.yaml: ${path} must be a $ref to a file under paths/`);
    for (const method of METHODS) {
      const tag = (doc.paths[path]?.[method] as { tags?: string[] } | undefined)?.tags?.[0];
      if (tag === undefined) continue;
      const known = fileOfTag.get(tag);
      if (known !== undefined && known !== file)
        throw new Error(`tag ${tag} is used in both ${known} and ${file}: one API group per spec file`);
      fileOfTag.set(tag, file);
    }
  }
  const tags = (doc.tags ?? []).map((tag) => (fileOfTag.has(tag.name) ? { ...tag, 'x-lr-spec-file': fileOfTag.get(tag.name) } : tag));
  return { ...doc, tags };
}
