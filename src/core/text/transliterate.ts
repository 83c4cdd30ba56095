/**
 * Buckwalter and safe Buckwalter transliteration, both ways.
 *
 * Lossless on Arabic letters and diacritics: `fromBuckwalter(toBuckwalter(s)) === s` for
 * any string of Arabic script. Characters outside the table pass through unchanged, so a
 * Latin letter in the input would come back as Arabic; that is inherent to Buckwalter,
 * whose alphabet is the Latin one.
 *
 * Safe Buckwalter replaces the characters that are special in regular expressions, XML and
 * shells (`' | > & < } * $ \``) with letters, as CAMeL Tools does.
 */

/** Arabic code point → Buckwalter character. */
const AR_TO_BW: Readonly<Record<string, string>> = {
  '\u0621': "'", // ء
  '\u0622': '|', // آ
  '\u0623': '>', // أ
  '\u0624': '&', // ؤ
  '\u0625': '<', // إ
  '\u0626': '}', // ئ
  '\u0627': 'A',
  '\u0628': 'b',
  '\u0629': 'p',
  '\u062A': 't',
  '\u062B': 'v',
  '\u062C': 'j',
  '\u062D': 'H',
  '\u062E': 'x',
  '\u062F': 'd',
  '\u0630': '*',
  '\u0631': 'r',
  '\u0632': 'z',
  '\u0633': 's',
  '\u0634': '$',
  '\u0635': 'S',
  '\u0636': 'D',
  '\u0637': 'T',
  '\u0638': 'Z',
  '\u0639': 'E',
  '\u063A': 'g',
  '\u0640': '_', // tatweel
  '\u0641': 'f',
  '\u0642': 'q',
  '\u0643': 'k',
  '\u0644': 'l',
  '\u0645': 'm',
  '\u0646': 'n',
  '\u0647': 'h',
  '\u0648': 'w',
  '\u0649': 'Y',
  '\u064A': 'y',
  '\u064B': 'F',
  '\u064C': 'N',
  '\u064D': 'K',
  '\u064E': 'a',
  '\u064F': 'u',
  '\u0650': 'i',
  '\u0651': '~',
  '\u0652': 'o',
  '\u0670': '`', // dagger alef
  '\u0671': '{', // alef wasla
  '\u067E': 'P',
  '\u0686': 'J',
  '\u06A4': 'V',
  '\u06AF': 'G',
};

/** Buckwalter → safe Buckwalter for the characters that differ. */
const BW_TO_SAFE: Readonly<Record<string, string>> = {
  "'": 'C',
  '|': 'M',
  '>': 'O',
  '&': 'W',
  '<': 'I',
  '}': 'Q',
  '*': 'V',
  $: 'c',
  '`': 'e',
  V: 'B',
};

function invert(map: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(map)) out[v] = k;
  return out;
}

const BW_TO_AR = invert(AR_TO_BW);
const AR_TO_SAFE: Record<string, string> = {};
for (const [ar, bw] of Object.entries(AR_TO_BW)) AR_TO_SAFE[ar] = BW_TO_SAFE[bw] ?? bw;
const SAFE_TO_AR = invert(AR_TO_SAFE);

function mapChars(s: string, table: Readonly<Record<string, string>>): string {
  let out = '';
  for (const ch of s) out += table[ch] ?? ch;
  return out;
}

/** Arabic script → Buckwalter. */
export function toBuckwalter(s: string): string {
  return mapChars(s, AR_TO_BW);
}

/** Buckwalter → Arabic script. */
export function fromBuckwalter(s: string): string {
  return mapChars(s, BW_TO_AR);
}

/** Arabic script → safe Buckwalter (no regex, XML or shell metacharacters). */
export function toSafeBuckwalter(s: string): string {
  return mapChars(s, AR_TO_SAFE);
}

/** Safe Buckwalter → Arabic script. */
export function fromSafeBuckwalter(s: string): string {
  return mapChars(s, SAFE_TO_AR);
}
