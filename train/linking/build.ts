/**
 * `npm run train:linking`: derives the linking lexicon (`models/linking/lexicon.json`)
 * from the public dictionaries in ../shared/data:
 *
 * - countries: Arabic common and official names from mledoze/countries (ODbL), plus a few
 *   hand-written aliases (أمريكا, سورية …); nationality adjectives (nisba) are derived by
 *   rule from the names (`العراق` → `عراقي`, `روسيا` → `روسي`, `السعودية` → `سعودي`), with
 *   the irregular ones written out;
 * - titles: role phrases of the PETRARCH agents dictionary (MIT) whose first word is a
 *   title head, plus the core phrases in `src/core/entities/titles.ts`;
 * - persons: multi-word people of the PETRARCH actor dictionary (MIT) with the country of
 *   their first code, filtered so that no word is a common noun of the agents dictionary.
 *
 * Only these derived word lists are committed, never the dictionaries themselves.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTION_WORDS, stripArticle, stripConjunction, words } from '../../src/core/discourse/lexical.js';
import { LINKING_LEXICON_FILE, LINKING_LEXICON_FORMAT, nisbaForms, type CountryRecord, type LinkingLexiconData } from '../../src/core/entities/link-lexicon.js';
import { CORE_TITLE_PHRASES, TITLE_HEADS } from '../../src/core/entities/titles.js';
import { normalize } from '../../src/core/text/normalize.js';
import { requireData } from '../lib/data.js';
import { gitCommit, repoModelsDir, writeManifest } from '../lib/manifest.js';

const PETRARCH_COMMIT = 'a0af422b2e6d4d47263c9eeca3e5b7fac1d9df0e';
const COUNTRIES_COMMIT = '5e9f370050f83ad2ba4cb885f75d66114badf72c';

interface CountryJson {
  cca3: string;
  independent?: boolean;
  unMember?: boolean;
  translations: { ara?: { common: string; official: string } };
}

/** Names that are also common words (مالي "financial", بنين "sons"): kept only in their longer official forms. */
const AMBIGUOUS_COUNTRY_NAMES = new Set(['مالي', 'بنين', 'تشيلي', 'توغو', 'جورجيا', 'الكرسي']);

/** Aliases the gazetteer lacks, in the spellings of Arabic news. */
const ALIASES: Record<string, string[]> = {
  USA: ['أمريكا', 'أميركا', 'الولايات المتحدة الأمريكية', 'الولايات المتحدة الأميركية', 'الولايات المتحدة'],
  GBR: ['بريطانيا', 'المملكة المتحدة'],
  SYR: ['سوريا', 'سورية'],
  MEX: ['المكسيك'],
  RUS: ['روسيا الاتحادية', 'الاتحاد الروسي'],
  SAU: ['السعودية', 'المملكة العربية السعودية'],
  ARE: ['الإمارات', 'الإمارات العربية المتحدة', 'دولة الإمارات'],
  PSE: ['فلسطين', 'دولة فلسطين'],
  KOR: ['كوريا الجنوبية'],
  PRK: ['كوريا الشمالية'],
  COD: ['الكونغو الديمقراطية'],
  MLI: ['جمهورية مالي', 'دولة مالي'],
  NLD: ['هولندا'],
  CZE: ['التشيك'],
  MMR: ['ميانمار', 'بورما'],
  SRB: ['صربيا'],
  CHE: ['سويسرا'],
  AFG: ['أفغانستان'],
  TWN: ['تايوان'],
  VAT: ['الفاتيكان'],
};

/**
 * Canonical names where the gazetteer's Arabic is a misspelling or a rare form (`المسكيك`,
 * `صيربيا`, `مولدوڤا` with a Persian letter): the name readers see for the country.
 */
const CANONICAL: Record<string, string> = {
  MEX: 'المكسيك',
  SRB: 'صربيا',
  MDA: 'مولدوفا',
  UZB: 'أوزبكستان',
};

/** Nationality adjectives that the rule below does not derive. */
const IRREGULAR_NISBA: Record<string, string[]> = {
  USA: ['أمريكي', 'أميركي'],
  GBR: ['بريطاني'],
  AFG: ['أفغاني'],
  AUT: ['نمساوي'],
  KOR: ['كوري'],
  ARE: ['إماراتي'],
  COD: ['كونغولي'],
  COG: ['كونغولي'],
  VAT: ['فاتيكاني'],
  MLI: ['مالي'],
};
/** Adjectives that collide with common words and are dropped (مالي "financial"). */
const NISBA_BLOCK = new Set(['مالي', 'بنيني']);

/** The nisba of a one-word country name, by rule; undefined when the rule does not apply. */
export function deriveNisba(name: string): string | undefined {
  if (name.includes(' ')) return undefined;
  let s = name.startsWith('ال') ? name.slice(2) : name;
  if (s.endsWith('ي')) return undefined;
  if (s.endsWith('يا')) s = s.slice(0, -2);
  else if (s.endsWith('ية')) return s.slice(0, -1);
  else if (s.endsWith('ا') || s.endsWith('ة')) s = s.slice(0, -1);
  return s + 'ي';
}

function buildCountries(): CountryRecord[] {
  const raw = JSON.parse(readFileSync(requireData('gazetteers/countries.json'), 'utf8')) as CountryJson[];
  const out: CountryRecord[] = [];
  const keep = (c: CountryJson): boolean => c.independent === true || c.unMember === true || c.cca3 in ALIASES;
  for (const c of raw) {
    if (!keep(c) || !c.translations.ara) continue;
    const common = normalize(c.translations.ara.common);
    const official = normalize(c.translations.ara.official);
    const fixed = CANONICAL[c.cca3] === undefined ? undefined : normalize(CANONICAL[c.cca3]);
    const aliases = [...(ALIASES[c.cca3] ?? []).map((a) => normalize(a)), ...(fixed === undefined ? [] : [fixed])];
    // Some entries have common and official swapped (جمهورية أنغولا): the one with fewer words
    // is the common name; with as many words, the common one (كوريا الجنوبية, not جمهورية كوريا).
    const candidates = [common, official, ...aliases];
    const canonical = fixed ?? (words(official).length < words(common).length ? official : common);
    const names = [...new Set(candidates)].filter((n) => !AMBIGUOUS_COUNTRY_NAMES.has(n));
    const nisba = new Set<string>();
    for (const n of names) {
      const d = deriveNisba(n);
      if (d && !NISBA_BLOCK.has(d)) nisba.add(d);
    }
    for (const n of IRREGULAR_NISBA[c.cca3] ?? []) {
      const nn = normalize(n);
      if (!NISBA_BLOCK.has(nn)) nisba.add(nn);
    }
    out.push({ code: c.cca3, name: canonical, names, nisba: [...nisba] });
  }
  // A nisba claimed by two countries (كونغولي) is ambiguous: keep it for neither.
  const owners = new Map<string, number>();
  for (const c of out) for (const n of c.nisba) owners.set(n, (owners.get(n) ?? 0) + 1);
  for (const c of out) c.nisba = c.nisba.filter((n) => owners.get(n) === 1);
  return out.sort((a, b) => a.code.localeCompare(b.code));
}

interface Agent {
  english: string;
  code: string;
  arabic: string[];
}

function readAgents(): Agent[] {
  const text = readFileSync(requireData('petrarch-ar/agents.all.ar.txt'), 'utf8');
  const out: Agent[] = [];
  for (const line of text.split('\n')) {
    const m = /^(\S+)\s*(?:\{[^}]*\})?\s*\[(~?[A-Z]+)\]\s*(.*)$/u.exec(line.trim());
    if (!m) continue;
    const arabic = m[3]
      .split('#')[0]
      .split(/[/،,]/u)
      .map((s) => normalize(s.replace(/[?!]/gu, ' ')).replace(/\s+/gu, ' ').trim())
      .filter((s) => /\p{Script=Arabic}/u.test(s));
    out.push({ english: m[1], code: m[2], arabic });
  }
  return out;
}

function buildTitles(agents: Agent[]): string[] {
  const heads = new Set([...TITLE_HEADS.keys()].filter((h) => !h.includes(' ')));
  const titles = new Set<string>(CORE_TITLE_PHRASES);
  for (const a of agents) {
    for (const phrase of a.arabic) {
      const ws = words(phrase).map(stripArticle);
      if (ws.length < 2 || ws.length > 5 || !heads.has(ws[0])) continue;
      // Drop trailing function words and anything with digits or Latin letters.
      if (ws.some((w) => !/^\p{Script=Arabic}+$/u.test(w) || FUNCTION_WORDS.has(w))) continue;
      titles.add(ws.join(' '));
    }
  }
  return [...titles].sort();
}

/** Ranks and honorifics the actor dictionary writes before names (bare keys). */
const RANKS = ['شيخ', 'لواء', 'ركن', 'عميد', 'عقيد', 'فريق', 'داخلي', 'دكتور', 'سيد', 'امام', 'حاج', 'جنرال', 'مشير', 'رائد', 'نقيب'];
/** Institution nouns: an entry starting or ending with one is not a person. */
const INSTITUTIONS = new Set(
  'حزب صحيفة نظام سجن جيش اقليم حركة منظمة جبهة مجلس وزارة شركة وكالة قناة مصرف بنك جامعة مستشفى مطار ميناء قاعدة محافظة مدينة ولاية منطقة قوة قوات كتيبة فرقة مجاهد مستثمر طالب نبا اتحاد هيئة لجنة جماعة تنظيم مؤسسة مركز معهد رابطة نقابة جمعية ائتلاف تحالف كتائب سرايا مليشيا ميليشيا'.split(' '),
);

interface ActorEntry {
  name: string;
  codes: string[];
}

function readActors(): ActorEntry[] {
  const text = readFileSync(requireData('petrarch-ar/actor_dict_ar_v4.txt'), 'utf8');
  const out: ActorEntry[] = [];
  let cur: ActorEntry | undefined;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const codes = [...line.matchAll(/\[~?([A-Z]+)/gu)].map((m) => m[1]);
    if (/^\s/u.test(line) && line.trim().startsWith('[')) {
      if (cur) cur.codes.push(...codes);
      continue;
    }
    const name = line.trim().split(/\s+/u)[0];
    cur = { name, codes };
    out.push(cur);
  }
  return out;
}

function buildPersons(agents: Agent[], countries: CountryRecord[]): [string, string][] {
  const iso = new Set(countries.map((c) => c.code));
  const common = new Set<string>();
  for (const a of agents) for (const p of a.arabic) for (const w of words(p)) common.add(stripArticle(w));
  const place = new Set<string>();
  for (const c of countries) {
    for (const n of c.names) for (const w of words(n)) place.add(stripArticle(w));
    for (const n of c.nisba) place.add(n);
  }
  for (const n of [...place]) for (const f of nisbaForms(n)) place.add(f);
  const heads = new Set([...TITLE_HEADS.keys(), ...RANKS]);
  const persons = new Map<string, string>();
  for (const e of readActors()) {
    let ws = e.name
      .split('_')
      .map((w) => normalize(w))
      .filter(Boolean);
    while (ws.length > 0 && heads.has(stripArticle(ws[0]))) ws = ws.slice(1);
    if (ws.length < 2 || ws.length > 5) continue;
    if (ws.some((w) => w.length < 2 || !/^\p{Script=Arabic}+$/u.test(w) || FUNCTION_WORDS.has(w) || place.has(stripArticle(w)))) continue;
    // A person's name has at most one common-noun word (عبد, نصر الله); institutions have several.
    const isCommon = (w: string): boolean => common.has(stripArticle(w)) || INSTITUTIONS.has(stripArticle(w));
    const commonWords = ws.filter(isCommon).length;
    if (commonWords > 1 || isCommon(ws[0]) || isCommon(ws[ws.length - 1])) continue;
    const person = e.codes.find((c) => /^[A-Z]{3}(?:GOV|MIL|ELI|OPP|REB|LEG|PTY|JUD|CVL|BUS|MED|REL|EDU|SPY|COP|HLH|LAB)/u.test(c) && iso.has(c.slice(0, 3)));
    if (!person && !e.codes.some((c) => c.startsWith('IGO'))) continue;
    const name = ws.join(' ');
    if (!persons.has(name)) persons.set(name, person ? person.slice(0, 3) : '');
  }
  return [...persons.entries()].sort((a, b) => a[0].localeCompare(b[0]));
}

/**
 * From ANERcorp (train split): first names (first words of person names of two words or
 * more) and common words (seen at least three times, almost never inside a name), which
 * bound the name heuristic after titles.
 */
function buildNameEvidence(): { firstNames: string[]; commonWords: string[] } {
  const text = readFileSync(requireData('anercorp-camel/ANERCorp_CamelLab_train.txt'), 'utf8');
  const first = new Set<string>();
  const seen = new Map<string, { total: number; outside: number }>();
  let span: string[] = [];
  const flush = (): void => {
    if (span.length >= 2) first.add(stripConjunction(span[0], 3));
    span = [];
  };
  for (const line of text.split('\n')) {
    const sp = line.lastIndexOf(' ');
    if (sp <= 0) {
      flush();
      continue;
    }
    const word = normalize(line.slice(0, sp));
    const tag = line.slice(sp + 1).trim();
    if (tag === 'B-PERS') {
      flush();
      span = [word];
    } else if (tag === 'I-PERS' && span.length > 0) span.push(word);
    else flush();
    const s = seen.get(word) ?? { total: 0, outside: 0 };
    s.total++;
    if (tag === 'O') s.outside++;
    seen.set(word, s);
  }
  flush();
  const commonWords = [...seen.entries()]
    .filter(([w, s]) => s.total >= 3 && s.outside / s.total >= 0.98 && /^\p{Script=Arabic}+$/u.test(w) && !first.has(w))
    .map(([w]) => w);
  return { firstNames: [...first].filter((w) => /^\p{Script=Arabic}+$/u.test(w)).sort(), commonWords: commonWords.sort() };
}

function main(): void {
  const countries = buildCountries();
  const agents = readAgents();
  const titles = buildTitles(agents);
  const persons = buildPersons(agents, countries);
  const { firstNames, commonWords } = buildNameEvidence();
  const data: LinkingLexiconData = { format: LINKING_LEXICON_FORMAT, countries, titles, persons, firstNames, commonWords };
  const dir = join(repoModelsDir(), 'linking');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, LINKING_LEXICON_FILE), JSON.stringify(data) + '\n');
  const manifest = writeManifest({
    name: 'linking',
    version: '1.0.0',
    description:
      'Within-article entity linking lexicon: country names, aliases and derived nationality adjectives; title phrases; known people with their country. Used by the link stage and the gazetteer fallback recognizer.',
    licence:
      'CC BY-SA 4.0 (first names and common words derived from ANERcorp), ODbL-1.0 (country names, from mledoze/countries) and MIT (titles and people, from the PETRARCH Arabic dictionaries)',
    data: [
      { name: 'mledoze/countries dist/countries.json', source: 'https://github.com/mledoze/countries', commit: COUNTRIES_COMMIT, licence: 'ODbL-1.0', split: 'Arabic common and official names' },
      { name: 'PETRARCH Arabic agents.all.ar.txt', source: 'https://github.com/openeventdata/UniversalPetrarch (branch arabic)', commit: PETRARCH_COMMIT, licence: 'MIT', split: 'role phrases starting with a title head' },
      { name: 'ANERcorp (CAMeL Lab split)', source: 'https://camel.abudhabi.nyu.edu/anercorp/ via ay94/deformar-extraction', commit: '013f0e47e486e56e358ecfcd042dda1a46cd6860', licence: 'CC BY-SA 4.0', split: 'train (word lists only: first names, common words)' },
      { name: 'PETRARCH Arabic actor_dict_ar_v4.txt', source: 'https://github.com/openeventdata/UniversalPetrarch (branch arabic)', commit: PETRARCH_COMMIT, licence: 'MIT', split: 'multi-word people with a country code' },
    ],
    trainCommand: 'npm run train:linking',
    scores: { firstNames: firstNames.length, commonWords: commonWords.length, countries: countries.length, nisbaBases: countries.reduce((n, c) => n + c.nisba.length, 0), titles: titles.length, persons: persons.length, builtAt: gitCommit() },
    files: [LINKING_LEXICON_FILE],
  });
  console.log(`models/linking: ${countries.length} countries, ${titles.length} title phrases, ${persons.length} people, ${firstNames.length} first names, ${commonWords.length} common words; ${manifest.files[0].bytes} bytes`);
}

main();
