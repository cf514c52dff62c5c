/**
 * Formats generated TypeScript with Biome, the formatter of the rest of the codebase, so generated code reads
 * like the hand-written code and `npm test`'s format check holds for it too. One Biome process formats every
 * file: they are written to a scratch folder in the repository (so the repository's biome.jsonc applies), formatted
 * in place and read back.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '..');
// Listed in .gitignore; the format call below reads it all the same.
const SCRATCH = join(ROOT, '.codegen-format');

/** Returns `files` with every `.ts` text formatted; other files are returned as they are. */
export function formatTypeScript(files: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map(files);
  const typescript = [...files.keys()].filter((path) => path.endsWith('.ts'));
  if (typescript.length === 0) return out;
  mkdirSync(SCRATCH, { recursive: true });
  const dir = mkdtempSync(join(SCRATCH, 'run-'));
  try {
    for (const path of typescript) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), files.get(path)!);
    }
    const biome = require.resolve('@biomejs/biome/bin/biome');
    try {
      execFileSync(process.execPath, [biome, 'format', '--write', '--vcs-use-ignore-file=false', dir], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      throw new Error(
        `biome could not format the generated code:\n${String((error as { stdout?: unknown }).stdout ?? '')}${String((error as { stderr?: unknown }).stderr ?? '')}`,
      );
    }
    for (const path of typescript) out.set(path, readFileSync(join(dir, path), 'utf8'));
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
