/**
 * The clitic inventory of PADT-style segmentation and the candidate splits of a token.
 *
 * A token is split as `proclitics + stem + enclitic`:
 * - proclitic chains: the conjunctions `و ف`, then one of the prepositions `ب ك ل` or the
 *   future `س`; `لل` is `ل + ال` (the article's alef, dropped in writing, is restored on the
 *   stem: `للحكومة` → `ل + الحكومة`);
 * - enclitics: the pronoun suffixes `ه ها هم هما هن ك كم كما كن ي ني نا`;
 * - the article `ال` stays on the stem, as in PADT.
 * The stem may be empty only between a preposition and a pronoun (`له` → `ل + ه`); otherwise
 * it keeps at least two letters. Which split is right is the model's decision; this module
 * only lists what the spelling allows.
 */

/** A proclitic chain: what it consumes at the start of the token and the parts it yields. */
export interface ProcliticChain {
  /** Index in {@link PROCLITIC_CHAINS}. */
  id: number;
  /** Letters consumed at the start of the normalized token. */
  surface: string;
  /** The PADT words it yields, in order. */
  parts: readonly string[];
  /**
   * The article restored on the stem after `ل`: 0 none; 1 its alef (`للحكومة` → `ل + الحكومة`);
   * 2 the whole article, for nouns that start with lam (`للجنة` → `ل + اللجنة`).
   */
  article: 0 | 1 | 2;
}

const CHAIN_SPECS: [string, string[], 0 | 1 | 2][] = [
  ['', [], 0],
  ['و', ['و'], 0],
  ['ف', ['ف'], 0],
  ['ب', ['ب'], 0],
  ['ك', ['ك'], 0],
  ['ل', ['ل'], 0],
  ['س', ['س'], 0],
  ['وب', ['و', 'ب'], 0],
  ['وك', ['و', 'ك'], 0],
  ['ول', ['و', 'ل'], 0],
  ['وس', ['و', 'س'], 0],
  ['فب', ['ف', 'ب'], 0],
  ['فك', ['ف', 'ك'], 0],
  ['فل', ['ف', 'ل'], 0],
  ['فس', ['ف', 'س'], 0],
  ['ل', ['ل'], 1],
  ['ول', ['و', 'ل'], 1],
  ['فل', ['ف', 'ل'], 1],
  ['ل', ['ل'], 2],
  ['ول', ['و', 'ل'], 2],
  ['فل', ['ف', 'ل'], 2],
];

/** Every proclitic chain; index 0 is the empty chain. */
export const PROCLITIC_CHAINS: readonly ProcliticChain[] = CHAIN_SPECS.map(([surface, parts, article], id) => ({ id, surface, parts, article }));

/** Pronoun enclitics; index 0 is "none". */
export const ENCLITICS: readonly string[] = ['', 'ه', 'ها', 'هم', 'هما', 'هن', 'ك', 'كم', 'كما', 'كن', 'ي', 'ني', 'نا'];

const PREPOSITIONS = new Set(['ب', 'ك', 'ل']);

/** One way of splitting a token: a proclitic chain, an enclitic and the stem between. */
export interface Split {
  chain: number;
  enclitic: number;
  /** Stem bounds in the normalized token (before restoring the article's alef). */
  stemStart: number;
  stemEnd: number;
}

/** Number of distinct (chain, enclitic) labels; a label is `chain * ENCLITICS.length + enclitic`. */
export const SPLIT_LABELS = PROCLITIC_CHAINS.length * ENCLITICS.length;

/** The label of a split. */
export function splitLabel(split: Split): number {
  return split.chain * ENCLITICS.length + split.enclitic;
}

/**
 * First letters of an imperfect verb (its person prefix: يفعل تفعل نفعل أفعل), the only
 * words the future `س` attaches to: in PADT train, all 837 stems after `س` start with one.
 */
const IMPERFECT_PREFIXES: ReadonlySet<string> = new Set(['ي', 'ت', 'ن', 'ا', 'أ', 'آ']);

/**
 * Lists the splits the spelling of `norm` (a normalized token) allows. The unsplit reading
 * (chain 0, enclitic 0) always comes first. Writes into `out` and returns the count, so
 * callers can reuse one array.
 */
export function listSplits(norm: string, out: Split[]): number {
  let n = 0;
  const len = norm.length;
  for (const chain of PROCLITIC_CHAINS) {
    const ps = chain.surface;
    if (ps.length > 0 && !norm.startsWith(ps)) continue;
    if (chain.article !== 0 && norm[ps.length] !== 'ل') continue;
    const afterChain = ps.length;
    const lastPart = chain.parts.length > 0 ? chain.parts[chain.parts.length - 1] : '';
    for (let e = 0; e < ENCLITICS.length; e++) {
      const es = ENCLITICS[e];
      if (es.length > 0 && !norm.endsWith(es)) continue;
      const stemStart = afterChain;
      const stemEnd = len - es.length;
      const stemLen = stemEnd - stemStart;
      if (stemLen < 0) continue;
      if (stemLen === 0) {
        // Only a preposition directly followed by a pronoun: له بها لي.
        if (!(es.length > 0 && PREPOSITIONS.has(lastPart) && chain.article === 0)) continue;
      } else if (stemLen < 2 && (chain.id !== 0 || e !== 0)) {
        continue;
      }
      // The article chains need a real word after ال.
      if (chain.article !== 0 && stemLen < 3) continue;
      // The future س only comes before an imperfect verb, whose first letter is its person prefix.
      if (lastPart === 'س' && !IMPERFECT_PREFIXES.has(norm[stemStart])) continue;
      let split = out[n];
      if (split === undefined) {
        split = { chain: 0, enclitic: 0, stemStart: 0, stemEnd: 0 };
        out[n] = split;
      }
      split.chain = chain.id;
      split.enclitic = e;
      split.stemStart = stemStart;
      split.stemEnd = stemEnd;
      n++;
    }
  }
  return n;
}

/** The stem of a split as PADT spells it before restoration: the article chains give back the article (`لحكومة` → `الحكومة`, `لجنة` → `اللجنة`). */
export function rawStem(clean: string, split: Split): string {
  const stem = clean.slice(split.stemStart, split.stemEnd);
  const article = PROCLITIC_CHAINS[split.chain].article;
  return article === 0 ? stem : article === 1 ? 'ا' + stem : 'ال' + stem;
}

/** The parts of a split around a given stem form. */
export function splitParts(split: Split, stemForm: string): string[] {
  const parts = [...PROCLITIC_CHAINS[split.chain].parts];
  if (split.stemEnd > split.stemStart) parts.push(stemForm);
  if (split.enclitic > 0) parts.push(ENCLITICS[split.enclitic]);
  return parts;
}
