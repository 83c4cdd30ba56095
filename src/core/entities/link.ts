/**
 * Entity linking within one article: the `link` stage.
 *
 * NER gives one entity per distinct name. Readers think in people and countries, so this
 * stage rewrites the entity list:
 *
 * - people: a full name, later the surname alone (`الجعفري` → `إبراهيم الجعفري`), and a
 *   bare title (`الوزير`, `المتحدث`) resolved to the most recent person whose role fits;
 * - countries: names, aliases (`روسيا الاتحادية` = `روسيا`) and nationality adjectives
 *   (`العراقي`, `الروسية`: mentions with `via: "nisba"`), all under the country's canonical
 *   name;
 * - roles, read from titles in apposition (`وزير الخارجية الروسي، سيرجي لافروف`), after the
 *   name (`سامية رؤوف، رئيسة الغرفة`), and borrowed by a counterpart (`نظيره الروسي`).
 *
 * Scans are linear in the tokens; every lexicon hit is a Map lookup.
 */
import type { AnalyzedDocument, Entity, EntityType, Mention, MentionVia, Role, Token } from '../document.js';
import type { Stage } from '../pipeline.js';
import { normalize } from '../text/normalize.js';
import { cliticForms, FUNCTION_WORDS, HONORIFICS, lookupClitic, stripArticle, stripConjunction, withClitics, words, type CliticForms } from '../discourse/lexical.js';
import { scanInstitutions } from './institutions.js';
import { originalPrefixEnd, scanCountryNames, scanKnownPersons, scanNisba, splitGluedCountries, type ScannedMention } from './gazetteer.js';
import type { LinkingLexicon, TitleTrieNode } from './link-lexicon.js';
import { COUNTERPARTS, countryNameAt, HEAD_LOOKUP, headClass, isRegionAdjective, matchTitle, nameAfter, nisbaAt, titleAfterName, type TitleMatch } from './titles.js';

/** What the link stage needs: the linking lexicon (see `loadLinkingLexicon`). */
export interface LinkResources {
  lexicon: LinkingLexicon;
}

/** A mention being linked, with its token span. */
interface WorkMention {
  ts: number;
  te: number;
  start: number;
  end: number;
  via?: MentionVia;
}

/** A role with what linking needs to compare titles. */
interface WorkRole {
  title: string;
  cls: string;
  /** The title's words without articles, for comparing `وزير الخارجية` with `وزير خارجية`. */
  bare: string;
  country?: string;
  org?: string;
}

interface PersonCluster {
  words: string[];
  mentions: WorkMention[];
  roles: WorkRole[];
}

/** Index of the token that contains offset `off` (the last token starting at or before it). */
function tokenAt(tokens: readonly Token[], off: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tokens[mid].start <= off) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Normalized words of a name, with a leading conjunction or honorific dropped. */
function nameWords(text: string): string[] {
  const ws = words(normalize(text).replace(/[^\p{L}\p{M}\s]/gu, ' ').replace(/\s+/gu, ' ').trim());
  return ws;
}

const bareTitle = (title: string): string => words(title).map(stripArticle).join(' ');

/** Builds the title trie with the head words as roots (they are matched separately). */
function titleTrie(lex: LinkingLexicon): TitleTrieNode {
  return lex.titleTrie;
}

/** A title seen in the text, and what it turned out to introduce. */
interface TitleOccurrence {
  match: TitleMatch;
  /** Token span of the name it introduces, if any. */
  name?: { start: number; end: number };
  /** True when it stands after a name in apposition. */
  postposed?: boolean;
}

/**
 * Links the entities of a document. Pure: returns a new entity list and leaves `doc`
 * unchanged.
 */
export function linkEntities(doc: AnalyzedDocument, lex: LinkingLexicon): Entity[] {
  const tokens = doc.tokens ?? [];
  const text = doc.text;
  const trie = titleTrie(lex);
  const n = tokens.length;
  if (n === 0) return doc.entities ?? [];
  const forms = cliticForms(tokens);
  // One lookup per token says whether any scan can match there.
  const any = anyWordOf(lex);
  const hot = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (tokens[i].kind === 'word' && any.has(tokens[i].norm)) hot[i] = 1;

  // 1. NER mentions, sorted into people, countries and the rest.
  const personSpans: WorkMention[] = [];
  const countryMentions: ScannedMention[] = [];
  const others = new Map<string, { type: EntityType; name: string; mentions: WorkMention[] }>();
  for (const e of doc.entities ?? []) {
    for (const m of e.mentions) {
      const ts = tokenAt(tokens, m.start);
      const te = Math.max(ts + 1, tokenAt(tokens, Math.max(m.start, m.end - 1)) + 1);
      const wm: WorkMention = { ts, te, start: m.start, end: m.end };
      if (e.type === 'PER') {
        // A conjunction and a nationality adjective end the name (`الرئيسان الأمريكي باراك
        // أوباما والتركي رجب طيب أردوغان`): NER sometimes runs the name on into the next one's adjective.
        while (wm.te - wm.ts >= 2 && tokens[wm.te - 1].norm[0] === 'و' && nisbaAt(tokens, wm.te - 1, lex, forms)) {
          wm.te--;
          wm.end = tokens[wm.te - 1].end;
        }
        personSpans.push(wm);
        continue;
      }
      // Countries are recognized on the tokens, so clitics NER kept or trimmed do not matter.
      const country = countryNameAt(tokens, ts, lex, true, forms);
      if (country && country.end === te) {
        countryMentions.push({ ...wm, type: 'LOC', key: country.code });
        continue;
      }
      // A glued pair NER took for one place (العراقوروسيا): the two countries.
      const glued = te === ts + 1 ? splitGluedCountries(tokens[ts], lex) : undefined;
      if (glued && m.start <= tokens[ts].start && m.end >= tokens[ts].end) {
        for (const g of glued) countryMentions.push({ ...g, ts, te });
        continue;
      }
      // NER often stops before the adjective of `أمريكا الجنوبية` or `آسيا الوسطى`; the place is the whole phrase.
      if (e.type === 'LOC' && m.end === tokens[te - 1].end && isRegionAdjective(tokens[te])) {
        wm.te = te + 1;
        wm.end = tokens[te].end;
      }
      const norm = nameWords(text.slice(wm.start, wm.end)).join(' ');
      const nis = wm.te === ts + 1 ? nisbaAt(tokens, ts, lex, forms) : undefined;
      const named = countryOfPhrase(norm, lex);
      if (named) {
        countryMentions.push({ ...wm, type: 'LOC', key: named });
      } else if (nis) {
        countryMentions.push({ ...wm, type: 'LOC', key: nis.code, via: 'nisba' });
      } else {
        // NER trims real conjunctions; a leading و here is a letter (واشنطن).
        const key = `${e.type}:${norm}`;
        const o = others.get(key) ?? { type: e.type, name: norm, mentions: [] };
        o.mentions.push(wm);
        others.set(key, o);
      }
    }
  }

  // 2. Known people from the lexicon, where NER has nothing.
  for (const m of scanKnownPersons(tokens, lex, hot)) {
    if (!personSpans.some((p) => p.start < m.end && m.start < p.end)) personSpans.push({ ts: m.ts, te: m.te, start: m.start, end: m.end });
  }
  const knownStart = new Map<number, number>();
  for (const p of personSpans) if (!knownStart.has(p.ts) || (knownStart.get(p.ts) ?? 0) < p.te) knownStart.set(p.ts, p.te);

  // 3. Titles, the names they introduce, and organizations named in quotes (وكالة "سبوتنيك").
  // A word NER put in a place, organization or other name is not part of a person's name.
  const taken = new Uint8Array(n);
  for (const m of countryMentions) taken.fill(1, m.ts, m.te);
  for (const o of others.values()) for (const m of o.mentions) taken.fill(1, m.ts, m.te);
  /**
   * A name read after a title or an honorific becomes a person where NER found none. Where NER
   * found only its tail (`د. سامية رؤوف`, NER `رؤوف`), the cue says where the name starts, so
   * the person's mention takes the whole name.
   */
  const addNameAfterCue = (name: { start: number; end: number }): void => {
    const overlapping = personSpans.filter((p) => p.ts < name.end && name.start < p.te);
    const start = tokens[name.start].start;
    if (overlapping.length === 0) {
      personSpans.push({ ts: name.start, te: name.end, start, end: tokens[name.end - 1].end });
      knownStart.set(name.start, name.end);
    } else if (overlapping.length === 1 && overlapping[0].te === name.end && overlapping[0].ts > name.start) {
      const p = overlapping[0];
      knownStart.delete(p.ts);
      p.ts = name.start;
      p.start = start;
      knownStart.set(name.start, name.end);
    }
  };
  const occurrences: TitleOccurrence[] = [];
  for (let i = 0; i < n; i++) {
    if (!hot[i]) continue;
    const m = matchTitle(tokens, i, lex, trie, forms);
    if (!m) continue;
    const name = nameAfter(tokens, m.end, lex, knownStart, taken);
    occurrences.push(name ? { match: m, name } : { match: m });
    if (name) addNameAfterCue(name);
    i = Math.max(i, (name?.end ?? m.end) - 1);
  }
  // Names after an honorific (`د. سامية رؤوف`, `الدكتور …`), with no title before them.
  for (let i = 0; i < n; i++) {
    if (tokens[i].kind !== 'word' || !HONORIFICS.has(tokens[i].norm) || knownStart.has(i + 1)) continue;
    const name = nameAfter(tokens, i, lex, knownStart, taken);
    if (name && name.end - name.start >= 2) addNameAfterCue(name);
  }
  const quoted = quotedOrganizations(tokens);
  // The quoted words are the organization's name: a place or other name NER found inside
  // them (`الشرق الأوسط` in لوكالة "أنباء الشرق الأوسط") is part of it, not a mention of its own.
  const insideQuoted = (m: WorkMention, key: string): boolean => quoted.some((o) => `ORG:${o.name}` !== key && o.mention.start <= m.start && m.end <= o.mention.end);
  for (const [key, entry] of others) {
    entry.mentions = entry.mentions.filter((m) => !insideQuoted(m, key));
    if (entry.mentions.length === 0) others.delete(key);
  }
  for (let k = countryMentions.length - 1; k >= 0; k--) if (insideQuoted(countryMentions[k], '')) countryMentions.splice(k, 1);
  // So is a person NER read into them (`ام تي` in قناة «ام تي في»).
  for (let k = personSpans.length - 1; k >= 0; k--) if (insideQuoted(personSpans[k], '')) personSpans.splice(k, 1);
  for (const o of quoted) {
    const key = `ORG:${o.name}`;
    const entry = others.get(key) ?? { type: 'ORG' as EntityType, name: o.name, mentions: [] };
    if (!entry.mentions.some((m) => m.start === o.mention.start)) entry.mentions.push(o.mention);
    others.set(key, entry);
  }

  // Institutions NER leaves untagged, as ANERcorp does (`وزارة الداخلية`), where NER found no person or organization.
  const claimed = new Uint8Array(n);
  for (const p of personSpans) claimed.fill(1, p.ts, p.te);
  for (const o of others.values()) if (o.type !== 'LOC') for (const m of o.mentions) claimed.fill(1, m.ts, m.te);
  for (const inst of scanInstitutions(tokens, claimed)) {
    const key = `ORG:${inst.name}`;
    const entry = others.get(key) ?? { type: 'ORG' as EntityType, name: inst.name, mentions: [] };
    entry.mentions.push({ ts: inst.ts, te: inst.te, start: inst.start, end: inst.end });
    others.set(key, entry);
  }

  // 4. People: merge full names, surnames and longer forms into clusters.
  personSpans.sort((a, b) => a.start - b.start || b.end - a.end);
  const people: PersonCluster[] = [];
  const covered = new Uint8Array(n);
  const clusterOf = new Map<WorkMention, PersonCluster>();
  for (const m of dedupeSpans(personSpans)) {
    const ws = stripHonorifics(nameWords(text.slice(m.start, m.end)));
    if (ws.length === 0) continue;
    let cluster = findPerson(people, ws);
    if (!cluster) {
      cluster = { words: ws, mentions: [], roles: [] };
      people.push(cluster);
    } else if (ws.length > cluster.words.length) {
      cluster.words = ws;
    }
    const via: MentionVia | undefined = ws.length === 1 && cluster.words.length > 1 ? 'surname' : undefined;
    const wm: WorkMention = { ...m, ...(via ? { via } : {}) };
    cluster.mentions.push(wm);
    clusterOf.set(wm, cluster);
    for (let k = m.ts; k < m.te; k++) covered[k] = 1;
  }
  rescanNames(tokens, people, covered, lex, forms);

  // 5. Roles from appositions: direct titles first, then counterparts that borrow them.
  const byStartToken = new Map<number, PersonCluster>();
  for (const p of people) for (const m of p.mentions) if (!byStartToken.has(m.ts)) byStartToken.set(m.ts, p);
  const personAtToken = (ts: number): PersonCluster | undefined => byStartToken.get(ts);
  for (const occ of occurrences) {
    if (!occ.name || occ.match.counterpart) continue;
    const p = personAtToken(occ.name.start);
    if (p) addRole(p, roleOf(occ.match));
  }
  for (const p of people) {
    for (const m of p.mentions) {
      const post = titleAfterName(tokens, m.te, lex, trie);
      if (!post) continue;
      addRole(p, roleOf(post));
      const occ = occurrences.find((o) => o.match.start === post.start);
      if (occ) occ.postposed = true;
    }
  }
  // Named mentions in text order (bare-title mentions, added below, never count as antecedents).
  const named = people.flatMap((p) => p.mentions.map((m) => ({ m, p }))).sort((a, b) => a.m.start - b.m.start);
  /** The last named mention ending before `off` that passes `ok`. */
  const lastBefore = (off: number, ok: (p: PersonCluster) => boolean): PersonCluster | undefined => {
    for (let k = named.length - 1; k >= 0; k--) if (named[k].m.end <= off && ok(named[k].p)) return named[k].p;
    return undefined;
  };
  for (const occ of occurrences) {
    if (!occ.name || !occ.match.counterpart) continue;
    const target = personAtToken(occ.name.start);
    const startOff = tokens[occ.match.start].start;
    const referent = lastBefore(startOff, (p) => p !== target);
    const borrowed = referent?.roles.find((r) => r.title !== '');
    if (target && borrowed) addRole(target, { ...borrowed, country: occ.match.country });
  }
  for (const p of people) {
    const code = lex.personCountry.get(p.words.join(' '));
    if (code) for (const r of p.roles) r.country ??= code;
  }

  // 6. Bare titles: the most recent person whose role fits.
  for (const occ of occurrences) {
    if (occ.name || occ.postposed || occ.match.counterpart) continue;
    const startTok = tokens[occ.match.start];
    const startOff = startTok.start;
    // Only named mentions count: a title inside someone's quote (`أعلمنا وزير الخارجية العراقي`)
    // does not make its referent the topic of the next sentence.
    const referent = lastBefore(startOff, (p) => p.roles.some((r) => fits(occ.match, r)));
    if (!referent) continue;
    const prefix = startTok.norm.length - stripPrefixFor(startTok.norm, occ.match).length;
    referent.mentions.push({
      ts: occ.match.start,
      te: occ.match.end,
      start: originalPrefixEnd(startTok, prefix),
      end: tokens[occ.match.end - 1].end,
      via: 'title',
    });
  }

  // 7. Countries: names NER missed, glued pairs, and nationality adjectives outside names.
  const personCovered = new Uint8Array(n);
  for (const p of people) for (const m of p.mentions) if (m.via !== 'title') for (let k = m.ts; k < m.te; k++) personCovered[k] = 1;
  countryMentions.push(...scanCountryNames(tokens, lex, personCovered, hot), ...scanNisba(tokens, lex, personCovered, hot));

  // 8. Assemble.
  const entities: { type: EntityType; name: string; mentions: WorkMention[]; roles?: Role[] }[] = [];
  for (const p of people) {
    const roles = p.roles.map((r) => toRole(r, lex));
    entities.push({ type: 'PER', name: canonicalPersonName(p), mentions: p.mentions, ...(roles.length ? { roles } : {}) });
  }
  const byCountry = new Map<string, WorkMention[]>();
  for (const c of countryMentions) {
    const list = byCountry.get(c.key) ?? [];
    list.push(c);
    byCountry.set(c.key, list);
  }
  for (const [code, ms] of byCountry) entities.push({ type: 'LOC', name: lex.countries.get(code)?.name ?? code, mentions: ms });
  for (const o of others.values()) entities.push({ type: o.type, name: o.name, mentions: o.mentions });
  dropNestedPlaces(entities);

  const out: Entity[] = [];
  for (const e of entities) {
    const ms = dedupeSpans(e.mentions);
    if (ms.length === 0) continue;
    out.push({
      id: '',
      type: e.type,
      name: e.name,
      mentions: ms.map((m): Mention => ({ start: m.start, end: m.end, text: text.slice(m.start, m.end), ...(m.via ? { via: m.via } : {}) })),
      ...(e.roles ? { roles: e.roles } : {}),
    });
  }
  out.sort((a, b) => a.mentions[0].start - b.mentions[0].start);
  out.forEach((e, i) => (e.id = `e${i + 1}`));
  return out;
}

const anyWordCache = new WeakMap<LinkingLexicon, Set<string>>();

/**
 * The lexicon's first words, the title heads and the counterpart nouns, with every
 * proclitic they may carry: what the hot-token filter looks up, once per token.
 */
function anyWordOf(lex: LinkingLexicon): Set<string> {
  let m = anyWordCache.get(lex);
  if (!m) {
    m = withClitics([...lex.anyWord.keys(), ...HEAD_LOOKUP.keys(), ...COUNTERPARTS]);
    anyWordCache.set(lex, m);
  }
  return m;
}

/** The country a whole normalized phrase names (`روسيا`, `والعراق`, `روسيا الاتحادية`), if any. */
function countryOfPhrase(norm: string, lex: LinkingLexicon): string | undefined {
  const ws = words(norm);
  if (ws.length === 0) return undefined;
  const hit = lookupClitic(lex.countryPhrases, ws[0], 2);
  const rest = ws.slice(1).join(' ');
  return hit?.value.find((p) => p.words.length === ws.length && p.words.slice(1).join(' ') === rest)?.value;
}

/** The part of a title's first word after its proclitics (`والوزير` → `الوزير`). */
function stripPrefixFor(norm: string, m: TitleMatch): string {
  const first = m.title.split(' ')[0] ?? '';
  return first && norm.endsWith(first) ? first : norm;
}

/** Honorifics that may open a name span (`الدكتور`) are not part of the name. */
function stripHonorifics(ws: string[]): string[] {
  let i = 0;
  while (i < ws.length - 1 && /^(?:د|الدكتور|الدكتورة|السيد|السيدة|المهندس|الشيخ|اللواء|العميد|الفريق)$/u.test(ws[i])) i++;
  return ws.slice(i);
}

/**
 * Drops every place mention that lies inside a longer place mention, of any entity: the
 * country scan finds `السودان` inside `جنوب السودان` and `أمريكا` inside `أمريكا اللاتينية`,
 * but the longer name is the place meant, and counting the shorter one too would put Sudan
 * or the United States in an article that never mentions them. A place inside an organization
 * or a nationality adjective inside a title still counts (`وزارة الخارجية الروسية` is about Russia).
 */
function dropNestedPlaces(entities: { type: EntityType; mentions: WorkMention[] }[]): void {
  const places = entities.filter((e) => e.type === 'LOC').flatMap((e) => e.mentions);
  if (places.length < 2) return;
  const nested = new Set<WorkMention>();
  for (const m of places) {
    for (const o of places) {
      if (o !== m && o.start <= m.start && m.end <= o.end && o.end - o.start > m.end - m.start) {
        nested.add(m);
        break;
      }
    }
  }
  if (nested.size === 0) return;
  for (const e of entities) if (e.type === 'LOC') e.mentions = e.mentions.filter((m) => !nested.has(m));
}

/** Removes duplicate and nested spans of one entity, keeping the longest. */
function dedupeSpans<T extends WorkMention>(ms: readonly T[]): T[] {
  const sorted = [...ms].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: T[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) {
      // Overlap: keep the longer; the same span found twice keeps what either knew of it.
      if (m.end - m.start > last.end - last.start) out[out.length - 1] = m;
      else if (m.start === last.start && m.end === last.end && last.via === undefined && m.via !== undefined) out[out.length - 1] = { ...last, via: m.via };
      continue;
    }
    out.push(m);
  }
  return out;
}

/** Same word, allowing a conjunction glued to one of them. */
const sameWord = (a: string, b: string): boolean => a === b || stripConjunction(a, 3) === b || a === stripConjunction(b, 3);

/** The cluster a name belongs to: equal, a surname of it, or a longer or shorter form of it. */
function findPerson(people: PersonCluster[], ws: string[]): PersonCluster | undefined {
  for (let i = people.length - 1; i >= 0; i--) {
    const c = people[i].words;
    if (c.length === ws.length && c.every((w, k) => sameWord(w, ws[k]))) return people[i];
  }
  const last = ws[ws.length - 1];
  for (let i = people.length - 1; i >= 0; i--) {
    const c = people[i].words;
    const cLast = c[c.length - 1];
    if (!sameWord(cLast, last) || last.length < 3) continue;
    // A surname alone, a shorter or longer tail of the name (`آل طاوي`, `عبدالله آل طاوي`),
    // or first and last names agreeing (a middle name may come and go).
    const [short, long] = ws.length <= c.length ? [ws, c] : [c, ws];
    const tail = short.every((w, k) => sameWord(w, long[long.length - short.length + k]));
    if (ws.length === 1 || c.length === 1 || tail || sameWord(c[0], ws[0])) return people[i];
  }
  return undefined;
}

/**
 * Finds full names and surnames NER did not mark: a word equal to a known person's last
 * name (≥ 3 letters, not a function word, title or place) is a mention of the most recent
 * such person.
 */
function rescanNames(tokens: readonly Token[], people: PersonCluster[], covered: Uint8Array, lex: LinkingLexicon, forms: CliticForms): void {
  const bySurname = new Map<string, PersonCluster[]>();
  for (const p of people) {
    if (p.words.length < 2) continue;
    const last = p.words[p.words.length - 1];
    if (last.length < 3 || FUNCTION_WORDS.has(last)) continue;
    const list = bySurname.get(last) ?? [];
    list.push(p);
    bySurname.set(last, list);
  }
  if (bySurname.size === 0) return;
  const anySurname = withClitics(bySurname.keys());
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' || covered[i] || !anySurname.has(t.norm)) continue;
    const hit = forms.lookup(bySurname, i, 3);
    if (!hit) continue;
    if (headClass(tokens, i, forms) !== undefined || nisbaAt(tokens, i, lex, forms) || countryNameAt(tokens, i, lex, true, forms)) continue;
    // The full name, when the words before spell it out.
    const candidates = hit.value;
    let chosen = candidates[0];
    if (candidates.length > 1) {
      let best = -1;
      for (const p of candidates) {
        const lastBefore = p.mentions.filter((m) => m.end <= t.start).reduce((a, m) => Math.max(a, m.end), -1);
        if (lastBefore > best) {
          best = lastBefore;
          chosen = p;
        }
      }
    }
    const full = chosen.words;
    const fs = i - (full.length - 1);
    const isFull = hit.prefix === 0 && fs >= 0 && full.every((w, k) => sameWord(tokens[fs + k].norm, w)) && !covered.subarray(fs, i).some(Boolean);
    if (isFull) {
      const first = tokens[fs];
      const pre = first.norm.length - full[0].length;
      chosen.mentions.push({ ts: fs, te: i + 1, start: originalPrefixEnd(first, Math.max(0, pre)), end: t.end });
      for (let k = fs; k <= i; k++) covered[k] = 1;
    } else {
      chosen.mentions.push({ ts: i, te: i + 1, start: originalPrefixEnd(t, hit.prefix), end: t.end, via: 'surname' });
      covered[i] = 1;
    }
  }
  for (const p of people) p.mentions.sort((a, b) => a.start - b.start);
}

/** Institution nouns before a quoted name: `وكالة "سبوتنيك"`, `صحيفة «الأهرام»`. */
const INSTITUTION_NOUNS: ReadonlyMap<string, true> = new Map(
  [
    'وكالة', 'صحيفة', 'جريدة', 'قناة', 'محطة', 'فضائية', 'شبكة', 'موقع', 'مجلة', 'اذاعة', 'تلفزيون',
    'حزب', 'حركة', 'تنظيم', 'جماعة', 'جبهة', 'تحالف', 'ائتلاف', 'منظمة', 'جمعية', 'مؤسسة', 'هيئة', 'اتحاد', 'مركز',
    'شركة', 'مجموعة', 'بنك', 'مصرف', 'نادي', 'فريق', 'جامعة', 'مستشفى',
  ]
    .map((w) => normalize(w))
    .flatMap((w): [string, true][] => [
      [w, true],
      ['ال' + w, true],
    ]),
);

/** Organizations named in quotes after an institution noun (the quoted words, up to five). */
function quotedOrganizations(tokens: readonly Token[]): { name: string; mention: WorkMention }[] {
  const out: { name: string; mention: WorkMention }[] = [];
  for (let i = 0; i + 2 < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' || tokens[i + 1].kind !== 'quote' || !lookupClitic(INSTITUTION_NOUNS, t.norm, 3)) continue;
    let j = i + 2;
    while (j < tokens.length && j < i + 7 && tokens[j].kind === 'word') j++;
    if (j === i + 2 || tokens[j]?.kind !== 'quote') continue;
    out.push({ name: tokens.slice(i + 2, j).map((u) => u.norm).join(' '), mention: { ts: i + 2, te: j, start: tokens[i + 2].start, end: tokens[j - 1].end } });
    i = j;
  }
  return out;
}

function roleOf(m: TitleMatch): WorkRole {
  return { title: m.title, cls: m.cls, bare: bareTitle(m.title), ...(m.country ? { country: m.country } : {}), ...(m.org ? { org: m.org } : {}) };
}

function addRole(p: PersonCluster, r: WorkRole): void {
  if (!r.title) return;
  const same = p.roles.find((x) => x.bare === r.bare && (x.country === r.country || x.country === undefined || r.country === undefined));
  if (same) {
    same.country ??= r.country;
    same.org ??= r.org;
    return;
  }
  p.roles.push(r);
}

/** Whether a bare title can stand for a person holding `role`. */
function fits(m: TitleMatch, role: WorkRole): boolean {
  if (m.cls !== role.cls) return false;
  if (!m.headOnly && bareTitle(m.title) !== role.bare) return false;
  if (m.country !== undefined && role.country !== undefined && m.country !== role.country) return false;
  return true;
}

function toRole(r: WorkRole, lex: LinkingLexicon): Role {
  const role: Role = { title: r.title };
  if (r.country) role.country = lex.countries.get(r.country)?.name ?? r.country;
  if (r.org) role.org = r.org;
  return role;
}

/**
 * The longest named form (most words). A leading و or ف is kept: in a name it is far more
 * often a letter (فيصل, وليد) than a conjunction, and NER trims real conjunctions.
 */
function canonicalPersonName(p: PersonCluster): string {
  return p.words.join(' ');
}

/** The `link` stage: needs `entities` and `sentences`; rewrites `entities`. */
export function createLinkStage(resources: LinkResources): Stage {
  return {
    name: 'link',
    needs: ['entities', 'sentences'],
    adds: ['entities'],
    run(doc) {
      doc.entities = linkEntities(doc, resources.lexicon);
    },
  };
}
