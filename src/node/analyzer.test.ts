/**
 * The analyzer built from the models folder when a model is missing: the stages that can run
 * still run, and it says what it left out.
 */
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAnalyzer } from './analyzer.js';
import { modelsDir } from './models.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A models folder with every committed model except those named. */
function modelsWithout(...left: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-models-'));
  dirs.push(dir);
  for (const name of readdirSync(modelsDir())) if (!left.includes(name)) symlinkSync(join(modelsDir(), name), join(dir, name));
  return dir;
}

describe('loadAnalyzer without the morphology model', () => {
  it('skips the NER model, which reads the morphology, and lets the gazetteer recognizer stand in', () => {
    const warnings: string[] = [];
    const analyzer = loadAnalyzer({ modelsDir: modelsWithout('morph'), warn: (m) => warnings.push(m) });
    expect(warnings.some((w) => /NER model needs the morphology/u.test(w))).toBe(true);
    expect(analyzer.stages.map((s) => s.name)).not.toContain('morphology');
    expect(analyzer.stages.map((s) => s.name)).toContain('ner');
    const doc = analyzer.analyze('وصل وزير الخارجية العراقى إبراهيم الجعفرى إلى موسكو أمس، والتقى نظيره الروسى.');
    expect(doc.entities?.some((e) => e.type === 'LOC')).toBe(true);
  });
});

describe('loadAnalyzer with every model', () => {
  it('keeps an organization named in quotes whole: no place mention inside its name', () => {
    const doc = loadAnalyzer().analyze('وصرح المتحدث الرسمى لوكالة "أنباء الشرق الأوسط" بأن الزيارة ناجحة، وزار الوفد جامعة القاهرة.');
    const org = doc.entities?.find((e) => e.type === 'ORG' && e.name === 'انباء الشرق الاوسط');
    expect(org?.mentions.map((m) => m.text)).toEqual(['أنباء الشرق الأوسط']);
    const inside = (doc.entities ?? []).filter((e) => e !== org && e.mentions.some((m) => org !== undefined && m.start >= org.mentions[0].start && m.end <= org.mentions[0].end));
    expect(inside).toEqual([]);
    expect(doc.entities?.find((e) => e.name === 'جامعة القاهرة')?.type).toBe('ORG');
  });
});
