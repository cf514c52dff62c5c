/**
 * The change summary `npm run generate` prints and records in CHANGELOG.md under "Unreleased": what the
 * regenerated API adds, removes and changes for callers, breaking changes first.
 */
import type { ApiChange } from './api-diff';

const UNRELEASED = '## Unreleased';

/** The summary as Markdown list items (empty when nothing changed for callers). */
export function renderChanges(changes: readonly ApiChange[]): string[] {
  return changes.map((c) => `- ${c.breaking ? '**Breaking**: ' : ''}\`${c.fn}\`: ${c.what}`);
}

/**
 * CHANGELOG.md with `lines` added at the end of the "Unreleased" section (created at the top when missing).
 * Lines already there are not repeated, so regenerating twice records a change once.
 */
export function withUnreleased(changelog: string, lines: readonly string[]): string {
  const text = changelog.trim() === '' ? '# Changelog\n' : changelog;
  const fresh = lines.filter((line) => !text.includes(line));
  if (fresh.length === 0) return text;
  const at = text.indexOf(UNRELEASED);
  if (at === -1) {
    const firstRelease = text.search(/^## /m);
    const head = firstRelease === -1 ? text.trimEnd() : text.slice(0, firstRelease).trimEnd();
    const rest = firstRelease === -1 ? '' : `\n${text.slice(firstRelease)}`;
    return `${head}\n\n${UNRELEASED}\n\n${fresh.join('\n')}\n${rest}`.replace(/\n*$/, '\n');
  }
  const sectionEnd = text.slice(at + UNRELEASED.length).search(/^## /m);
  const end = sectionEnd === -1 ? text.length : at + UNRELEASED.length + sectionEnd;
  const section = text.slice(0, end).trimEnd();
  const after = text.slice(end);
  return `${section}\n${fresh.join('\n')}\n${after ? `\n${after}` : ''}`;
}
