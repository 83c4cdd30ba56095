/**
 * Builds the theme lexicon (models/topics/themes.json) from the hand-written lists in
 * theme-terms.ts plus UniversalPetrarch's Arabic synonym sets and agent dictionary.
 *
 * PETRARCH's Arabic entries are partly machine-translated and uneven (`فرق_` "teams" sits
 * in the MILITARY set), so they are admitted only as weak terms and only when the news
 * says they are useful: a candidate must occur in at least 3 ANT training articles (else
 * it never fires) and in at most 1.5% of them (else it is too generic to name a theme).
 */
import { readFileSync } from 'node:fs';
import { compileThemeLexicon, matchThemes, phraseKeys, type ThemeLexiconFile } from '../../src/core/discourse/themes.js';
import { readAnt, requireData } from '../lib/data.js';
import { tokenize } from '../../src/core/text/tokenize.js';
import { THEME_SPECS, terms } from './theme-terms.js';

/** Weight of hand-written strong terms, weak terms and PETRARCH-derived terms. */
const STRONG = 1;
const WEAK = 0.5;

/** PETRARCH entries that the corpus filter lets through but that mislead (checked by hand). */
const PETRARCH_BLOCKLIST = new Set(
  `حذر سيف سيوف رمح قوس حماية أمان ضابط مساعد غابات آلة قافلة ناقلة طيار حامية رائد حرس سكين سكاكين منجل هراوة خنجر
   مارك بات ليك سوم ليون سول كيب ليو لوتي تالا ساماني بوليفار بيزو بالبوا جوردة ليف لاري كونا وون دونغ نيرة مانات روفيه دالاسي
   درام أفغاني بوتسوانا نادرة تجمهر داعية ثري الطيران الهوائية مقايض مساوم الغانم معاناة عداء قلعة حصن مثقف مؤرخ متسول مربية
   مخبأ ملاذ مأوى عميد مدع المناشد محاصص`
    .split(/\s+/u)
    .concat(['ملك الدولة', 'خبير اقتصادي', 'عالم إقتصاد', 'نقل الملكية', 'معهد عالي للموسيقى']),
);

/** Synonym sets: `&NAME` then `+word_word_` lines. */
export function readSynsets(path: string): Map<string, string[]> {
  const sets = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.trim();
    if (line.startsWith('&')) {
      current = [];
      sets.set(line.slice(1).trim(), current);
    } else if (line.startsWith('+') && current) {
      const phrase = line.slice(1).replace(/_/g, ' ').trim();
      if (/\p{Script=Arabic}/u.test(phrase)) current.push(phrase);
    } else if (line === '' || line.startsWith('#')) {
      continue;
    } else {
      current = undefined;
    }
  }
  return sets;
}

/** Agents: `ENGLISH [~CODE] arabic[/arabic]`; returns code → Arabic phrases. */
export function readAgents(path: string): Map<string, string[]> {
  const byCode = new Map<string, string[]>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /\[~([A-Z]+)\](.*)$/u.exec(line);
    if (!m) continue;
    const arabic = m[2].replace(/[^\p{Script=Arabic}\s/]/gu, ' ');
    for (const alt of arabic.split('/')) {
      const phrase = alt.replace(/\s+/g, ' ').trim();
      if (phrase === '' || !/\p{L}/u.test(phrase)) continue;
      const list = byCode.get(m[1]) ?? [];
      list.push(phrase);
      byCode.set(m[1], list);
    }
  }
  return byCode;
}

/** Builds the lexicon file; logs how many PETRARCH candidates each theme kept. */
export function buildThemeLexicon(log: (msg: string) => void = console.log): ThemeLexiconFile {
  const synsets = readSynsets(requireData('petrarch-ar/synsets.ar.txt'));
  const agents = readAgents(requireData('petrarch-ar/agents.all.ar.txt'));

  // Candidates from PETRARCH, per theme, minus what the hand lists already hold.
  const candidates: { theme: number; phrase: string }[] = [];
  THEME_SPECS.forEach((spec, theme) => {
    const hand = new Set([...terms(spec.strong), ...terms(spec.weak)].map((t) => phraseKeys(t).join(' ')));
    const fromPetrarch = [
      ...(spec.petrarch?.synsets ?? []).flatMap((s) => synsets.get(s) ?? []),
      ...(spec.petrarch?.agents ?? []).flatMap((a) => agents.get(a) ?? []),
    ];
    const seen = new Set<string>();
    for (const phrase of fromPetrarch) {
      const keys = phraseKeys(phrase);
      const sig = keys.join(' ');
      if (keys.length === 0 || hand.has(sig) || seen.has(sig) || PETRARCH_BLOCKLIST.has(phrase)) continue;
      if (keys.length === 1 && keys[0].length < 3) continue;
      seen.add(sig);
      candidates.push({ theme, phrase });
    }
  });

  // Document frequency of each candidate over the ANT training and tuning folds.
  const probe = compileThemeLexicon({
    format: 'marsad-themes',
    version: 1,
    themes: candidates.map((c, i) => ({ label: String(i), description: '', terms: [[c.phrase, 1]] })),
  });
  const docs = readAnt().filter((a) => a.fold <= 8);
  const df = new Uint32Array(candidates.length);
  for (const a of docs) {
    const seen = new Set<number>();
    for (const m of matchThemes(probe, tokenize(a.text)).phrases.values()) seen.add(m.theme);
    for (const t of seen) df[t]++;
  }
  const maxDf = Math.floor(docs.length * 0.015);

  const file: ThemeLexiconFile = { format: 'marsad-themes', version: 1, themes: [] };
  THEME_SPECS.forEach((spec, theme) => {
    const kept = candidates.filter((c, i) => c.theme === theme && df[i] >= 3 && df[i] <= maxDf).map((c) => c.phrase);
    const total = candidates.filter((c) => c.theme === theme).length;
    file.themes.push({
      label: spec.label,
      description: spec.description,
      terms: [
        ...terms(spec.strong).map((t): [string, number] => [t, STRONG]),
        ...terms(spec.weak).map((t): [string, number] => [t, WEAK]),
        ...kept.map((t): [string, number] => [t, WEAK]),
      ],
    });
    if (total > 0) log(`  theme ${spec.label}: kept ${kept.length} of ${total} PETRARCH candidates`);
  });
  return file;
}
