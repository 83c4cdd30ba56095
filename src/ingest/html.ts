/**
 * The main article of an HTML page, extracted with Mozilla's Readability (the engine of
 * Firefox Reader View) over linkedom's DOM, then turned into plain text with one line per
 * block, so paragraphs and headings never run into each other (Readability's own
 * `textContent` glues `عنوان الخبر` to the first paragraph).
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { MarsadError } from '../core/errors.js';

/** What the extractor found in a page. */
export interface ExtractedArticle {
  title: string | null;
  text: string;
  /** Publication time from the page's metadata, as written there. */
  published: string | null;
  siteName: string | null;
  lang: string | null;
}

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3',
  'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Plain text of a DOM subtree: blocks on their own lines, runs of white space collapsed. */
export function domToText(root: DomNode): string {
  const parts: string[] = [];
  const walk = (node: DomNode): void => {
    if (node.nodeType === 3) {
      parts.push((node.textContent ?? '').replace(/\s+/gu, ' '));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    const block = BLOCK.has(name);
    if (block) parts.push('\n');
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]);
    if (block) parts.push('\n');
  };
  walk(root);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

type HtmlDocument = ReturnType<typeof parseHTML>['document'];

function meta(document: HtmlDocument, ...names: string[]): string | null {
  for (const n of names) {
    const el = document.querySelector(`meta[property="${n}"], meta[name="${n}"], meta[itemprop="${n}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

/** The publication time from JSON-LD `datePublished`, if the page has it. */
function jsonLdDate(document: HtmlDocument): string | null {
  for (const el of Array.from(document.querySelectorAll('script[type="application/ld+json"]')) as { textContent: string | null }[]) {
    const m = /"datePublished"\s*:\s*"([^"]+)"/u.exec(el.textContent ?? '');
    if (m) return m[1];
  }
  return null;
}

/**
 * Extracts the main article of an HTML page.
 * @throws MarsadError `EMPTY_INPUT` when no article text can be found.
 */
export function extractArticle(html: string, url?: string): ExtractedArticle {
  const { document } = parseHTML(html);
  // Read metadata before Readability, which rewrites the document.
  const published =
    meta(document, 'article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'publish-date', 'date', 'dc.date') ??
    jsonLdDate(document) ??
    document.querySelector('time[datetime]')?.getAttribute('datetime') ??
    null;
  const lang = document.documentElement?.getAttribute('lang') ?? null;
  const ogTitle = meta(document, 'og:title', 'twitter:title');
  const siteName = meta(document, 'og:site_name', 'application-name');
  const parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 100 }).parse();
  let text = '';
  let title = parsed?.title?.trim() || ogTitle || null;
  if (parsed?.content) {
    const { document: articleDoc } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`);
    text = domToText(articleDoc.body as unknown as DomNode);
  }
  if (text === '') {
    const { document: whole } = parseHTML(html);
    text = whole.body ? domToText(whole.body as unknown as DomNode) : '';
  }
  // The headline is usually repeated as the article's first line: keep it as the title only.
  const lines = text.split('\n');
  if (title && lines.length > 1 && (title.startsWith(lines[0]) || lines[0] === ogTitle)) {
    if (lines[0].length >= 8) title = lines[0];
    text = lines.slice(1).join('\n');
  }
  if (text.trim() === '') {
    throw new MarsadError('EMPTY_INPUT', `No article text found in the page${url ? ` ${url}` : ''}.`, url ? { url } : undefined);
  }
  return { title, text, published: published ?? parsed?.publishedTime ?? null, siteName: siteName ?? parsed?.siteName ?? null, lang: parsed?.lang ?? lang };
}

/** Plain text of an HTML fragment (feed descriptions and content). */
export function htmlFragmentToText(fragment: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${fragment}</body></html>`);
  return document.body ? domToText(document.body as unknown as DomNode) : '';
}
