/**
 * Reading the gold analysis of a treebank token as one of the segmenter's candidates: the
 * split (proclitic chain, enclitic, stem) whose parts spell the gold words, or an irregular
 * ("special") analysis when no split does (`عما` → `عن + ما`). Used to train the segmenter
 * and to tag gold words when evaluating lemmas on a gold segmentation.
 */
import { normalize } from '../text/normalize.js';
import { ENCLITICS, listSplits, PROCLITIC_CHAINS, rawStem, splitLabel, type Split } from './clitics.js';
import { cleanForm, restorationCost } from './orthography.js';
import { specialLabel, type SpecialAnalysis } from './segmenter.js';
import { WordRole, type TaggerWord } from './tagger.js';
import type { TreebankToken } from './treebank.js';

/** The gold analysis of a token in the segmenter's terms. */
export interface GoldAnalysis {
  norm: string;
  clean: string;
  label: number;
  split: Split | undefined;
  /** The gold stem form when the split has a stem. */
  stemForm: string | undefined;
  /** The raw stem (surface letters, article restored) when the split has a stem. */
  rawStem: string | undefined;
  special: SpecialAnalysis | undefined;
}

/** Normalized and clean forms of a token, or undefined when they do not line up letter for letter. */
export function tokenForms(form: string): { clean: string; norm: string } | undefined {
  const clean = cleanForm(form);
  const norm = normalize(clean);
  return norm.length === clean.length && clean.length > 0 ? { clean, norm } : undefined;
}

/** Finds the gold analysis of a token, or undefined when its forms cannot be lined up. */
export function goldAnalysis(token: TreebankToken): GoldAnalysis | undefined {
  const forms = tokenForms(token.form);
  if (!forms) return undefined;
  const { clean, norm } = forms;
  const gold = token.words.map((w) => w.form);
  if (gold.length === 1) {
    return { norm, clean, label: 0, split: { chain: 0, enclitic: 0, stemStart: 0, stemEnd: norm.length }, stemForm: undefined, rawStem: undefined, special: undefined };
  }
  const splits: Split[] = [];
  const n = listSplits(norm, splits);
  let best: GoldAnalysis | undefined;
  let bestCost = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const s = splits[i];
    const chain = PROCLITIC_CHAINS[s.chain];
    const hasStem = s.stemEnd > s.stemStart;
    const parts = chain.parts.length + (hasStem ? 1 : 0) + (s.enclitic > 0 ? 1 : 0);
    if (parts !== gold.length || parts < 2) continue;
    let ok = true;
    for (let k = 0; k < chain.parts.length; k++) if (gold[k] !== chain.parts[k]) ok = false;
    if (s.enclitic > 0 && gold[gold.length - 1] !== ENCLITICS[s.enclitic]) ok = false;
    if (!ok) continue;
    if (!hasStem) {
      return { norm, clean, label: splitLabel(s), split: { ...s }, stemForm: undefined, rawStem: undefined, special: undefined };
    }
    const stemForm = gold[chain.parts.length];
    const raw = rawStem(clean, s);
    const cost = restorationCost(raw, cleanForm(stemForm));
    if (cost <= 0.5 && cost < bestCost) {
      bestCost = cost;
      best = { norm, clean, label: splitLabel(s), split: { ...s }, stemForm, rawStem: raw, special: undefined };
    }
  }
  if (best) return best;
  const special: SpecialAnalysis = { forms: gold, label: specialLabel(gold) };
  return { norm, clean, label: special.label, split: undefined, stemForm: undefined, rawStem: undefined, special };
}


/** The tagger's view of a gold token's words: roles and split ids from its gold analysis. */
export function goldTaggerWords(token: TreebankToken): TaggerWord[] {
  const g = goldAnalysis(token);
  const tokenNorm = g?.norm ?? normalize(token.form);
  const n = token.words.length;
  const split = g?.split;
  const chainParts = split ? PROCLITIC_CHAINS[split.chain].parts.length : 0;
  return token.words.map((w, i) => {
    let role: WordRole;
    if (n === 1) role = WordRole.Alone;
    else if (!split) role = WordRole.Special;
    else if (i < chainParts) role = WordRole.Proclitic;
    else if (split.enclitic > 0 && i === n - 1) role = WordRole.Enclitic;
    else role = WordRole.Stem;
    return {
      norm: normalize(w.form),
      form: cleanForm(w.form),
      role,
      chain: split && n > 1 ? split.chain : 0,
      enclitic: split && n > 1 ? split.enclitic : 0,
      token: tokenNorm,
      index: i,
    };
  });
}
