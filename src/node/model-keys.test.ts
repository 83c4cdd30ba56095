/**
 * The committed lexicons are keyed by normalized forms, and the run time looks them up with
 * today's `normalize`. A normalizer change that is not followed by a rebuild leaves keys the
 * run time can never produce: the final-ى word list (8118c34) did that to the linking
 * lexicon (`مقتدي الصدر` stored, `مقتدى الصدر` looked up) until it was rebuilt.
 */
import { describe, expect, it } from 'vitest';
import { LINKING_LEXICON_FILE, type LinkingLexiconData } from '../core/entities/link-lexicon.js';
import { normalize } from '../core/text/normalize.js';
import { loadModel } from './models.js';

/** The keys `normalize` would write differently today. */
function stale(keys: readonly string[]): string[] {
  return keys.filter((k) => normalize(k) !== k);
}

describe('committed lexicon keys are in the current normalized form', () => {
  const bytes = loadModel('linking').files.get(LINKING_LEXICON_FILE);
  const data = JSON.parse(new TextDecoder().decode(bytes)) as LinkingLexiconData;

  it('linking: countries, nationality adjectives, titles, people, first names, common words', () => {
    expect(data.countries.length).toBeGreaterThan(150);
    expect(stale(data.countries.flatMap((c) => [c.name, ...c.names, ...c.nisba]))).toEqual([]);
    expect(stale(data.titles)).toEqual([]);
    expect(stale(data.persons.map(([name]) => name))).toEqual([]);
    expect(stale(data.firstNames ?? [])).toEqual([]);
    expect(stale(data.commonWords ?? [])).toEqual([]);
  });
});
