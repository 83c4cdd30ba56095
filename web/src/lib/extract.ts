/**
 * Reads a dropped file into article text. `.html` is parsed with `DOMParser`, whose
 * documents are inert (no script runs, no image loads), and only text is taken from it:
 * the `<article>` or `<main>` element when there is one, else the body, without scripts,
 * styles, navigation and forms. Block elements become line breaks so paragraphs survive.
 */

const DROP = 'script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, button';
const BLOCK = /^(P|DIV|H[1-6]|LI|BR|TR|BLOCKQUOTE|SECTION|ARTICLE|FIGCAPTION|PRE)$/;

/** The text of an HTML page, with its title. */
export function htmlToText(html: string): { title: string; text: string } {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const title = (doc.querySelector('h1')?.textContent ?? doc.title ?? '').trim();
  const root = doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body;
  if (!root) return { title, text: '' };
  root.querySelectorAll(DROP).forEach((el) => el.remove());
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      parts.push((node.textContent ?? '').replace(/\s+/gu, ' '));
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const block = BLOCK.test((node as Element).tagName);
    if (block) parts.push('\n');
    node.childNodes.forEach(walk);
    if (block) parts.push('\n');
  };
  walk(root);
  const text = parts
    .join('')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
  return { title, text };
}

/** Accepted file kinds. */
export function fileKind(file: File): 'txt' | 'html' | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.txt') || file.type === 'text/plain') return 'txt';
  if (name.endsWith('.html') || name.endsWith('.htm') || file.type === 'text/html') return 'html';
  return null;
}
