/**
 * `npm run generate`: bundle spec/openapi.yaml and write generated/.
 * `npm run generate:check`: the same in memory; fails, listing the files, when generated/ is stale.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { diffApi } from './api-diff';
import { bundleSpec } from './bundle';
import { renderChanges, withUnreleased } from './changelog';
import type { SpecLock } from './emit-lock';
import { generate } from './generate';

const ROOT = join(__dirname, '..');
const SPEC = join(ROOT, 'spec', 'openapi.yaml');
const OWNED_DIRS = ['generated', 'docs'];
const LOCK = 'generated/spec.lock.json';
const CHANGELOG = join(ROOT, 'CHANGELOG.md');

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const files = await generate(bundleSpec(SPEC));
  const stale = staleFiles(files);
  if (check) {
    if (stale.length) {
      console.error(`generated/ is stale; run \`npm run generate\` and commit the result:\n${stale.map((s) => `  ${s}`).join('\n')}`);
      process.exitCode = 1;
    } else {
      console.log(`generated/ is up to date (${files.size} files).`);
    }
    return;
  }
  recordApiChanges(files.get(LOCK)!);
  for (const [path, text] of files) {
    const target = join(ROOT, path);
    if (existsSync(target) && readFileSync(target, 'utf8') === text) continue;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  for (const orphan of orphanFiles(files)) rmSync(join(ROOT, orphan));
  console.log(stale.length ? `Regenerated ${stale.length} of ${files.size} files.` : `No change (${files.size} files).`);
}

/**
 * Compares the new API surface with the one the previous generation locked, prints what changed for
 * callers (breaking changes first) and adds it to CHANGELOG.md under "Unreleased".
 */
function recordApiChanges(newLockText: string): void {
  const lockFile = join(ROOT, LOCK);
  const before = existsSync(lockFile) ? ((JSON.parse(readFileSync(lockFile, 'utf8')) as Partial<SpecLock>).api ?? undefined) : undefined;
  // A lock without a surface (written before surfaces were recorded) has nothing to compare with.
  if (before === undefined) return;
  const lines = renderChanges(diffApi(before, (JSON.parse(newLockText) as SpecLock).api));
  if (lines.length === 0) return;
  const breaking = lines.filter((line) => line.includes('**Breaking**')).length;
  console.log(
    `API changes for callers (${lines.length}, ${breaking} breaking), added to CHANGELOG.md under "Unreleased":\n${lines.join('\n')}`,
  );
  writeFileSync(CHANGELOG, withUnreleased(existsSync(CHANGELOG) ? readFileSync(CHANGELOG, 'utf8') : '', lines));
}

/** Files whose content differs from what generation produces, plus files that should not exist. */
function staleFiles(files: Map<string, string>): string[] {
  const changed = [...files].filter(([path, text]) => {
    const target = join(ROOT, path);
    return !existsSync(target) || readFileSync(target, 'utf8') !== text;
  });
  return [...changed.map(([path]) => path), ...orphanFiles(files).map((p) => `${p} (should not exist)`)];
}

function orphanFiles(files: Map<string, string>): string[] {
  return OWNED_DIRS.flatMap((dir) => listFiles(join(ROOT, dir)))
    .map((abs) => relative(ROOT, abs))
    .filter((p) => !files.has(p));
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
