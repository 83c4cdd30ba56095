/**
 * Test fixtures for the article-understanding stages: a small hand-written linking lexicon
 * (so unit tests depend neither on ../shared nor on the built model) and a helper that runs
 * tokenize → sentences → gazetteer NER → link → quotes → events on a text.
 */
import { createAnalyzer } from '../analyzer.js';
import { createEventsStage } from '../discourse/events.js';
import { createQuotesStage } from '../discourse/quotes.js';
import type { AnalyzedDocument, Entity } from '../document.js';
import type { AnalyzeOptions, Stage } from '../pipeline.js';
import { normalize } from '../text/normalize.js';
import { createGazetteerNerStage } from './gazetteer.js';
import { createLinkStage } from './link.js';
import { compileLinkingLexicon, LINKING_LEXICON_FORMAT, type LinkingLexicon } from './link-lexicon.js';

const n = (s: string): string => normalize(s);

/** A lexicon of a few countries and titles, normalized as the build script would. */
export const TEST_LEXICON: LinkingLexicon = compileLinkingLexicon({
  format: LINKING_LEXICON_FORMAT,
  countries: [
    { code: 'JOR', name: n('الأردن'), names: [n('الأردن'), n('المملكة الأردنية الهاشمية')], nisba: [n('أردني')] },
    { code: 'FRA', name: n('فرنسا'), names: [n('فرنسا'), n('الجمهورية الفرنسية')], nisba: [n('فرنسي')] },
    { code: 'EGY', name: n('مصر'), names: [n('مصر'), n('جمهورية مصر العربية')], nisba: [n('مصري')] },
    { code: 'SYR', name: n('سوريا'), names: [n('سوريا'), n('سورية')], nisba: [n('سوري')] },
    { code: 'ISR', name: n('إسرائيل'), names: [n('إسرائيل')], nisba: [n('إسرائيلي')] },
    { code: 'TUN', name: n('تونس'), names: [n('تونس')], nisba: [n('تونسي')] },
    { code: 'RUS', name: n('روسيا'), names: [n('روسيا'), n('روسيا الاتحادية')], nisba: [n('روسي')] },
    { code: 'USA', name: n('الولايات المتحدة'), names: [n('الولايات المتحدة'), n('أمريكا')], nisba: [n('أمريكي')] },
    { code: 'SDN', name: n('السودان'), names: [n('السودان')], nisba: [n('سوداني')] },
    { code: 'SSD', name: n('جنوب السودان'), names: [n('جنوب السودان')], nisba: [] },
  ],
  titles: ['وزير خارجية', 'متحدث باسم حكومة', 'رئيس وزراء'],
  persons: [[n('نبيل الشامي'), 'TUN']],
  firstNames: [n('فيصل'), n('سامر')],
  commonWords: [n('سبل'), n('تعزيز'), n('التعاون'), n('كلمة')],
});

/** Runs the understanding stages on a text; `entities` replaces the gazetteer NER when given. */
export function understand(text: string, options: AnalyzeOptions = {}, entities?: (doc: AnalyzedDocument) => Entity[], extra: Stage[] = []): AnalyzedDocument {
  const ner: Stage = entities
    ? { name: 'ner', needs: ['tokens'], adds: ['entities'], run: (doc) => void (doc.entities = entities(doc)) }
    : createGazetteerNerStage(TEST_LEXICON);
  const analyzer = createAnalyzer([...extra, ner, createLinkStage({ lexicon: TEST_LEXICON }), createQuotesStage(), createEventsStage()]);
  return analyzer.analyze(text, options);
}

/**
 * A stand-in NER for tests: marks every occurrence of the given surface strings with their
 * type, one entity per string (as the real NER gives one entity per distinct name).
 */
export function nerFrom(names: Partial<Record<'PER' | 'LOC' | 'ORG', string[]>>): (doc: AnalyzedDocument) => Entity[] {
  return (doc) => {
    const out: Entity[] = [];
    for (const [type, list] of Object.entries(names) as ['PER' | 'LOC' | 'ORG', string[]][]) {
      for (const name of list) {
        const mentions = [];
        for (let at = doc.text.indexOf(name); at >= 0; at = doc.text.indexOf(name, at + name.length)) mentions.push({ start: at, end: at + name.length, text: name });
        if (mentions.length) out.push({ id: `e${out.length + 1}`, type, name: normalize(name), mentions });
      }
    }
    return out;
  };
}

/** The entity with this (normalized) name, or undefined. */
export function entityNamed(doc: AnalyzedDocument, name: string): Entity | undefined {
  return doc.entities?.find((e) => e.name === normalize(name));
}

/** The canonical name of an entity id. */
export function nameOf(doc: AnalyzedDocument, id: string | null): string | null {
  return id === null ? null : (doc.entities?.find((e) => e.id === id)?.name ?? null);
}
