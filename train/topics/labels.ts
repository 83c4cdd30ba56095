/**
 * How ANT's source categories map onto Marsad's topic labels. The reasons are written up
 * in docs/TOPICS.md; this table is the single place the mapping lives.
 */

/** Marsad's topic label set (the classifier predicts the subset that ANT can teach). */
export const TOPIC_LABELS = ['politics', 'international', 'economy', 'sport', 'culture', 'technology', 'society', 'health', 'religion'] as const;

/** A topic label. */
export type TopicLabel = (typeof TOPIC_LABELS)[number];

/** Which ANT file an article came from. */
export type AntCorpus = 'multisource' | 'jawharafm';

/**
 * Source category → label, per ANT file. `null` means the category is left out of
 * training and of the accuracy figures (its predictions are reported as a distribution).
 */
export const CATEGORY_MAP: Record<AntCorpus, Record<string, TopicLabel | null>> = {
  multisource: {
    middleEast: 'politics',
    internationalNews: 'politics',
    economy: 'economy',
    sport: 'sport',
    culture: 'culture',
    technology: 'technology',
  },
  jawharafm: {
    politic: 'politics',
    internationalNews: 'politics',
    economy: 'economy',
    sport: 'sport',
    culture: 'culture',
    technology: 'technology',
    society: 'society',
    diverse: 'society',
    localNews: null,
  },
};

/** The label of an ANT article, or null when its category is not used. */
export function labelOf(corpus: AntCorpus, category: string): TopicLabel | null {
  const label = CATEGORY_MAP[corpus][category];
  if (label === undefined) throw new Error(`Unmapped ANT category "${category}" in ${corpus}.`);
  return label;
}
