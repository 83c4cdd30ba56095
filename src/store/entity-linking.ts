/**
 * Cross-article entity linking: deciding which corpus entity an article's entity is.
 *
 * Within one article the `link` stage has already merged `سيرجي لافروف`, `لافروف` and
 * `الوزير` into one entity. Across articles we merge by evidence, in this order:
 * 1. the same type and canonical name key (normalized, letters and digits only);
 * 2. the same type and a loose key (person names: ج/غ/ق and ى/ي/ة/ه spelling variants folded,
 *    `سيرجي`/`سيرغي`; places and organizations: the article `ال` dropped from each word);
 * 3. people: a full name whose surname is the name of a surname-only corpus entity
 *    (`لافروف` seen alone first) merges into it and upgrades its name; a surname-only name
 *    links to the one corpus person with that surname;
 * 4. the same type and an alias seen in another article (`روسيا الاتحادية` ↔ `روسيا`).
 * A step that finds two or more candidates does not merge: ambiguity makes a new entity.
 *
 * Where it goes wrong (see docs/CORPUS.md): two people sharing a surname merge when only
 * one of them has been seen with a full name (`الأسد` before `بشار` and `حافظ` are told
 * apart); a person known by a surname alone in one article and by another surname-bearing
 * relative later stays split; NER type disagreements (`واشنطن` as LOC and as ORG) make two
 * entities; transliteration variants beyond the folded letters (`بوتين`/`بوتن`) stay split;
 * and merges are never undone automatically when later evidence contradicts them.
 */
import type { Entity, EntityType } from '../core/document.js';
import { indexable } from '../core/search/terms.js';

/** Kinds of linking keys. */
export type EntityKeyKind = 'name' | 'loose' | 'surname' | 'alias';

/** Given names and name particles that are never taken as a surname. */
const NOT_SURNAMES = new Set(
  'محمد احمد علي حسن حسين عبد عبدالله عبدالرحمن ابو ابن بن بنت ال الدين الله خالد عمر ابراهيم يوسف مصطفي مصطفى محمود سعيد'.split(' '),
);

/** The canonical key of a name: normalized words, letters and digits only, single spaces. */
export function nameKey(normalizedName: string): string {
  return normalizedName
    .split(/\s+/u)
    .map(indexable)
    .filter((w) => w !== '')
    .join(' ');
}

/** Spelling variants of transliterated names: ج/غ/ق/گ → ج, ى → ي, ة → ه, ؤ/ئ/ء → ا. */
export function looseNameKey(key: string): string {
  return key
    .replace(/[غقگ]/gu, 'ج')
    .replace(/ى/gu, 'ي')
    .replace(/ة/gu, 'ه')
    .replace(/[ؤئء]/gu, 'ا');
}

/** A place or organization key without the article on each word (`الامم المتحده` → `امم متحده`). */
export function looseOrgKey(key: string): string {
  return key
    .split(' ')
    .map((w) => (w.startsWith('ال') && w.length > 4 ? w.slice(2) : w))
    .join(' ');
}

/** The surname of a person's name key: its last word, if it can be one. */
export function surnameOf(key: string): string | undefined {
  const words = key.split(' ');
  if (words.length < 2) return undefined;
  const last = words[words.length - 1];
  return last.length >= 3 && !NOT_SURNAMES.has(last) ? last : undefined;
}

/** The keys an article entity is looked up by and, once linked, stored under. */
export interface EntityKeys {
  type: EntityType;
  name: string;
  key: string;
  loose: string;
  /** Surname of a multi-word person name. */
  surname?: string;
  /** True for a one-word person name that could be a surname. */
  surnameOnly: boolean;
  /** Normalized alias keys from the article's named mentions. */
  aliases: string[];
}

/** Computes the linking keys of an article entity. `normalize` is the tokenizer's. */
export function entityKeys(entity: Entity, normalize: (s: string) => string): EntityKeys | undefined {
  const key = nameKey(normalize(entity.name));
  if (key === '') return undefined;
  const loose = entity.type === 'PER' ? looseNameKey(key) : looseOrgKey(key);
  const surname = entity.type === 'PER' ? surnameOf(key) : undefined;
  const surnameOnly = entity.type === 'PER' && !key.includes(' ') && key.length >= 3 && !NOT_SURNAMES.has(key);
  const aliases = new Set<string>();
  for (const m of entity.mentions) {
    if (m.via === 'title' || m.via === 'nisba') continue;
    const a = nameKey(normalize(m.text));
    if (a !== '' && a !== key) aliases.add(a);
  }
  return { type: entity.type, name: entity.name, key, loose, surname, surnameOnly, aliases: [...aliases] };
}

/** What the linker needs from the store: entity ids by key. */
export interface EntityKeyLookup {
  find(kind: EntityKeyKind, type: EntityType, key: string): number[];
  /** True when the entity's canonical name is a single word (a surname-only entity). */
  isSurnameOnly(entity: number): boolean;
}

/** The decision for one article entity. */
export type LinkDecision =
  | { action: 'link'; entity: number; evidence: EntityKeyKind; upgradeName: boolean }
  | { action: 'create' };

/** Decides which corpus entity an article entity is, from the keys the store knows. */
export function decideLink(keys: EntityKeys, lookup: EntityKeyLookup): LinkDecision {
  const unique = (ids: number[]): number | undefined => (new Set(ids).size === 1 ? ids[0] : undefined);
  const byName = unique(lookup.find('name', keys.type, keys.key));
  if (byName !== undefined) return { action: 'link', entity: byName, evidence: 'name', upgradeName: false };
  const byLoose = unique(lookup.find('loose', keys.type, keys.loose));
  if (byLoose !== undefined) return { action: 'link', entity: byLoose, evidence: 'loose', upgradeName: false };
  if (keys.type === 'PER') {
    if (keys.surname !== undefined) {
      const surnameEntities = lookup.find('name', 'PER', keys.surname).filter((id) => lookup.isSurnameOnly(id));
      const one = unique(surnameEntities);
      if (one !== undefined) return { action: 'link', entity: one, evidence: 'surname', upgradeName: true };
    } else if (keys.surnameOnly) {
      const one = unique(lookup.find('surname', 'PER', keys.key));
      if (one !== undefined) return { action: 'link', entity: one, evidence: 'surname', upgradeName: false };
    }
  }
  const byAlias = unique(lookup.find('alias', keys.type, keys.key));
  if (byAlias !== undefined) return { action: 'link', entity: byAlias, evidence: 'alias', upgradeName: false };
  return { action: 'create' };
}
