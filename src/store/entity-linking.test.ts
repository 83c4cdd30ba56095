import { describe, expect, it } from 'vitest';
import type { Entity, EntityType } from '../core/document.js';
import { normalize } from '../core/text/normalize.js';
import { decideLink, entityKeys, type EntityKeyKind, type EntityKeyLookup, looseNameKey, nameKey, surnameOf } from './entity-linking.js';

/** An in-memory key table standing in for the store. */
function table(entries: [EntityKeyKind, EntityType, string, number][], names: Record<number, string>): EntityKeyLookup {
  return {
    find: (kind, type, key) => entries.filter(([k, t, x]) => k === kind && t === type && x === key).map((e) => e[3]),
    isSurnameOnly: (id) => !names[id].includes(' '),
  };
}
const ent = (name: string, type: EntityType = 'PER', mentions: string[] = [name]): Entity => ({
  id: 'e1',
  type,
  name,
  mentions: mentions.map((text) => ({ start: 0, end: text.length, text })),
});
const keys = (e: Entity) => entityKeys(e, normalize)!;

describe('keys', () => {
  it('normalizes names and folds transliteration variants', () => {
    expect(nameKey(normalize('سيرجى لافروف'))).toBe('سيرجي لافروف');
    expect(looseNameKey('سيرغي لافروف')).toBe(looseNameKey('سيرجي لافروف'));
    expect(surnameOf('سيرجي لافروف')).toBe('لافروف');
    expect(surnameOf('محمد بن سلمان')).toBe('سلمان');
    expect(surnameOf('احمد محمد')).toBeUndefined();
    expect(surnameOf('لافروف')).toBeUndefined();
  });

  it('takes aliases from named mentions, not from titles or nisbas', () => {
    const e = ent('سيرجي لافروف', 'PER', ['سيرجي لافروف', 'لافروف']);
    e.mentions.push({ start: 0, end: 6, text: 'الوزير', via: 'title' });
    expect(keys(e).aliases).toEqual(['لافروف']);
  });
});

describe('decideLink', () => {
  it('links by name, then by loose spelling', () => {
    const t = table([['name', 'PER', 'سيرجي لافروف', 1], ['loose', 'PER', looseNameKey('سيرجي لافروف'), 1]], { 1: 'سيرجي لافروف' });
    expect(decideLink(keys(ent('سيرجي لافروف')), t)).toEqual({ action: 'link', entity: 1, evidence: 'name', upgradeName: false });
    expect(decideLink(keys(ent('سيرغي لافروف')), t)).toMatchObject({ action: 'link', entity: 1, evidence: 'loose' });
  });

  it('merges a full name into a surname-only entity and upgrades its name', () => {
    const t = table([['name', 'PER', 'لافروف', 7]], { 7: 'لافروف' });
    expect(decideLink(keys(ent('سيرجي لافروف')), t)).toEqual({ action: 'link', entity: 7, evidence: 'surname', upgradeName: true });
  });

  it('links a surname alone to the one person with that surname, and to nobody when two share it', () => {
    const one = table([['surname', 'PER', 'الاسد', 3]], { 3: 'بشار الاسد' });
    expect(decideLink(keys(ent('الأسد')), one)).toMatchObject({ action: 'link', entity: 3 });
    const two = table(
      [
        ['surname', 'PER', 'الاسد', 3],
        ['surname', 'PER', 'الاسد', 4],
      ],
      { 3: 'بشار الاسد', 4: 'حافظ الاسد' },
    );
    expect(decideLink(keys(ent('الأسد')), two)).toEqual({ action: 'create' });
  });

  it('does not take a common given name as surname evidence', () => {
    const t = table([['name', 'PER', 'محمد', 9]], { 9: 'محمد' });
    expect(decideLink(keys(ent('علي محمد')), t)).toEqual({ action: 'create' });
  });

  it('links places by an alias seen elsewhere, and keeps types apart', () => {
    const t = table([['alias', 'LOC', 'روسيا الاتحادية', 2]], { 2: 'روسيا' });
    expect(decideLink(keys(ent('روسيا الاتحادية', 'LOC')), t)).toMatchObject({ action: 'link', entity: 2, evidence: 'alias' });
    expect(decideLink(keys(ent('روسيا الاتحادية', 'ORG')), t)).toEqual({ action: 'create' });
  });
});
