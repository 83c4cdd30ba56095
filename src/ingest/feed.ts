/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds, parsed with fast-xml-parser into one item shape.
 */
import { XMLParser } from 'fast-xml-parser';
import { MarsadError } from '../core/errors.js';
import { htmlFragmentToText } from './html.js';

/** One feed entry. */
export interface FeedItem {
  /** `guid` (RSS) or `id` (Atom), else the link. */
  id: string | null;
  title: string | null;
  link: string | null;
  published: string | null;
  /** Full content when the feed carries it (`content:encoded`, Atom `content`), as plain text. */
  content: string | null;
  /** The summary (`description`, Atom `summary`), as plain text. */
  summary: string | null;
}

/** A parsed feed. */
export interface Feed {
  title: string | null;
  link: string | null;
  items: FeedItem[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  removeNSPrefix: false,
  processEntities: true,
  htmlEntities: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

type Node = Record<string, unknown>;

function text(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'object') return text((v as Node)['#text']);
  return null;
}

function plain(v: unknown): string | null {
  const t = text(v);
  if (t === null) return null;
  const p = /[<&]/u.test(t) ? htmlFragmentToText(t) : t;
  return p.trim() || null;
}

function atomLink(links: unknown): string | null {
  if (!Array.isArray(links)) return text(links);
  const nodes = links as (Node | string)[];
  const alternate = nodes.find((l) => typeof l === 'object' && (l['@rel'] === undefined || l['@rel'] === 'alternate'));
  const first = alternate ?? nodes[0];
  return typeof first === 'string' ? first.trim() || null : ((first?.['@href'] as string | undefined) ?? text(first) ?? null);
}

/** True when the text looks like an RSS, RDF or Atom document. */
export function looksLikeFeed(body: string): boolean {
  const head = body.slice(0, 2000);
  return /<rss[\s>]|<feed[\s>]|<rdf:RDF[\s>]/iu.test(head);
}

/**
 * Parses a feed.
 * @throws MarsadError `VALIDATION` when the XML is not an RSS, RDF or Atom feed.
 */
export function parseFeed(xml: string): Feed {
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (e) {
    throw new MarsadError('VALIDATION', `Not a well-formed feed: ${(e as Error).message}`);
  }
  const rss = doc.rss as Node | undefined;
  const rdf = doc['rdf:RDF'] as Node | undefined;
  const atom = doc.feed as Node | undefined;
  if (rss || rdf) {
    const channel = ((rss?.channel as Node | undefined) ?? (rdf?.channel as Node | undefined) ?? {}) as Node;
    const rawItems = ((rss ? channel.item : rdf?.item) ?? []) as Node[];
    return {
      title: text(channel.title),
      link: atomLink(channel.link),
      items: rawItems.map((it) => {
        const link = atomLink(it.link);
        return {
          id: text(it.guid) ?? text(it['@rdf:about']) ?? link,
          title: plain(it.title),
          link,
          published: text(it.pubDate) ?? text(it['dc:date']) ?? text(it.published),
          content: plain(it['content:encoded']),
          summary: plain(it.description),
        };
      }),
    };
  }
  if (atom) {
    const entries = (atom.entry ?? []) as Node[];
    return {
      title: text(atom.title),
      link: atomLink(atom.link),
      items: entries.map((e) => {
        const link = atomLink(e.link);
        return {
          id: text(e.id) ?? link,
          title: plain(e.title),
          link,
          published: text(e.published) ?? text(e.updated),
          content: plain(e.content),
          summary: plain(e.summary),
        };
      }),
    };
  }
  throw new MarsadError('VALIDATION', 'Not an RSS, RDF or Atom feed (no <rss>, <rdf:RDF> or <feed> root).');
}
