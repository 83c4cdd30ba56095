/**
 * Gazetteer scans over tokens: country names (with their proclitics trimmed, and split out
 * of scraped glued pairs such as `روسياوالعراق`), nationality adjectives, and known people.
 *
 * The link stage uses these to complete what NER found; {@link createGazetteerNerStage}
 * offers them as a stand-in `ner` stage when no NER model is installed, so that linking,
 * quotes and events still work from a bare checkout (with lower recall).
 */
import type { AnalyzedDocument, Entity, EntityType, MentionVia, Token } from '../document.js';
import type { Stage } from '../pipeline.js';
import { normalize } from '../text/normalize.js';
import { cliticForms, lookupClitic } from '../discourse/lexical.js';
import type { LinkingLexicon } from './link-lexicon.js';
import { countryNameAt, nisbaAt } from './titles.js';

/** A mention found by a scan, with token and character spans. */
export interface ScannedMention {
  /** Token span `[ts, te)`. */
  ts: number;
  te: number;
  /** Character span in the original text. */
  start: number;
  end: number;
  type: EntityType;
  /** Country code for LOC country mentions, normalized name for people. */
  key: string;
  via?: MentionVia;
}

/**
 * Offset in the original text where the first `normChars` normalized characters of a
 * token end, with any diacritics on the last of them: the end of a proclitic.
 */
export function originalPrefixEnd(token: Token, normChars: number): number {
  if (normChars <= 0) return token.start;
  let count = 0;
  const text = token.text;
  let i = 0;
  while (i < text.length && count < normChars) {
    if (normalize(text[i]) !== '') count++;
    i++;
  }
  // Diacritics and tatweel that sit on the prefix letter belong to it.
  while (i < text.length && normalize(text[i]) === '') i++;
  return token.start + i;
}

/** Scans country names and glued country pairs. Tokens inside `skip` are left alone. */
export function scanCountryNames(tokens: readonly Token[], lex: LinkingLexicon, skip?: Uint8Array, hot?: Uint8Array): ScannedMention[] {
  const out: ScannedMention[] = [];
  const forms = cliticForms(tokens);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' || skip?.[i]) continue;
    const hit = hot && !hot[i] ? undefined : countryNameAt(tokens, i, lex, true, forms);
    if (hit) {
      const record = lex.countries.get(hit.code);
      const te = hit.end;
      const phrase = [hit.form, ...tokens.slice(i + 1, te).map((u) => u.norm)].join(' ');
      const via: MentionVia | undefined = record && phrase !== record.name ? 'alias' : undefined;
      out.push({ ts: i, te, start: originalPrefixEnd(t, hit.prefix), end: tokens[te - 1].end, type: 'LOC', key: hit.code, ...(via ? { via } : {}) });
      i = te - 1;
      continue;
    }
    const glued = splitGluedCountries(t, lex);
    if (glued) out.push(...glued.map((g) => ({ ...g, ts: i, te: i + 1 })));
  }
  return out;
}

/**
 * Splits a token made of two country names glued around the conjunction (`روسياوالعراق`,
 * `مصروالجزائر`), as scraped pages often have them. The repair stage does this in general;
 * this covers the case where it did not run.
 */
export function splitGluedCountries(t: Token, lex: LinkingLexicon): Omit<ScannedMention, 'ts' | 'te'>[] | undefined {
  const n = t.norm;
  if (n.length < 7 || n.length !== t.text.length || n.indexOf('و', 3) < 0 || !lex.countryTails.has(n.slice(-3))) return undefined;
  for (let k = n.indexOf('و', 3); k >= 0 && k < n.length - 3; k = n.indexOf('و', k + 1)) {
    const left = lookupClitic(lex.countrySingle, n.slice(0, k));
    const right = lex.countrySingle.get(n.slice(k + 1));
    if (left && right) {
      return [
        { start: t.start + left.prefix, end: t.start + k, type: 'LOC', key: left.value },
        { start: t.start + k + 1, end: t.end, type: 'LOC', key: right },
      ];
    }
  }
  return undefined;
}

/** Scans nationality adjectives (`العراقي`, `الروسية`) as country mentions via nisba. */
export function scanNisba(tokens: readonly Token[], lex: LinkingLexicon, skip?: Uint8Array, hot?: Uint8Array): ScannedMention[] {
  const out: ScannedMention[] = [];
  const forms = cliticForms(tokens);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' || skip?.[i] || (hot && !hot[i])) continue;
    const hit = nisbaAt(tokens, i, lex, forms);
    if (hit) out.push({ ts: i, te: i + 1, start: originalPrefixEnd(t, hit.prefix), end: t.end, type: 'LOC', key: hit.code, via: 'nisba' });
  }
  return out;
}

/** Scans the multi-word names of known people (from the actor dictionary). */
export function scanKnownPersons(tokens: readonly Token[], lex: LinkingLexicon, hot?: Uint8Array): ScannedMention[] {
  const out: ScannedMention[] = [];
  if (lex.personPhrases.size === 0) return out;
  const forms = cliticForms(tokens);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' || (hot && !hot[i])) continue;
    const hit = forms.lookup(lex.personPhrases, i, 3);
    if (!hit) continue;
    for (const entry of hit.value) {
      let ok = entry.words.length >= 2;
      for (let k = 1; ok && k < entry.words.length; k++) ok = tokens[i + k]?.norm === entry.words[k];
      if (!ok) continue;
      const te = i + entry.words.length;
      out.push({ ts: i, te, start: originalPrefixEnd(t, hit.prefix), end: tokens[te - 1].end, type: 'PER', key: entry.words.join(' ') });
      i = te - 1;
      break;
    }
  }
  return out;
}

/** Groups scanned mentions into entities (one per key), in order of first mention. */
export function entitiesFromScans(text: string, mentions: readonly ScannedMention[], lex: LinkingLexicon): Entity[] {
  const byKey = new Map<string, Entity>();
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  for (const m of sorted) {
    const k = `${m.type}:${m.key}`;
    let e = byKey.get(k);
    if (!e) {
      const name = m.type === 'LOC' ? (lex.countries.get(m.key)?.name ?? m.key) : m.key;
      e = { id: `e${byKey.size + 1}`, type: m.type, name, mentions: [] };
      byKey.set(k, e);
    }
    e.mentions.push({ start: m.start, end: m.end, text: text.slice(m.start, m.end), ...(m.via ? { via: m.via } : {}) });
  }
  return [...byKey.values()];
}

/**
 * A stand-in `ner` stage for when no NER model is installed: countries by name and known
 * people from the linking lexicon. Recall is far below a trained model's; the link stage
 * adds people named with a title and nationality adjectives on top.
 */
export function createGazetteerNerStage(lex: LinkingLexicon): Stage {
  return {
    name: 'ner',
    needs: ['tokens'],
    adds: ['entities'],
    run(doc: AnalyzedDocument) {
      const tokens = doc.tokens ?? [];
      doc.entities = entitiesFromScans(doc.text, [...scanCountryNames(tokens, lex), ...scanKnownPersons(tokens, lex)], lex);
    },
  };
}
