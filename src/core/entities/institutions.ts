/**
 * Public institutions named by a head noun and its definite complement: `وزارة الداخلية`,
 * `وزارة الخارجية المصرية`, `مجلس الشورى`, `محكمة الاستئناف العليا`, `سفارة الولايات المتحدة`.
 *
 * ANERcorp leaves these untagged (`وزارة` is O in all 33 of its training occurrences), so
 * the NER model, trained to its conventions, does not find them; readers of a news brief
 * expect them among the organizations, as AQMAR and Wojood annotate them. The link stage
 * adds them where NER found nothing. Pure and linear in the tokens.
 */
import type { Token } from '../document.js';
import { FUNCTION_WORDS, lookupClitic, withClitics } from '../discourse/lexical.js';
import { TIME_WORDS } from '../discourse/time-words.js';
import { normalizeToken } from '../text/tokenize.js';
import { originalPrefixEnd } from './gazetteer.js';

/**
 * Head nouns of institutions (normalized). Only heads whose definite complement is almost
 * always the institution's name: not `إدارة` (`إدارة الأزمة`, the handling of a crisis),
 * `حركة` (`حركة المرور`), `جبهة` (`جبهة القتال`), `جهاز` (`جهاز الكمبيوتر`), `مصلحة`
 * (`مصلحة الوطن`) or `رئاسة` (`تولى رئاسة الاتحاد`).
 */
const HEADS: ReadonlyMap<string, true> = new Map(
  ['وزارة', 'مجلس', 'هيئة', 'محكمة', 'سفارة', 'قنصلية', 'نيابة', 'مديرية', 'بلدية', 'مفوضية', 'منظمة', 'جامعة', 'وكالة', 'اتحاد', 'جماعة'].map(
    (w): [string, true] => [normalizeToken(w), true],
  ),
);

/** The heads with every proclitic they may carry: one Set lookup per token rules most tokens out. */
const HEAD_FORMS: ReadonlySet<string> = withClitics(HEADS.keys());

/** Most complement words after the head (`وزارة الشؤون الخارجية الإماراتية`). */
const MAX_COMPLEMENT = 3;

/** An institution found in the tokens: token span `[ts, te)`, offsets into the original text, and its normalized name. */
export interface InstitutionMention {
  ts: number;
  te: number;
  /** Offset of the head noun, after any conjunction or preposition glued to it (`لوزارة`). */
  start: number;
  end: number;
  /** Normalized, without those clitics: `وزارة الخارجية المصرية`. */
  name: string;
}

/** A definite word that can continue an institution's name (not `اليوم`, `الذي`). */
function isComplement(t: Token | undefined): boolean {
  if (t === undefined || t.kind !== 'word') return false;
  const n = t.norm;
  return n.startsWith('ال') && n.length > 3 && !FUNCTION_WORDS.has(n) && !TIME_WORDS.has(n);
}

/**
 * Scans `head + definite complement` phrases. `skip` marks tokens inside mentions NER
 * found (other than places): a phrase stops before them, and none starts on one, so NER's
 * own spans win (`مجلس الأمن الدولي`).
 */
export function scanInstitutions(tokens: readonly Token[], skip?: Uint8Array): InstitutionMention[] {
  const out: InstitutionMention[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' || skip?.[i] || !HEAD_FORMS.has(t.norm)) continue;
    const hit = lookupClitic(HEADS, t.norm, 3);
    if (!hit) continue;
    let te = i + 1;
    while (te < tokens.length && te - i - 1 < MAX_COMPLEMENT && isComplement(tokens[te]) && !skip?.[te]) te++;
    if (te === i + 1) continue;
    out.push({
      ts: i,
      te,
      start: originalPrefixEnd(t, hit.prefix),
      end: tokens[te - 1].end,
      name: [hit.form, ...tokens.slice(i + 1, te).map((u) => u.norm)].join(' '),
    });
    i = te - 1;
  }
  return out;
}
