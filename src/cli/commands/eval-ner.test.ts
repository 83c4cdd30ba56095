import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { evalNer, registerEvalNer } from './eval-ner.js';

// Gold sentences written for this test, in ANERcorp's "token TAG" format.
const GOLD = `التقى O
وزير O
الخارجية O
المصرى O
سامح B-PERS
شكرى I-PERS
نظيره O
الأردنى O
أيمن B-PERS
الصفدى I-PERS
فى O
عمّان B-LOC
. O

ونقلت O
وكالة O
سبوتنيك B-ORG
الروسية O
عن O
الوزير O
أن O
إيران B-LOC
تدعم O
الاتفاق O
. O
`;

const dir = mkdtempSync(join(tmpdir(), 'marsad-eval-ner-'));
const gold = join(dir, 'gold.txt');
writeFileSync(gold, GOLD);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('marsad eval ner', () => {
  it('prints per-type scores and ends with the overall F1 line', () => {
    const out = evalNer({ gold: [gold], window: '10' });
    const lines = out.split('\n');
    expect(lines.at(-1)).toMatch(/^overall F1 \d+\.\d\d$/);
    expect(out).toMatch(/^PER\s/mu);
    expect(out).toContain('gold phrases 5');
    // The model gets these sentences right.
    expect(lines.at(-1)).toBe('overall F1 100.00');
  });

  it('registers under an existing eval command and runs through commander', async () => {
    const program = new Command().exitOverride();
    program.command('eval').command('ud');
    registerEvalNer(program);
    expect(program.commands.filter((c) => c.name() === 'eval')).toHaveLength(1);
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await program.parseAsync(['node', 'marsad', 'eval', 'ner', '--gold', gold, '--json']);
      const printed = JSON.parse(String(write.mock.calls[0][0])) as { overall: { gold: number } };
      expect(printed.overall.gold).toBe(5);
    } finally {
      write.mockRestore();
    }
  });

  it('fails with a clear error for a missing file', () => {
    expect(() => evalNer({ gold: [join(dir, 'nope.txt')], window: '10' })).toThrow(/Gold file not found/);
  });
});
