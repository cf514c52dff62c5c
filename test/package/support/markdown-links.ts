import { posix } from 'node:path';

// The links of a Markdown document, as a registry page or an editor renders them: inline links and images
// in the prose, not the text of code blocks and code spans (where `[a](b)` is code, not a link).

/** The target of every inline link and image (`[text](target)`, `![alt](target)`), in document order. */
export function markdownLinks(markdown: string): string[] {
  const prose = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/!?\[[^\]\n]*\]\(\s*<?([^\s)>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1] as string);
}

/**
 * The file a link points to inside the package, relative to its root (`docs/API.md#x` from README.md gives
 * `docs/API.md`); undefined for links that leave the document's files: a URL with a scheme (`https:`,
 * `mailto:`) or an anchor in the same document.
 */
export function linkedFile(fromDocument: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) return undefined;
  const path = decodeURIComponent(target.replace(/[#?].*$/, ''));
  // A path that climbs out of the package keeps its leading `../`, so it matches no file of the package.
  return posix.normalize(path.startsWith('/') ? path.slice(1) : posix.join(posix.dirname(fromDocument), path));
}
