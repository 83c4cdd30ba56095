/**
 * `npm run train:events`: compiles the verb section of the PETRARCH Arabic CAMEO
 * dictionary (`../shared/data/petrarch-ar/CAMEO.ar.0.5.txt`, MIT) into
 * `models/events/verbs.json`: one `[lemma, type, cameo]` per single-word verb.
 *
 * The dictionary lists verbs in synonym blocks (`--- lemma [code] ---`), each verb with an
 * optional code, then patterns (`- * object [code] # verb,verb`) whose codes depend on the
 * object. A verb's code is decided by vote: its own code, its block's code, and the codes
 * of the patterns that name it; the winning CAMEO root (first two digits) must hold a
 * strict majority, and the most frequent code of that root is kept. Only codes that map to
 * the event types we report (see `typeOfCameo`) are written. Verbs normalized through
 * `normalize()`; a short stop list drops verbs whose dictionary senses are too generic.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_VERBS_FILE, EVENT_VERBS_FORMAT, compileTriggerLexicon, typeOfCameo, type EventVerbsData } from '../../src/core/discourse/event-lexicon.js';
import { normalize } from '../../src/core/text/normalize.js';
import { requireData } from '../lib/data.js';
import { gitCommit, repoModelsDir, writeManifest } from '../lib/manifest.js';

const PETRARCH_COMMIT = 'a0af422b2e6d4d47263c9eeca3e5b7fac1d9df0e';

/**
 * Verbs too generic to announce an event on their own (say, do, put, find, come, take,
 * give, go out, arrive…) or whose dictionary sense is a mistranslation (`وصل` "find").
 */
const STOP = new Set(
  (
    'قال عمل كان جعل قام وضع وجد عرض دفع خرج وصل نظر ادى اخذ اعطى جاء ذهب اتى راى بدا صار ظل بقي حصل تم جرى قدم رفع حمل ترك طلب سال اراد استطاع امكن قرر بدا اصبح عاد مر بلغ ضرب لعب فتح ظهر مضى دخل نقل اعد اكد اشار اوضح صرح اعلن اضاف ذكر ' +
    // Reviewed after a build: undiacritized, these are mostly other words (حق "right", خلف
    // "behind", ابد "ever", طلق "divorce", صفق "clap"), or not events against someone.
    'حق ابد امت تلف سدد طلق خلف صفق سفق خبط سحق جاهد كافح تظاهر حتج هجن اجج'
  ).split(
    ' ',
  ),
);

/** English glosses that confirm a type (the dictionary glosses each verb line in English). */
const GLOSSES: Record<string, ReadonlySet<string>> = {
  VISIT: new Set(['visit', 'tour', 'host']),
  MEET: new Set(['meet', 'negotiate', 'confer', 'consult', 'discuss', 'parley', 'mediate', 'gather']),
  AGREEMENT: new Set(['sign', 'ratify', 'conclude', 'agree']),
  AID: new Set(['aid', 'help', 'assist', 'fund', 'finance', 'donate', 'supply', 'provide', 'subsidize', 'rescue', 'relieve']),
  CONDEMN: new Set(['condemn', 'denounce', 'criticize', 'criticise', 'censure', 'deplore', 'decry', 'protest', 'disapprove', 'reproach', 'rebuke', 'slam']),
  ACCUSE: new Set(['accuse', 'charge', 'blame', 'indict', 'allege']),
  ARREST: new Set(['arrest', 'detain', 'capture', 'jail', 'imprison', 'apprehend', 'abduct', 'kidnap', 'seize']),
  ATTACK: new Set(['attack', 'bomb', 'shell', 'shoot', 'fire', 'kill', 'assault', 'strike', 'raid', 'invade', 'occupy', 'besiege', 'siege', 'destroy', 'stab', 'slaughter', 'massacre', 'assassinate', 'kidnap', 'abduct', 'fight', 'battle', 'clash', 'ambush', 'storm', 'blitz', 'torpedo', 'murder', 'wound', 'injure']),
};

function main(): void {
  const text = readFileSync(requireData('petrarch-ar/CAMEO.ar.0.5.txt'), 'utf8');
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.includes('VERB PATTERNS'));
  const votes = new Map<string, string[]>();
  const vote = (verb: string, code: string): void => {
    const v = normalize(verb.trim());
    if (!/^\p{Script=Arabic}+$/u.test(v) || !/^\d{3,4}$/u.test(code)) return;
    const list = votes.get(v) ?? [];
    list.push(code.slice(0, 3));
    votes.set(v, list);
  };
  const glosses = new Map<string, Set<string>>();
  let blockCode = '';
  let blockVerbs: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const block = /^---\s+(\S+)\s+\[([^\]]*)\]\s+---/u.exec(line);
    if (block) {
      blockCode = /^\d+$/u.test(block[2]) ? block[2] : '';
      blockVerbs = [];
      continue;
    }
    if (line.startsWith('-')) {
      const code = /\[(\d+)\]/u.exec(line)?.[1];
      const named = line.split('#')[1] ?? '';
      if (!code) continue;
      for (const v of named.split(',')) {
        const verb = v.trim();
        if (verb && !verb.includes('+') && !verb.includes('_') && blockVerbs.includes(verb)) vote(verb, code);
      }
      continue;
    }
    const verbLine = /^(\S+)\s*(?:\[(\d+)\])?\s*(?:#.*)?$/u.exec(line.trim());
    if (!verbLine || line.trim() === '') continue;
    const verb = verbLine[1];
    if (verb.includes('+') || verb.includes('_')) continue;
    blockVerbs.push(verb);
    const gloss = line.split('#')[1];
    if (gloss) {
      const g = glosses.get(normalize(verb)) ?? new Set<string>();
      for (const w of gloss.split(/[\s,]+/u)) if (w) g.add(w.toLowerCase());
      glosses.set(normalize(verb), g);
    }
    if (verbLine[2]) vote(verb, verbLine[2]);
    if (blockCode) vote(verb, blockCode);
  }
  const core = compileTriggerLexicon();
  const verbs: [string, string, string][] = [];
  let undecided = 0;
  let rejectedByGloss = 0;
  for (const [verb, codes] of [...votes.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (STOP.has(verb) || core.lemmas.has(verb) || core.forms.has(verb)) continue;
    const byRoot = new Map<string, number>();
    for (const c of codes) byRoot.set(c.slice(0, 2), (byRoot.get(c.slice(0, 2)) ?? 0) + 1);
    const [root, count] = [...byRoot.entries()].sort((a, b) => b[1] - a[1])[0];
    if (count * 2 <= codes.length) {
      undecided++;
      continue;
    }
    const inRoot = codes.filter((c) => c.startsWith(root));
    const freq = new Map<string, number>();
    for (const c of inRoot) freq.set(c, (freq.get(c) ?? 0) + 1);
    const code = [...freq.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
    const type = typeOfCameo(code);
    if (!type) continue;
    // The dictionary's English gloss must agree with the type: codes alone are too noisy.
    const gloss = glosses.get(verb) ?? new Set<string>();
    if (![...gloss].some((g) => GLOSSES[type]?.has(g))) {
      rejectedByGloss++;
      continue;
    }
    verbs.push([verb, type, code]);
  }
  const data: EventVerbsData = { format: EVENT_VERBS_FORMAT, verbs };
  const dir = join(repoModelsDir(), 'events');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, EVENT_VERBS_FILE), JSON.stringify(data) + '\n');
  const byType: Record<string, number> = {};
  for (const [, t] of verbs) byType[t] = (byType[t] ?? 0) + 1;
  const manifest = writeManifest({
    name: 'events',
    version: '1.0.0',
    description: 'Event trigger verbs with CAMEO codes, compiled from the PETRARCH Arabic CAMEO dictionary by pattern vote; complements the core triggers of src/core/discourse/event-lexicon.ts.',
    licence: 'MIT',
    data: [
      { name: 'PETRARCH Arabic CAMEO.ar.0.5.txt', source: 'https://github.com/openeventdata/UniversalPetrarch (branch arabic)', commit: PETRARCH_COMMIT, licence: 'MIT', split: 'VERB PATTERNS section' },
    ],
    trainCommand: 'npm run train:events',
    scores: { verbs: verbs.length, verbsVoted: votes.size, undecided, rejectedByGloss, byType, builtAt: gitCommit() },
    files: [EVENT_VERBS_FILE],
  });
  console.log(`models/events: ${verbs.length} verbs (${JSON.stringify(byType)}), ${undecided} without a majority; ${manifest.files[0].bytes} bytes`);
}

main();
