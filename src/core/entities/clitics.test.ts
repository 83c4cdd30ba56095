import { describe, expect, it } from 'vitest';
import { splitProclitics } from './clitics.js';

describe('splitProclitics', () => {
  it.each([
    // word, conjEnd, prepEnd, stemStart, article
    ['والعراق', 1, 1, 3, 'al'],
    ['بالعراق', 0, 1, 3, 'al'],
    ['وبالعراق', 1, 2, 4, 'al'],
    ['للعراق', 0, 1, 2, 'elided'],
    ['وللعراق', 1, 2, 3, 'elided'],
    ['العراق', 0, 0, 2, 'al'],
    ['روسيا', 0, 0, 0, 'none'],
    ['وروسيا', 1, 1, 1, 'none'],
    // Too short to carry a clitic and a stem.
    ['وفد', 0, 0, 0, 'none'],
    ['لها', 0, 0, 0, 'none'],
  ] as const)('%s', (word, conjEnd, prepEnd, stemStart, article) => {
    expect(splitProclitics(word)).toEqual({ conjEnd, prepEnd, stemStart, article });
  });
});
