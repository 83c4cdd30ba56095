/**
 * Readers for treebank files: the reduced PADT format (`items<TAB>tags`, one sentence per
 * line) and CoNLL-U. Both give sentences of surface tokens, each with its syntactic words,
 * which is what training and the CoNLL 2018 evaluation need.
 *
 * How the reduced format's fused tokens are recovered: an item tagged `_` is a fused
 * surface token, and the items after it are its parts, but their number is not written.
 * We try 2 to 5 parts (stopping at the next `_` item or at the end of the line) and keep
 * the count whose concatenation spells the surface token most cheaply under
 * {@link restorationCost}, i.e. modulo the orthography PADT restores in parts (`لل` → `ل ال`,
 * `ت` → `ة` before a suffix, hamza and alef maqsura, `نقلوه` → `نقلوا ه`, `مما` → `من ما`).
 * Ties go to fewer parts. An item whose form is `_` and whose tag is `_` carries no word
 * (an artefact of the extraction, sometimes found between a fused token and its parts) and
 * is dropped before parts are counted.
 */
import { MarsadError } from '../errors.js';
import { cleanForm, matchWordAt, restorationCost } from './orthography.js';

/** A syntactic word of a treebank. */
export interface TreebankWord {
  form: string;
  /** Universal POS, or undefined when the file has none. */
  upos?: string;
  /** Lemma as written in the file (PADT: vocalized), or undefined when absent (`_`). */
  lemma?: string;
}

/** A surface token with its syntactic words (one word when not fused). */
export interface TreebankToken {
  form: string;
  words: TreebankWord[];
}

/** A sentence of surface tokens. */
export interface TreebankSentence {
  id?: string;
  text?: string;
  tokens: TreebankToken[];
}

/** What the reader recovered, for the record. */
export interface TreebankStats {
  sentences: number;
  tokens: number;
  words: number;
  fused: number;
  /** Fused tokens by number of parts. */
  partCounts: Record<number, number>;
  /** Fused tokens whose best part count still left a spelling difference that restoration does not explain. */
  unresolved: number;
  /** Items of form `_` tagged `_`, dropped. */
  droppedEmpty: number;
}

/** A parsed treebank with its statistics. */
export interface Treebank {
  sentences: TreebankSentence[];
  stats: TreebankStats;
  /** Whether the file carries lemmas (CoNLL-U with a LEMMA column that is not all `_`). */
  hasLemmas: boolean;
  /** Whether the file carries UPOS tags. */
  hasUpos: boolean;
}

function emptyStats(): TreebankStats {
  return { sentences: 0, tokens: 0, words: 0, fused: 0, partCounts: {}, unresolved: 0, droppedEmpty: 0 };
}

/** Picks how many of `items[from…]` are parts of the fused `surface`; see the module comment. */
export function recoverPartCount(surface: string, items: readonly string[], tags: readonly string[], from: number): { count: number; cost: number } {
  const clean = cleanForm(surface);
  let best = { count: 0, cost: Number.POSITIVE_INFINITY };
  let concat = '';
  for (let k = 1; k <= 5 && from + k - 1 < items.length; k++) {
    if (tags[from + k - 1] === '_') break;
    concat += cleanForm(items[from + k - 1]);
    if (k < 2) continue;
    const cost = restorationCost(clean, concat);
    if (cost < best.cost) best = { count: k, cost };
  }
  if (best.count === 0) {
    // A fused item followed by fewer than two parts: keep what there is.
    let k = 0;
    while (from + k < items.length && tags[from + k] !== '_' && k < 1) k++;
    best = { count: k, cost: Number.POSITIVE_INFINITY };
  }
  return best;
}

/**
 * Parses the reduced PADT format: one sentence per line, `items<TAB>tags`.
 * @throws MarsadError `VALIDATION` on a line whose item and tag counts differ.
 */
export function parsePadtTxt(content: string): Treebank {
  const stats = emptyStats();
  const sentences: TreebankSentence[] = [];
  const lines = content.split('\n');
  for (let ln = 0; ln < lines.length; ln++) {
    const line = lines[ln].replace(/\r$/u, '');
    if (line.trim() === '') continue;
    const tab = line.indexOf('\t');
    if (tab < 0) throw new MarsadError('VALIDATION', `Line ${ln + 1}: expected "items<TAB>tags".`, { line: ln + 1 });
    const allItems = line.slice(0, tab).split(' ').filter((s) => s !== '');
    const allTags = line.slice(tab + 1).split(' ').filter((s) => s !== '');
    if (allItems.length !== allTags.length) {
      throw new MarsadError('VALIDATION', `Line ${ln + 1}: ${allItems.length} items but ${allTags.length} tags.`, { line: ln + 1 });
    }
    // Items "_" tagged "_" carry no word; they may even sit between a fused token and its parts.
    const items: string[] = [];
    const tags: string[] = [];
    for (let i = 0; i < allItems.length; i++) {
      if (allItems[i] === '_' && allTags[i] === '_') {
        stats.droppedEmpty++;
        continue;
      }
      items.push(allItems[i]);
      tags.push(allTags[i]);
    }
    const tokens: TreebankToken[] = [];
    for (let i = 0; i < items.length; ) {
      if (tags[i] !== '_') {
        tokens.push({ form: items[i], words: [{ form: items[i], upos: tags[i] }] });
        i++;
        continue;
      }
      const { count, cost } = recoverPartCount(items[i], items, tags, i + 1);
      if (count === 0) {
        // A fused marker with no parts: nothing to attach it to.
        stats.droppedEmpty++;
        i++;
        continue;
      }
      const words = items.slice(i + 1, i + 1 + count).map((form, k) => ({ form, upos: tags[i + 1 + k] }));
      tokens.push({ form: items[i], words });
      stats.fused++;
      stats.partCounts[count] = (stats.partCounts[count] ?? 0) + 1;
      if (cost >= 1) stats.unresolved++;
      i += 1 + count;
    }
    sentences.push({ tokens });
  }
  for (const s of sentences) {
    stats.sentences++;
    stats.tokens += s.tokens.length;
    for (const t of s.tokens) stats.words += t.words.length;
  }
  return { sentences, stats, hasLemmas: false, hasUpos: true };
}

/** Words that stand as tokens of their own even when glued to a neighbour: punctuation, symbols and numbers (PADT writes `و6` as the tokens `و` and `6`). */
const STANDALONE = /^[\p{P}\p{S}]+$|\p{N}/u;

interface ConlluWordLine {
  id: number;
  form: string;
  lemma: string;
  upos: string;
  spaceAfter: boolean;
}

/**
 * Groups words into surface tokens when a CoNLL-U sentence has no multiword-token lines
 * (UD Arabic-PUD, the SIGMORPHON lemma files). Words are placed in the sentence's `# text`
 * with {@link matchWordAt} when it is present, otherwise `SpaceAfter=No` is used; adjacent
 * words with no space between them form one fused token unless either is punctuation, a
 * symbol or a number.
 */
function groupWords(words: ConlluWordLine[], text: string | undefined): { tokens: TreebankToken[]; spaced: boolean[] } {
  const joinNext: boolean[] = words.map((w) => !w.spaceAfter);
  const forms: string[] = words.map((w) => w.form);
  if (text !== undefined) {
    let p = 0;
    for (let i = 0; i < words.length; i++) {
      let skipped = false;
      while (p < text.length && /\s/u.test(text[p])) {
        p++;
        skipped = true;
      }
      if (i > 0) joinNext[i - 1] = !skipped;
      const { end, cost } = matchWordAt(text, p, words[i].form);
      if (Number.isFinite(cost) && cost <= Math.max(1, words[i].form.length / 2)) {
        forms[i] = text.slice(p, end);
        p = end;
      }
    }
    joinNext[words.length - 1] = false;
  }
  const tokens: TreebankToken[] = [];
  const spaced: boolean[] = [];
  let i = 0;
  while (i < words.length) {
    let j = i;
    while (
      j + 1 < words.length &&
      joinNext[j] &&
      !STANDALONE.test(words[j].form) &&
      !STANDALONE.test(words[j + 1].form)
    ) {
      j++;
    }
    const group = words.slice(i, j + 1);
    const form = j > i ? (text !== undefined ? forms.slice(i, j + 1).join('') : group.map((w) => w.form).join('')) : words[i].form;
    tokens.push({ form, words: group.map(toWord) });
    spaced.push(!joinNext[j]);
    i = j + 1;
  }
  return { tokens, spaced };
}

function toWord(w: ConlluWordLine): TreebankWord {
  const word: TreebankWord = { form: w.form };
  if (w.upos !== '_' && w.upos !== '') word.upos = w.upos;
  if (w.lemma !== '_' && w.lemma !== '') word.lemma = w.lemma;
  return word;
}

/**
 * Parses CoNLL-U. Multiword-token ranges (`3-4`) become fused tokens; empty nodes (`3.1`)
 * are skipped. A sentence without ranges is grouped into tokens from `# text` or
 * `SpaceAfter=No` (see {@link groupWords}).
 * @throws MarsadError `VALIDATION` on a malformed line.
 */
export function parseConllu(content: string): Treebank {
  const stats = emptyStats();
  const sentences: TreebankSentence[] = [];
  let hasLemmas = false;
  let hasUpos = false;
  let comments: Record<string, string> = {};
  let words: ConlluWordLine[] = [];
  let ranges: { from: number; to: number; form: string }[] = [];
  const flush = (): void => {
    if (words.length === 0) {
      comments = {};
      ranges = [];
      return;
    }
    let tokens: TreebankToken[];
    if (ranges.length > 0) {
      tokens = [];
      let r = 0;
      for (let i = 0; i < words.length; ) {
        while (r < ranges.length && ranges[r].to < words[i].id) r++;
        const range = r < ranges.length && ranges[r].from === words[i].id ? ranges[r] : undefined;
        if (range) {
          const group: ConlluWordLine[] = [];
          while (i < words.length && words[i].id <= range.to) group.push(words[i++]);
          tokens.push({ form: range.form, words: group.map(toWord) });
          r++;
        } else {
          tokens.push({ form: words[i].form, words: [toWord(words[i])] });
          i++;
        }
      }
    } else {
      tokens = groupWords(words, comments.text).tokens;
    }
    for (const t of tokens) {
      if (t.words.length > 1) {
        stats.fused++;
        stats.partCounts[t.words.length] = (stats.partCounts[t.words.length] ?? 0) + 1;
      }
    }
    const sentence: TreebankSentence = { tokens };
    if (comments.sent_id !== undefined) sentence.id = comments.sent_id;
    if (comments.text !== undefined) sentence.text = comments.text;
    sentences.push(sentence);
    words = [];
    ranges = [];
    comments = {};
  };
  const lines = content.split('\n');
  for (let ln = 0; ln < lines.length; ln++) {
    const line = lines[ln].replace(/\r$/u, '');
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (line.startsWith('#')) {
      const m = /^#\s*([\w.-]+)\s*=\s?(.*)$/u.exec(line);
      if (m) comments[m[1]] = m[2];
      continue;
    }
    const cols = line.split('\t');
    if (cols.length < 4) {
      throw new MarsadError('VALIDATION', `CoNLL-U line ${ln + 1}: expected 10 tab-separated columns, found ${cols.length}.`, { line: ln + 1 });
    }
    const id = cols[0];
    if (id.includes('.')) continue;
    const range = /^(\d+)-(\d+)$/u.exec(id);
    if (range) {
      ranges.push({ from: Number(range[1]), to: Number(range[2]), form: cols[1] });
      continue;
    }
    if (!/^\d+$/u.test(id)) throw new MarsadError('VALIDATION', `CoNLL-U line ${ln + 1}: bad ID "${id}".`, { line: ln + 1 });
    const misc = cols[9] ?? '_';
    const lemma = cols[2] ?? '_';
    const upos = cols[3] ?? '_';
    if (lemma !== '_') hasLemmas = true;
    if (upos !== '_') hasUpos = true;
    words.push({ id: Number(id), form: cols[1], lemma, upos, spaceAfter: !/(^|\|)SpaceAfter=No(\||$)/u.test(misc) });
  }
  flush();
  for (const s of sentences) {
    stats.sentences++;
    stats.tokens += s.tokens.length;
    for (const t of s.tokens) stats.words += t.words.length;
  }
  return { sentences, stats, hasLemmas, hasUpos };
}

/** Parses either format, choosing CoNLL-U when the first non-comment line has 10 tab-separated columns. */
export function parseTreebank(content: string): Treebank {
  for (const line of content.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    return line.split('\t').length >= 10 ? parseConllu(content) : parsePadtTxt(content);
  }
  throw new MarsadError('EMPTY_INPUT', 'The treebank file has no sentences.');
}
