/**
 * `npx tsx bench/stemmers.ts`: what the ecosystem's Arabic stemmers do on the cases users
 * complain about, next to Marsad's search stemmer (segmenter + spelling folds + article).
 * The point of a search stem is that the forms in a group meet and unrelated words do not:
 * the script prints each stemmer's output and, per group, whether it got that right.
 */
import { StemmerAr } from '@nlpjs/lang-ar';
import snowball from 'snowball-stemmers';
import { MorphAnalyzer } from '../src/core/morph/analyzer.js';
import { loadModel } from '../src/node/models.js';

/** Groups of forms that should share a stem, and words that must keep their own. */
const GROUPS: { name: string; forms: string[]; mustDiffer?: string[] }[] = [
  { name: 'Iraq with clitics', forms: ['العراق', 'والعراق', 'بالعراق', 'للعراق', 'وللعراق', 'فالعراق'] },
  { name: 'Iraq after repair of العراقوروسيا', forms: ['العراق', 'العراق'], mustDiffer: ['روسيا'] },
  { name: 'minister is not زير', forms: ['وزير', 'الوزير', 'والوزير', 'للوزير'], mustDiffer: ['زير'] },
  { name: 'between is not ين', forms: ['بين', 'وبين'], mustDiffer: ['ين'] },
  { name: 'Egyptian spelling', forms: ['الروسي', 'الروسى', 'والروسى'] },
  { name: 'pronoun suffixes', forms: ['بلاد', 'بلاده', 'وبلادها', 'لبلادهم'] },
  { name: 'diacritics and tatweel', forms: ['الوزير', 'الوَزِير', 'الـوزيـر'] },
  { name: 'hamza spellings', forms: ['الإمارات', 'الامارات', 'والإمارات'] },
];

const snow = snowball.newStemmer('arabic');
const nlpjs = new StemmerAr();
const analyzer = MorphAnalyzer.fromFiles(loadModel('morph').files);
const stemmers: [string, (w: string) => string][] = [
  ['snowball-stemmers (arabic)', (w) => snow.stem(w)],
  ['@nlpjs/lang-ar StemmerAr', (w) => nlpjs.stemWord(w)],
  ['marsad searchKey', (w) => analyzer.analyzeSentence([w])[0].stem],
];

const score = new Map<string, number>();
for (const g of GROUPS) {
  console.log(`\n== ${g.name}`);
  for (const [name, stem] of stemmers) {
    const stems = g.forms.map(stem);
    const differ = (g.mustDiffer ?? []).map(stem);
    const meet = new Set(stems).size === 1;
    const apart = differ.every((d) => !stems.includes(d));
    const ok = meet && apart;
    if (ok) score.set(name, (score.get(name) ?? 0) + 1);
    const shown = g.forms.map((f, i) => `${f}→${stems[i]}`).join('  ');
    const kept = g.mustDiffer ? `  | must differ: ${g.mustDiffer.map((f, i) => `${f}→${differ[i]}`).join('  ')}` : '';
    console.log(`${ok ? 'ok ' : 'BAD'} ${name.padEnd(28)} ${shown}${kept}`);
  }
}
console.log('\nGroups handled:');
for (const [name] of stemmers) console.log(`  ${name.padEnd(28)} ${score.get(name) ?? 0} / ${GROUPS.length}`);
