/**
 * Refuses to go on while the git working tree has changes: the first step of `npm publish` (`prepublishOnly`).
 *
 * `prepack` builds the tarball from the files on disk, not from a commit, so an edited or untracked source
 * file would be published without ever having been committed, reviewed or tested by CI, and the published
 * version would match no commit. Ignored files (dist/, node_modules/) do not count.
 */
import { execFileSync } from 'node:child_process';

function main(): void {
  let porcelain: string;
  try {
    porcelain = execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { encoding: 'utf8' });
  } catch (error) {
    // Outside a git checkout (say, from an unpacked tarball) there is no commit to publish from.
    console.error(`Not publishing: cannot read the git status (${(error as Error).message.split('\n')[0]}).`);
    process.exit(1);
  }
  // One line per path: two status letters, a space, the path.
  const paths = porcelain
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.slice(3));
  if (paths.length === 0) return;
  const shown = paths.slice(0, 20).map((path) => `  ${path}`);
  if (paths.length > shown.length) shown.push(`  … and ${paths.length - shown.length} more`);
  console.error(`Not publishing: the working tree has uncommitted changes. Commit or stash them first:\n${shown.join('\n')}`);
  process.exit(1);
}

main();
