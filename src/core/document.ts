/**
 * The document model: the original text plus typed annotation layers.
 *
 * Every span is `[start, end)` in UTF-16 code units of the ORIGINAL text. Normalized
 * forms and repairs are views over it; the original is never altered, so any layer can be
 * drawn back onto what the user gave us.
 *
 * The JSON field names here are a public contract (schemaVersion 1): tools outside the
 * project read them. Add optional fields; never rename or remove one without bumping
 * {@link SCHEMA_VERSION}.
 */

/** Version of the serialized analysis. Bump it when a field changes meaning or goes away. */
export const SCHEMA_VERSION = 1 as const;

/** A half-open range `[start, end)` of UTF-16 code units in the original text. */
export interface Span {
  start: number;
  end: number;
}

/** Whether a sentence span is running text or an inline sub-heading run into the text. */
export type SentenceKind = 'sentence' | 'heading';

/** A sentence or an inline heading. */
export interface Sentence extends Span {
  kind: SentenceKind;
}

/** The broad class of a token, decided by the tokenizer from its characters alone. */
export type TokenKind =
  | 'word'
  | 'number'
  | 'percent'
  | 'date'
  | 'url'
  | 'email'
  | 'hashtag'
  | 'mention'
  | 'punct'
  | 'quote'
  | 'symbol';

/** One syntactic word inside a token (PADT style: `وبالعراق` → `و` `ب` `العراق`). */
export interface Segment {
  /** The segment as PADT writes it; may restore letters (`لل` → `ل` + `ال`). */
  text: string;
  /** Offsets in the original where the segment maps onto surface characters; absent when it does not. */
  start?: number;
  end?: number;
  /** Universal POS tag. */
  pos: string;
  /** Undiacritized lemma. */
  lemma: string;
  /** Vocalized lemma, where the model knows it. */
  lemmaVocalized?: string;
}

/** A token: a contiguous span of the original text. Gaps between tokens are whitespace. */
export interface Token extends Span {
  /** The original characters, exactly `text.slice(start, end)`. */
  text: string;
  /** The normalized form used for matching (see `normalize`). */
  norm: string;
  kind: TokenKind;
  /** Filled by the morphology stage. */
  segments?: Segment[];
  pos?: string;
  lemma?: string;
  /** Light stem for search, filled by the morphology stage. */
  stem?: string;
}

/** A repair of the text as scraped, e.g. two glued words split apart. The original is untouched. */
export interface Repair extends Span {
  original: string;
  replacement: string;
  kind: 'split';
}

/** Entity types, as in ANERcorp (PERS is written PER). */
export type EntityType = 'PER' | 'LOC' | 'ORG' | 'MISC';

/** How a mention refers to its entity. */
export type MentionVia = 'name' | 'surname' | 'title' | 'nisba' | 'alias';

/** One place where an entity is mentioned. */
export interface Mention extends Span {
  text: string;
  /** How the mention was linked; absent for a plain named mention. */
  via?: MentionVia;
}

/** A role held by a person, read from apposition and title patterns. */
export interface Role {
  title: string;
  country?: string;
  org?: string;
}

/** An entity of the article with all its mentions. */
export interface Entity {
  /** Stable within one analysis: `e1`, `e2`, … */
  id: string;
  type: EntityType;
  /** Canonical normalized name. */
  name: string;
  mentions: Mention[];
  roles?: Role[];
}

/** Reported speech. */
export interface Quote extends Span {
  /** Entity id of the speaker, or null when it cannot be resolved. */
  speaker: string | null;
  /** The words that name the speaker where they were found, or null. */
  speakerText: string | null;
  /** The reporting verb or phrase (`قال`, `مشددا على`). */
  cue: string;
  kind: 'direct' | 'indirect';
  /** The reported content only; `text === original.slice(start, end)`. */
  text: string;
}

/** A participant in an event. */
export interface EventParticipant {
  /** Entity id. */
  entity: string;
  role: 'actor' | 'target' | 'place';
}

/** A time expression, resolved to a date when a publication date was given. */
export interface TimeExpression extends Span {
  text: string;
  /** ISO date (YYYY-MM-DD) when resolvable. */
  date?: string;
}

/** An event read from the text, typed with CAMEO. */
export interface NewsEvent {
  type: string;
  cameo: string;
  trigger: Span & { text: string };
  participants: EventParticipant[];
  time: TimeExpression | null;
  /** Index into `sentences`. */
  sentence: number;
  /** `expected` for future or anticipated events ("expected to sign"). */
  modality?: 'asserted' | 'expected' | 'negated';
}

/** A topic label with its score. */
export interface Topic {
  label: string;
  score: number;
}

/** A keyword or key phrase. */
export interface Keyword {
  text: string;
  score: number;
}

/** An extractive summary and a generated headline. */
export interface Summary {
  /** Indexes into `sentences`. */
  sentences: number[];
  headline: string;
}

/** The serialized analysis of one text (schemaVersion 1). Layers are absent until a stage adds them. */
export interface AnalyzedDocument {
  schemaVersion: typeof SCHEMA_VERSION;
  text: string;
  sentences?: Sentence[];
  tokens?: Token[];
  repairs?: Repair[];
  entities?: Entity[];
  quotes?: Quote[];
  events?: NewsEvent[];
  topics?: Topic[];
  /** CAMEO / Phoenix issue themes found by lexicon (military, energy, terrorism, …). */
  themes?: Topic[];
  keywords?: Keyword[];
  summary?: Summary;
}

/** Names of the layers a stage can need or add. `morphology` fills token fields rather than adding an array. */
export type LayerName =
  | 'tokens'
  | 'sentences'
  | 'repairs'
  | 'morphology'
  | 'entities'
  | 'quotes'
  | 'events'
  | 'topics'
  | 'keywords'
  | 'summary';

/** Creates an empty document over the given original text. */
export function createDocument(text: string): AnalyzedDocument {
  return { schemaVersion: SCHEMA_VERSION, text };
}
